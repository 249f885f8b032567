import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { TestApp } from './build.js';
import type { SignedUp } from './identity.js';
import type { Delivered } from './mail.js';

/** New sign-ups are unverified (and get no mail): tests verify people by hand. */
export async function markVerified(testApp: TestApp, ...userIds: string[]): Promise<void> {
  await testApp.testDatabase.database.asSystem((trx) =>
    trx.updateTable('users').set({ email_verified_at: new Date() }).where('id', 'in', userIds).execute(),
  );
}

/** A header of a message as it went over the wire (unfolded), or undefined. */
export function rawHeader(message: Delivered, name: string): string | undefined {
  const head = message.raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** The one-click address of a message's `List-Unsubscribe` header. */
export function unsubscribeUrl(message: Delivered): URL {
  const header = rawHeader(message, 'List-Unsubscribe');
  const match = header ? /^<([^>]+)>$/.exec(header) : null;
  if (!match?.[1]) throw new Error(`no List-Unsubscribe header in “${message.subject}”: ${header}`);
  return new URL(match[1]);
}

interface NotificationItem {
  id: string;
  kind: string;
  dealId: string;
  dealTitle: string;
  headline: string;
  detail: string;
  createdAt: string;
  readAt: string | null;
}

export async function notificationsOf(app: FastifyInstance, party: Pick<SignedUp, 'auth'>, query = '') {
  const res = await app.inject({ method: 'GET', url: `/v1/notifications${query}`, headers: party.auth });
  if (res.statusCode !== 200) throw new Error(`list notifications failed: ${res.statusCode} ${res.body}`);
  return res.json() as { data: NotificationItem[]; unreadCount: number; nextCursor: string | null };
}

export async function setPreferences(
  app: FastifyInstance,
  party: Pick<SignedUp, 'auth'>,
  preferences: Record<string, 'email' | 'digest' | 'off'>,
) {
  const res = await app.inject({
    method: 'PUT',
    url: '/v1/me/notification-preferences',
    headers: party.auth,
    payload: { preferences },
  });
  if (res.statusCode !== 200) throw new Error(`set preferences failed: ${res.statusCode} ${res.body}`);
  return res.json() as { preferences: Record<string, string> };
}

/** Waits until the mail outbox has nothing left to send, so that "no message" can be asserted. */
export async function outboxSettled(testApp: TestApp, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const pending = await testApp.testDatabase.database.asSystem((trx) =>
      trx
        .selectFrom('mail_outbox')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow(),
    );
    if (Number(pending.count) === 0) return;
    await sleep(20);
  }
  throw new Error('the mail outbox did not settle');
}

/** Notification and digest messages: the ones a person may stop (verification and other mail is not). */
export const isNotificationMail = (message: Delivered) =>
  rawHeader(message, 'List-Unsubscribe') !== undefined;

/** The notification and digest messages to `address` received so far, by subject. */
export const notificationSubjects = (inbox: { to(address: string): Delivered[] }, address: string) =>
  inbox
    .to(address)
    .filter(isNotificationMail)
    .map((message) => message.subject);
