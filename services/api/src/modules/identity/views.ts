/** How a person of the organisation is shown: to itself, and to its administrators. */
export const userView = (user: {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'member' | 'viewer';
  email_verified_at: Date | null;
}) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  emailVerified: user.email_verified_at !== null,
});

export const memberView = (user: {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'member' | 'viewer';
  email_verified_at: Date | null;
  created_at: Date;
}) => ({
  ...userView(user),
  createdAt: user.created_at.toISOString(),
});
