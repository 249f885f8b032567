import type { Side } from '@cg/domain';
import {
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  type NotificationDelivery,
  type NotificationKind,
} from '@cg/domain';
import type { CommonGroundClient, Schemas } from '@cg/sdk';
import { call, type Result } from './api.js';

/*
 * The routes for people in the loop: invitations by email and their preview, confirming an
 * address, recovering and changing a password, sign-in codes, members invited by email, and
 * notifications. Their shapes are those of packages/contracts (account.ts, notifications.ts,
 * deals.ts), written out here so the portal does not wait for the SDK's generated types; each
 * request still goes through the session's client (its token, its refresh, its problem handling).
 */

type Reply<T> =
  | { data: T; error?: never; response: Response }
  | { data?: never; error: unknown; response: Response };

interface Init {
  body?: unknown;
  params?: { query?: Record<string, string | number> };
  headers?: Record<string, string>;
}

type Untyped = Record<'GET' | 'POST' | 'PUT', <T>(path: string, init: Init) => Promise<Reply<T>>>;

function send<T>(
  client: CommonGroundClient,
  method: keyof Untyped,
  path: string,
  init: Init = {},
): Promise<Result<T>> {
  return call((client as unknown as Untyped)[method]<T>(path, init));
}

const segment = encodeURIComponent;

/* Invitations to a deal */

export interface InvitationPreview {
  deal: { title: string };
  invitedBy: { organisation: string; name: string | null };
  joinAs: Side;
  expiresAt: string;
}

export interface SentInvitation {
  code: string;
  expiresAt: string;
  emailedTo?: string;
}

export interface InvitationByEmail {
  email?: string;
  name?: string;
  message?: string;
}

export const previewInvitation = (client: CommonGroundClient, code: string) =>
  send<InvitationPreview>(client, 'POST', '/v1/invitations/preview', { body: { code } });

export const sendInvitation = (client: CommonGroundClient, dealId: string, body: InvitationByEmail) =>
  send<SentInvitation>(client, 'POST', `/v1/deals/${segment(dealId)}/invitations`, { body });

/* The address and the password */

type User = Schemas['User'] & { emailVerified?: boolean };

export const verifyEmail = (client: CommonGroundClient, token: string) =>
  send<User>(client, 'POST', '/v1/auth/verify-email', { body: { token } });

export const resendVerification = (client: CommonGroundClient) =>
  send<unknown>(client, 'POST', '/v1/me/verification-email');

export const requestPasswordReset = (client: CommonGroundClient, email: string) =>
  send<{ accepted: true }>(client, 'POST', '/v1/auth/password-reset', { body: { email } });

export const confirmPasswordReset = (client: CommonGroundClient, token: string, password: string) =>
  send<undefined>(client, 'POST', '/v1/auth/password-reset/confirm', { body: { token, password } });

export const changePassword = (client: CommonGroundClient, currentPassword: string, newPassword: string) =>
  send<undefined>(client, 'POST', '/v1/me/password', { body: { currentPassword, newPassword } });

export const requestSignInCode = (client: CommonGroundClient, email: string) =>
  send<{ accepted: true }>(client, 'POST', '/v1/auth/sign-in-code', { body: { email } });

/* Members invited by email */

type Role = Schemas['Role'];

export interface MemberInvitation {
  email: string;
  name: string;
  role: Role;
  expiresAt: string;
}

export interface MemberInvitationPreview {
  organisation: { name: string; side: Side };
  email: string;
  name: string;
  role: Role;
  invitedBy: { name: string };
  expiresAt: string;
}

export const inviteMember = (client: CommonGroundClient, body: { email: string; name: string; role: Role }) =>
  send<MemberInvitation>(client, 'POST', '/v1/organisation/member-invitations', { body });

export const previewMemberInvitation = (client: CommonGroundClient, token: string) =>
  send<MemberInvitationPreview>(client, 'POST', '/v1/auth/member-invitations/preview', { body: { token } });

export const acceptMemberInvitation = (
  client: CommonGroundClient,
  body: { token: string; password: string; name?: string },
) =>
  send<{ organisation: Schemas['Organisation']; user: User }>(
    client,
    'POST',
    '/v1/auth/member-invitations/accept',
    { body },
  );

/* Notifications */

export { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS, type NotificationDelivery, type NotificationKind };
export type NotificationPreferences = Record<NotificationKind, NotificationDelivery>;

export interface Notification {
  id: string;
  kind: NotificationKind;
  dealId: string;
  dealTitle: string;
  headline: string;
  detail: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  data: Notification[];
  unreadCount: number;
  nextCursor: string | null;
}

export const listNotifications = (
  client: CommonGroundClient,
  query: { limit: number; cursor?: string | undefined; unread?: boolean },
) =>
  send<NotificationPage>(client, 'GET', '/v1/notifications', {
    params: {
      query: {
        limit: query.limit,
        ...(query.cursor ? { cursor: query.cursor } : {}),
        ...(query.unread ? { unread: 'true' } : {}),
      },
    },
  });

export const markNotificationRead = (client: CommonGroundClient, id: string) =>
  send<undefined>(client, 'POST', `/v1/notifications/${segment(id)}/read`);

export const markAllNotificationsRead = (client: CommonGroundClient) =>
  send<undefined>(client, 'POST', '/v1/notifications/read-all');

/** The preferences with their `ETag`, which a change sends back as `If-Match` (412 if changed since). */
export interface SavedPreferences {
  preferences: NotificationPreferences;
  etag: string | undefined;
}

async function withEtag(request: Promise<Result<{ preferences: NotificationPreferences }>>) {
  const result = await request;
  if (!result.ok) return result;
  const data: SavedPreferences = {
    preferences: result.data.preferences,
    etag: result.response.headers.get('etag') ?? undefined,
  };
  return { ...result, data };
}

export const readNotificationPreferences = (client: CommonGroundClient) =>
  withEtag(send(client, 'GET', '/v1/me/notification-preferences'));

export const saveNotificationPreferences = (
  client: CommonGroundClient,
  preferences: Partial<NotificationPreferences>,
  etag: string | undefined,
) =>
  withEtag(
    send(client, 'PUT', '/v1/me/notification-preferences', {
      body: { preferences },
      ...(etag ? { headers: { 'if-match': etag } } : {}),
    }),
  );
