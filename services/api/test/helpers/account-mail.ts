import type { OneTimeTokenPurpose } from '@cg/db';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../src/config.js';
import { build, type TestApp } from './build.js';
import { type SignedUp, signUp } from './identity.js';
import { type Delivered, type Inbox, linkIn, startInbox } from './mail.js';

type Teardown = Parameters<typeof build>[0];

/** An app whose mail goes to a real SMTP server on loopback, read by the test. */
export async function appWithInbox(
  t: Teardown,
  config: Partial<Config> = {},
): Promise<TestApp & { inbox: Inbox }> {
  const inbox = await startInbox(t);
  const testApp = await build(t, { config: { SMTP_URL: inbox.url, MAIL_POLL_INTERVAL_MS: 20, ...config } });
  return { ...testApp, inbox };
}

/** The `token` of the first link in a message (text part) whose path ends with `path`; the HTML part has the same link. */
export function tokenIn(message: Delivered, path: string): string {
  const url = linkIn(message, path);
  const token = url.searchParams.get('token');
  if (!token) throw new Error(`the link to ${path} has no token`);
  if (!message.html.includes(url.href)) throw new Error(`the HTML part lacks the link to ${path}`);
  return token;
}

/** The six-digit code a sign-in message carries. */
export function codeIn(message: Delivered): string {
  const code = /^\s*(\d{6})\s*$/m.exec(message.text)?.[1];
  if (!code) throw new Error(`no code in “${message.subject}”`);
  return code;
}

/** Whether `secret` appears anywhere in the text (digits only as a whole number). */
export function contains(text: string, secret: string): boolean {
  if (/^\d+$/.test(secret)) return new RegExp(`(?<![0-9])${secret}(?![0-9])`).test(text);
  return text.includes(secret);
}

/** Signs up and confirms the address through the link of the message sign-up sent. */
export async function verifiedSignUp(
  app: FastifyInstance,
  inbox: Inbox,
  side: 'sales' | 'procurement',
  options: { name?: string } = {},
): Promise<SignedUp> {
  const org = await signUp(app, side, options);
  const message = await inbox.next(org.email, (m) => m.text.includes('/verify-email'));
  const res = await app.inject({
    method: 'POST',
    url: '/v1/auth/verify-email',
    payload: { token: tokenIn(message, '/verify-email') },
  });
  if (res.statusCode !== 200) throw new Error(`verify failed: ${res.statusCode} ${res.body}`);
  return org;
}

/** Moves every token of `purpose` for `email` into the past. */
export async function expireTokens(testApp: TestApp, purpose: OneTimeTokenPurpose, email: string) {
  await testApp.testDatabase.database.asSystem((trx) =>
    trx
      .updateTable('one_time_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('purpose', '=', purpose)
      .where('email', '=', email)
      .execute(),
  );
}

/** The audit trail of the admin's organisation, as its admin reads it. */
export async function auditActions(app: FastifyInstance, admin: { auth: Record<string, string> }) {
  const res = await app.inject({ method: 'GET', url: '/v1/audit-events?limit=100', headers: admin.auth });
  if (res.statusCode !== 200) throw new Error(`audit failed: ${res.statusCode} ${res.body}`);
  return res.json().data as { action: string; detail: Record<string, unknown> }[];
}
