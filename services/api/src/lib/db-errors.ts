/** True for PostgreSQL's unique_violation, optionally on one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e?.code !== '23505') return false;
  if (!constraint) return true;
  return (
    e.constraint === constraint || (typeof e.message === 'string' && e.message.includes(`"${constraint}"`))
  );
}
