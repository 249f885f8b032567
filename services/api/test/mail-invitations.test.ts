import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser } from 'mailparser';
import t from 'tap';
import { mailboxDir } from '../src/modules/mail/index.js';
import { build, type TestApp } from './helpers/build.js';
import { assessment, createDeal, saveAndSubmit } from './helpers/deals.js';
import { type SignedUp, signUp, uniqueEmail } from './helpers/identity.js';
import { linkIn, startInbox } from './helpers/mail.js';

/*
 * Invitations by email, through a real SMTP server on loopback (smtp-server) and read back with
 * mailparser; the mailbox folder of the embedded default; the outbox's retries, once-only
 * sending and its secret kept out of the database and the log.
 */

const PUBLIC_URL = 'https://deals.example.test';
const canary = (label: string) => `CANARY_${label}_${randomBytes(5).toString('hex')}`;

/** Marks a user's address confirmed, as following the verification link does (tested on its own). */
async function confirmAddress(testApp: TestApp, email: string) {
  await testApp.testDatabase.database.asSystem((trx) =>
    trx.updateTable('users').set({ email_verified_at: new Date() }).where('email', '=', email).execute(),
  );
}

async function inviteByEmail(
  testApp: TestApp,
  owner: SignedUp,
  dealId: string,
  payload: Record<string, unknown>,
) {
  return testApp.app.inject({
    method: 'POST',
    url: `/v1/deals/${dealId}/invitations`,
    headers: owner.auth,
    payload,
  });
}

t.test('an invitation by email carries the code and a link to the other side’s portal', async (t) => {
  const inbox = await startInbox(t);
  const testApp = await build(t, {
    config: { SMTP_URL: inbox.url, MAIL_POLL_INTERVAL_MS: 20, PUBLIC_URL, WEBHOOK_WORKER_ENABLED: false },
  });
  const { app, logs } = testApp;
  const sales = await signUp(app, 'sales', { name: 'Acme Telematics' });
  const title = canary('title');
  const deal = await createDeal(app, sales, { title });
  const note = canary('note');
  await saveAndSubmit(app, sales, deal.id, assessment({}, note));
  const buyer = uniqueEmail('procurement');

  const unverified = await inviteByEmail(testApp, sales, deal.id, { email: buyer });
  t.equal(unverified.statusCode, 403, 'an unconfirmed address cannot send invitations by email');
  t.match(unverified.json(), { type: '/problems/email-unverified' });
  t.equal(unverified.headers['content-type'], 'application/problem+json; charset=utf-8');

  await confirmAddress(testApp, sales.email);
  const res = await inviteByEmail(testApp, sales, deal.id, {
    email: buyer.toUpperCase(),
    name: 'Bea Buyer',
    message: 'Looking forward to it.',
  });
  t.equal(res.statusCode, 201, res.body);
  const invitation = res.json();
  t.equal(invitation.emailedTo, buyer, 'the address is kept in lower case');

  const message = await inbox.next(buyer);
  t.match(message.subject, /Acme Telematics invites you to align on/);
  t.ok(message.subject.includes(title), 'the subject names the deal');
  for (const part of [message.text, message.html]) {
    t.ok(part.includes(invitation.code), 'both parts carry the code');
    t.ok(part.includes('Bea Buyer'), 'and greet the person');
    t.ok(part.includes('Looking forward to it.'), 'and quote the note');
    t.ok(part.includes(`${PUBLIC_URL}/buyer/join?code=`), 'and link to the buyer portal’s join page');
  }
  t.notOk(message.raw.includes(note), 'the inviter’s private notes are not in the message');
  const link = linkIn(message, '/buyer/join');
  t.equal(link.searchParams.get('code'), invitation.code);
  t.match(message.html, /<a href="https:\/\/deals\.example\.test\/buyer\/join\?code=/);

  // Opening the link: the portal's page, whose request line is logged without the code.
  const page = await app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
  t.ok([200, 404].includes(page.statusCode), 'the portal answers (404 when it is not built)');
  t.ok(
    logs.some((line) => line.includes('/buyer/join?code=[redacted]')),
    'the logged URL hides the code',
  );

  // The page the link opens: public, and only shared facts.
  const preview = await app.inject({
    method: 'POST',
    url: '/v1/invitations/preview',
    payload: { code: link.searchParams.get('code') },
  });
  t.equal(preview.statusCode, 200, preview.body);
  t.same(preview.json(), {
    deal: { title },
    invitedBy: { organisation: 'Acme Telematics', name: 'First Admin' },
    joinAs: 'procurement',
    expiresAt: invitation.expiresAt,
  });
  t.notOk(preview.body.includes(note));

  // A new organisation signs up from the link and joins with its code.
  const procurement = await signUp(app, 'procurement', { email: buyer });
  const joined = await app.inject({
    method: 'POST',
    url: '/v1/invitations/accept',
    headers: procurement.auth,
    payload: { code: invitation.code },
  });
  t.equal(joined.statusCode, 200, joined.body);

  const used = await app.inject({
    method: 'POST',
    url: '/v1/invitations/preview',
    payload: { code: invitation.code },
  });
  t.equal(used.statusCode, 404, 'a used code shows no deal');
  t.match(used.json().detail, /expired, been used, or been replaced/);

  await invitationMailOnceIn(testApp, buyer, 'sent');
  const stored = await testApp.testDatabase.database.asSystem((trx) =>
    trx
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', buyer)
      .where('template', '=', 'invitation')
      .execute(),
  );
  t.equal(stored.length, 1, 'one invitation in the outbox');
  t.equal(stored[0]?.status, 'sent');
  t.equal(stored[0]?.secret_sealed, null, 'the code is dropped from the outbox once sent');
  const logText = logs.join('\n');
  t.notOk(logText.includes(invitation.code), 'the code is never logged');
  t.notOk(logText.includes(note), 'private notes are never logged');
  t.match(logText, /"msg":"mail sent"/, 'one log line per message');
});

t.test('invitation bodies are checked: bad addresses and stray fields are 400 problems', async (t) => {
  const testApp = await build(t, { config: { MAIL_WORKER_ENABLED: false } });
  const sales = await signUp(testApp.app, 'sales');
  await confirmAddress(testApp, sales.email);
  const deal = await createDeal(testApp.app, sales);
  for (const payload of [
    { email: 'not an address' },
    { email: `${'a'.repeat(250)}@example.com` },
    { name: 'Nobody' },
    { email: 'x@example.com', extra: true },
    { email: 'x@example.com', message: 'm'.repeat(1001) },
  ]) {
    const res = await inviteByEmail(testApp, sales, deal.id, payload);
    t.equal(res.statusCode, 400, JSON.stringify(payload).slice(0, 60));
    t.equal(res.json().type, '/problems/validation-failed');
  }
  const plain = await testApp.app.inject({
    method: 'POST',
    url: `/v1/deals/${deal.id}/invitations`,
    headers: sales.auth,
  });
  t.equal(plain.statusCode, 201, 'the code-only invitation works as before');
  t.notOk('emailedTo' in plain.json());
  const unknown = await testApp.app.inject({
    method: 'POST',
    url: '/v1/invitations/preview',
    payload: { code: 'cgi_nothing-like-it' },
  });
  t.equal(unknown.statusCode, 404);
});

/** The invitation mail queued for `to`, polled until it reaches `status` (or the last read, after 4 s). */
async function invitationMailOnceIn(testApp: TestApp, to: string, status: 'sent' | 'failed') {
  let row: { status: string; attempts: number; secret_sealed: string | null } | undefined;
  for (let i = 0; i < 200 && row?.status !== status; i++) {
    if (i > 0) await sleep(20);
    row = await testApp.testDatabase.database.asSystem((trx) =>
      trx
        .selectFrom('mail_outbox')
        .selectAll()
        .where('to_address', '=', to)
        .where('template', '=', 'invitation')
        .executeTakeFirst(),
    );
  }
  return row;
}

t.test('a refused or unreachable SMTP server is retried, and a 5xx refusal is final', async (t) => {
  const inbox = await startInbox(t);
  const testApp = await build(t, {
    config: {
      SMTP_URL: inbox.url,
      MAIL_POLL_INTERVAL_MS: 20,
      MAIL_RETRY_SCHEDULE_SECONDS: [0, 0.05, 0.05],
      WEBHOOK_WORKER_ENABLED: false,
    },
  });
  const sales = await signUp(testApp.app, 'sales');
  await inbox.next(sales.email); // the sign-up's confirmation link, before the server turns difficult
  await confirmAddress(testApp, sales.email);
  const deal = await createDeal(testApp.app, sales);

  inbox.refuseNext(2, 421);
  const busy = uniqueEmail('procurement');
  t.equal((await inviteByEmail(testApp, sales, deal.id, { email: busy })).statusCode, 201);
  const arrived = await inbox.next(busy);
  t.ok(arrived, 'a 421 (try later) is retried until the server takes the message');
  // The server has the message before the worker records it as sent, so wait for the record.
  const row = await invitationMailOnceIn(testApp, busy, 'sent');
  t.equal(row?.attempts, 3);
  t.equal(row?.status, 'sent');

  inbox.refuseNext(1, 550);
  const gone = uniqueEmail('procurement');
  t.equal((await inviteByEmail(testApp, sales, deal.id, { email: gone })).statusCode, 201);
  const failed = await invitationMailOnceIn(testApp, gone, 'failed');
  t.equal(failed?.status, 'failed', 'a 550 (no such mailbox) is not retried');
  t.equal(failed?.attempts, 1);
  t.equal(failed?.secret_sealed, null, 'and its code is dropped');
  t.equal(inbox.to(gone).length, 0);
});

t.test('two replicas send each message once', async (t) => {
  const inbox = await startInbox(t);
  const config = { SMTP_URL: inbox.url, MAIL_POLL_INTERVAL_MS: 10, WEBHOOK_WORKER_ENABLED: false };
  const first = await build(t, { config });
  const second = await build(t, {
    config,
    shareDatabaseOf: first,
    ownConnections: first.testDatabase.url !== undefined,
  });
  const sales = await signUp(first.app, 'sales');
  await confirmAddress(first, sales.email);
  const addresses: string[] = [];
  for (let i = 0; i < 12; i++) {
    const deal = await createDeal(i % 2 ? first.app : second.app, sales);
    const email = uniqueEmail('procurement');
    addresses.push(email);
    t.equal((await inviteByEmail(i % 2 ? first : second, sales, deal.id, { email })).statusCode, 201);
  }
  for (const email of addresses) await inbox.next(email);
  await sleep(300);
  t.same(
    addresses.map((email) => inbox.to(email).length),
    addresses.map(() => 1),
    'every message arrived exactly once',
  );
});

t.test('without SMTP_URL, mail is written as .eml files to DATA_DIR/mailbox', async (t) => {
  const testApp = await build(t, { config: { MAIL_POLL_INTERVAL_MS: 20, WEBHOOK_WORKER_ENABLED: false } });
  const sales = await signUp(testApp.app, 'sales');
  await confirmAddress(testApp, sales.email);
  const deal = await createDeal(testApp.app, sales);
  const email = uniqueEmail('procurement');
  const res = await inviteByEmail(testApp, sales, deal.id, { email });
  t.equal(res.statusCode, 201);
  const dir = mailboxDir(testApp.config.DATA_DIR);
  const [queued] = await testApp.testDatabase.database.asSystem((trx) =>
    trx.selectFrom('mail_outbox').select('id').where('to_address', '=', email).execute(),
  );
  const name = `${queued?.id}.eml`;
  let files: string[] = [];
  for (let i = 0; i < 200 && !files.includes(name); i++) {
    await sleep(20);
    files = await readdir(dir).catch(() => []);
  }
  t.ok(files.includes(name), 'one file per message, named by its outbox id');
  t.ok(
    files.every((file) => /^mail_[0-9a-z]+\.eml$/.test(file)),
    'and nothing else in the folder',
  );
  const file = path.join(dir, name);
  t.equal((await stat(file)).mode & 0o777, 0o600, 'readable by the owner only');
  const parsed = await simpleParser(await readFile(file));
  t.equal((parsed.to as { text: string }).text, email);
  t.ok(parsed.text?.includes(res.json().code), 'the text part carries the code');
  t.ok(typeof parsed.html === 'string' && parsed.html.includes(res.json().code), 'and the HTML part');
  await sleep(50);
  const line = testApp.logs.find((entry) => entry.includes('"msg":"mail sent"') && entry.includes(name));
  t.ok(line?.includes(file), 'the log line names the file');
  t.notOk(line?.includes(res.json().code), 'but not the code');
});
