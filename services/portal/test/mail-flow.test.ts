import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import t from 'tap';
import { build } from '../../api/test/helpers/build.js';
import { type Delivered, linkIn, startInbox } from '../../api/test/helpers/mail.js';
import {
  type Answers,
  checkPage,
  type ExpectedFailure,
  fillAssessment,
  launchChromium,
  settled,
  watchConsole,
} from './helpers/browser.js';
import { ensurePortalBuilt, PORTAL_DIR } from './helpers/portal.js';

/*
 * People in the loop, end to end in Chromium, with every message delivered to a real SMTP server
 * on loopback and every link in it followed in the browser (PUBLIC_URL is the server's own
 * address): nobody copies a code by hand. The supplier signs up and confirms its address, invites
 * the buyer by email; the buyer opens the invitation, signs up right there and lands in the deal;
 * both assess, each is told by email and in the notification centre; a colleague joins through a
 * member invitation; a forgotten password is reset by link; the buyer signs in with an emailed
 * code. No message carries a private note, and no page logs an error.
 */

const RESULTS = join(PORTAL_DIR, 'test-results', 'mail-flow');
const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase for spring';
// A browser and a dozen axe scans: room for a busy machine (a limit, not a claim about speed).
t.setTimeout(300_000);

/** A port nobody listens on now, so PUBLIC_URL can name the server's address before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

const subject = (pattern: RegExp) => (message: Delivered) => pattern.test(message.subject);

t.test('people in the loop, by email, in both portals', async (t) => {
  await ensurePortalBuilt();
  await mkdir(RESULTS, { recursive: true });
  const inbox = await startInbox(t);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { app, logs } = await build(t, {
    config: {
      SMTP_URL: inbox.url,
      PUBLIC_URL: base,
      MAIL_POLL_INTERVAL_MS: 50,
      WEBHOOK_WORKER_ENABLED: false,
    },
  });
  await app.listen({ host: '127.0.0.1', port });
  const browser = await launchChromium(t);

  const consoleErrors: string[] = [];
  const expected: ExpectedFailure[] = [{ status: 404, path: /^\/v1\/deals\/[^/]+\/assessment$/ }];
  const open = async (who: string): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    watchConsole(page, who, consoleErrors, expected);
    return { context, page };
  };
  const { page: sp } = await open('supplier');
  const { page: bp } = await open('buyer');

  let failures = 0;
  t.afterEach(async (step) => {
    if (step.passing()) return;
    failures++;
    for (const [who, page] of [
      ['supplier', sp],
      ['buyer', bp],
    ] as const) {
      await page
        .screenshot({ path: join(RESULTS, `failure-${failures}-${who}.png`), fullPage: true })
        .catch(() => {});
    }
    step.comment(`mail so far: ${inbox.messages.map((m) => `${m.to} “${m.subject}”`).join('; ') || 'none'}`);
    for (const line of logs.filter((entry) => /"level":(40|50|60)/.test(entry)).slice(-10))
      step.comment(line);
  });

  const run = randomUUID().slice(0, 8);
  const supplier = {
    organisation: `Acme Supplies ${run}`,
    name: 'Sam Seller',
    email: `sam-${run}@acme.example`,
  };
  const buyer = {
    organisation: `Globex Procurement ${run}`,
    name: 'Bea Buyer',
    email: `bea-${run}@globex.example`,
  };
  const colleague = { name: 'Max Member', email: `max-${run}@acme.example` };
  const dealTitle = `Fleet telematics ${run}`;
  const note = `canary-note-${randomUUID()}`;
  const canaries = [0, 1, 2, 3, 4, 5].map((index) => `canary-${index}-${randomUUID()}`);
  let dealPath = '';

  /** Follows the link to `path` in the message: it must point at this server. */
  const follow = async (page: Page, message: Delivered, path: string) => {
    const link = linkIn(message, path);
    t.equal(link.origin, base, `the link in “${message.subject}” points at the portal`);
    await page.goto(link.href);
    return link;
  };
  const noSecretInAddress = (page: Page, what: string) =>
    t.equal(new URL(page.url()).search, '', `the ${what} is taken out of the address bar`);

  await t.test('when the supplier signs up, then a banner asks it to confirm its address', async (t) => {
    await sp.goto(`${base}/supplier`);
    await sp.getByRole('link', { name: 'Create an account' }).click();
    await sp.getByLabel('Organisation name', { exact: true }).fill(supplier.organisation);
    await sp.getByLabel('Your name', { exact: true }).fill(supplier.name);
    await sp.getByLabel('Email', { exact: true }).fill(supplier.email);
    await sp.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await sp.getByRole('button', { name: 'Create account' }).click();
    await sp.getByRole('heading', { name: 'Your deals' }).waitFor();
    const banner = sp.getByRole('region', { name: 'Confirm your email address' });
    await banner.waitFor();
    t.match(await banner.textContent(), supplier.email, 'the banner names the address');
    await checkPage(t, sp, RESULTS, 'supplier-unverified');
  });

  await t.test(
    'when the unconfirmed supplier invites by email, then it is told to confirm, and confirms from the resent link',
    async (t) => {
      await sp.getByRole('link', { name: 'New deal' }).click();
      await sp.getByLabel('Title', { exact: true }).fill(dealTitle);
      await sp.getByRole('button', { name: 'Create deal' }).click();
      await sp.getByRole('heading', { name: dealTitle, level: 1 }).waitFor();
      dealPath = new URL(sp.url()).pathname;
      await settled(sp);
      const refused: ExpectedFailure = { status: 403, path: /^\/v1\/deals\/[^/]+\/invitations$/ };
      expected.push(refused);
      await sp.getByLabel('Their email', { exact: true }).fill(buyer.email);
      await sp.getByRole('button', { name: 'Send invitation' }).click();
      const warning = sp.locator('.invite .alert-warning');
      await warning.waitFor();
      expected.splice(expected.indexOf(refused), 1);
      t.match(await warning.textContent(), 'Confirm your email address first', 'the problem is shown');
      await warning.getByRole('button', { name: 'Resend confirmation email' }).click();
      await warning.getByText(/^Sent\./).waitFor();

      await inbox.next(supplier.email, subject(/Confirm your email/));
      const resent = await inbox.next(supplier.email, subject(/Confirm your email/));
      await follow(sp, resent, '/supplier/verify-email');
      await sp.getByText('Your address is confirmed').waitFor();
      noSecretInAddress(sp, 'token');
      await checkPage(t, sp, RESULTS, 'supplier-verified');
      t.equal(
        await sp.getByRole('region', { name: 'Confirm your email address' }).count(),
        0,
        'the banner is gone',
      );
    },
  );

  await t.test(
    'when the supplier invites the buyer by email, then the page says where it went',
    async (t) => {
      await sp.goto(`${base}${dealPath}`);
      await sp.getByRole('heading', { name: dealTitle, level: 1 }).waitFor();
      await settled(sp);
      await sp.getByLabel('Their email', { exact: true }).fill(buyer.email);
      await sp.getByLabel('Their name', { exact: true }).fill(buyer.name);
      await sp.getByLabel('Personal note', { exact: true }).fill(note);
      await sp.getByRole('button', { name: 'Send invitation' }).click();
      await sp.getByText(`Sent to ${buyer.email}`).waitFor();
      t.ok(
        (await sp.getByLabel('Invitation code', { exact: true }).inputValue()).length > 0,
        'and shows the code',
      );
      await checkPage(t, sp, RESULTS, 'supplier-invited-by-email');
    },
  );

  await t.test(
    'when the buyer opens the emailed invitation, then it signs up there and lands in the deal',
    async (t) => {
      const message = await inbox.next(buyer.email, subject(/invites you/));
      t.ok(message.text.includes(note) && message.html.includes(note), 'the note is quoted in both parts');
      await follow(bp, message, '/buyer/join');
      await bp.getByRole('heading', { name: `Join “${dealTitle}”` }).waitFor();
      noSecretInAddress(bp, 'invitation code');
      t.match(
        await bp.locator('.page-heading').textContent(),
        `${supplier.name} of ${supplier.organisation}`,
      );
      await checkPage(t, bp, RESULTS, 'buyer-join');
      await bp.getByLabel('Organisation name', { exact: true }).fill(buyer.organisation);
      await bp.getByLabel('Your name', { exact: true }).fill(buyer.name);
      await bp.getByLabel('Email', { exact: true }).fill(buyer.email);
      await bp.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await bp.getByRole('button', { name: 'Create account and join' }).click();
      await bp.getByRole('heading', { name: dealTitle, level: 1 }).waitFor();
      await bp.getByText(`You joined “${dealTitle}”.`).waitFor();
      await settled(bp);
      t.equal(new URL(bp.url()).pathname, dealPath.replace('/supplier/', '/buyer/'), 'in the deal');
      t.ok(
        await bp.getByText(supplier.organisation).first().isVisible(),
        'with the supplier as counterparty',
      );

      const used: ExpectedFailure = { status: 404, path: /^\/v1\/invitations\/preview$/ };
      expected.push(used);
      await follow(bp, message, '/buyer/join');
      await bp.getByText('This invitation cannot be used').waitFor();
      expected.splice(expected.indexOf(used), 1);
      t.match(await bp.locator('.alert-error').textContent(), /been used/, 'a spent link says why');
      t.ok(await bp.getByRole('link', { name: 'your deals' }).isVisible(), 'and where the deal is');

      const confirm = await inbox.next(buyer.email, subject(/Confirm your email/));
      await follow(bp, confirm, '/buyer/verify-email');
      await bp.getByText('Your address is confirmed').waitFor();
    },
  );

  await t.test('when the buyer has joined, then the supplier is told by email', async (t) => {
    const message = await inbox.next(supplier.email, subject(/joined/));
    const link = linkIn(message, dealPath);
    t.equal(link.pathname, dealPath, 'the message links to the deal in the supplier portal');
    t.ok(message.html.length > 0 && message.text.length > 0, 'with a text part and an HTML part');
  });

  const supplierAnswers: Answers = {
    objectives: ['Business value', 'Innovation', 'Long-term partnership'],
    risks: { Operational: [2, 3], Financial: [2, 2], 'Information security': [4, 4] },
    supplyRisk: 4,
    businessImpact: 4,
    disclosure: 'Detailed',
    notes: canaries,
  };
  await t.test(
    'when the supplier submits, then the buyer gets “your turn” by email and in the portal',
    async (t) => {
      await sp.goto(`${base}${dealPath}`);
      await sp.getByRole('link', { name: 'Fill in your assessment' }).first().click();
      await sp.getByRole('heading', { name: 'Your private assessment' }).waitFor();
      await settled(sp);
      await fillAssessment(sp, supplierAnswers);
      await sp.getByRole('button', { name: 'Save draft' }).click();
      await sp.getByText(/Draft saved/).waitFor();
      await sp.getByRole('button', { name: 'Submit' }).click();
      await sp.locator('.alert-success', { hasText: 'Submitted for round 1' }).waitFor();

      const message = await inbox.next(buyer.email, subject(/Your turn/));
      t.match(message.subject, dealTitle, 'the subject names the deal');
      await bp.goto(`${base}/buyer/deals`);
      await bp.getByRole('heading', { name: 'Your deals' }).waitFor();
      const bell = bp.getByRole('link', { name: /^Notifications, \d+ unread$/ });
      await bell.waitFor();
      t.equal(await bell.getByTestId('unread-count').textContent(), '1', 'the bell counts one unread');
      await bell.click();
      await bp.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
      await settled(bp);
      const item = bp.locator('.notification.is-unread', { hasText: 'Your turn' });
      t.equal(await item.count(), 1, 'the notification is listed as unread');
      await checkPage(t, bp, RESULTS, 'buyer-notifications');
      await item.getByRole('link').click();
      await bp.getByRole('heading', { name: dealTitle, level: 1 }).waitFor();
      await bp.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
      t.pass('opening it marks it read: the bell has no count');
      await follow(bp, message, dealPath.replace('/supplier/', '/buyer/'));
      await bp.getByRole('heading', { name: dealTitle, level: 1 }).waitFor();
    },
  );

  await t.test('when the buyer submits, then both sides are told the report is ready', async (t) => {
    await bp.getByRole('link', { name: 'Fill in your assessment' }).first().click();
    await bp.getByRole('heading', { name: 'Your private assessment' }).waitFor();
    await settled(bp);
    await fillAssessment(bp, {
      objectives: ['Cost savings', 'Innovation', 'Compliance'],
      risks: { Operational: [4, 4], Financial: [2, 3], 'Information security': [4, 5] },
      supplyRisk: 2,
      businessImpact: 4,
      disclosure: 'Detailed',
      notes: [],
    });
    await bp.getByRole('button', { name: 'Save draft' }).click();
    await bp.getByText(/Draft saved/).waitFor();
    await bp.getByRole('button', { name: 'Submit' }).click();
    await bp.getByRole('heading', { name: 'Alignment report' }).waitFor();

    const ready = await inbox.next(supplier.email, subject(/is ready/));
    t.equal(linkIn(ready, dealPath).pathname, dealPath, 'the supplier’s message links to the report');
    await sp.goto(`${base}/supplier/notifications`);
    await sp.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await settled(sp);
    const bell = sp.getByRole('link', { name: /^Notifications, \d+ unread$/ });
    await bell.waitFor();
    const unread = Number(await bell.getByTestId('unread-count').textContent());
    t.ok(unread >= 2, `the supplier has unread notifications (${unread})`);
    t.equal(await sp.locator('.notification.is-unread', { hasText: 'is ready' }).count(), 1, 'the report');
    t.equal(await sp.locator('.notification.is-unread', { hasText: 'joined' }).count(), 1, 'and the join');
    await checkPage(t, sp, RESULTS, 'supplier-notifications');
    await sp.getByRole('button', { name: 'Mark all read' }).click();
    await sp.getByText('You are up to date.').waitFor();
    await sp.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    t.equal(await sp.locator('.notification.is-unread').count(), 0, 'nothing is unread any more');
  });

  await t.test('when the supplier chooses a daily digest for a kind, then the choice is kept', async (t) => {
    await sp.getByRole('link', { name: 'Settings' }).click();
    await sp.getByRole('heading', { name: 'Notification settings' }).waitFor();
    await settled(sp);
    const kind = sp.getByRole('group', { name: 'Your turn' });
    t.ok(await kind.getByRole('radio', { name: 'Email now' }).isChecked(), 'email is the default');
    await kind.getByRole('radio', { name: 'Daily digest' }).check();
    await sp.getByRole('group', { name: 'The deal was closed' }).getByRole('radio', { name: 'Off' }).check();
    await sp.getByRole('button', { name: 'Save settings' }).click();
    await sp.getByText('Your notification settings are saved.').waitFor();
    await checkPage(t, sp, RESULTS, 'supplier-notification-settings');
    await sp.reload();
    await sp.getByRole('heading', { name: 'Notification settings' }).waitFor();
    await settled(sp);
    t.ok(await kind.getByRole('radio', { name: 'Daily digest' }).isChecked(), 'the digest is kept');
    t.ok(
      await sp
        .getByRole('group', { name: 'The deal was closed' })
        .getByRole('radio', { name: 'Off' })
        .isChecked(),
      'and so is off',
    );
  });

  await t.test(
    'when the admin invites a colleague by email, then the colleague sets a password and is in',
    async (t) => {
      await sp.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
      await sp.getByRole('heading', { name: 'Invite by email' }).waitFor();
      await settled(sp);
      await sp.getByLabel('Name', { exact: true }).fill(colleague.name);
      await sp.getByLabel('Email', { exact: true }).fill(colleague.email);
      await sp.getByLabel('Role', { exact: true }).selectOption('viewer');
      await sp.getByRole('button', { name: 'Send invitation' }).click();
      await sp.getByText(`Invitation sent to ${colleague.email}.`).waitFor();

      const message = await inbox.next(colleague.email, subject(/Join/));
      const { page: cp, context } = await open('colleague');
      t.teardown(() => context.close());
      await follow(cp, message, '/supplier/accept-invitation');
      await cp.getByRole('heading', { name: `Join ${supplier.organisation}` }).waitFor();
      noSecretInAddress(cp, 'token');
      t.match(await cp.locator('.facts').textContent(), 'Viewer', 'the role is shown');
      await checkPage(t, cp, RESULTS, 'colleague-accept-invitation');
      await cp.getByLabel('New password', { exact: true }).fill(PASSWORD);
      await cp.getByLabel('Repeat the new password', { exact: true }).fill(PASSWORD);
      await cp.getByRole('button', { name: 'Join and sign in' }).click();
      await cp.getByRole('heading', { name: 'Your deals' }).waitFor();
      await settled(cp);
      t.ok(
        await cp.getByRole('link', { name: dealTitle }).isVisible(),
        'the colleague sees the organisation’s deal',
      );
      t.match(await cp.locator('.account-name').textContent(), colleague.name);
    },
  );

  await t.test('when the supplier forgets its password, then the emailed link sets a new one', async (t) => {
    await sp.getByRole('button', { name: 'Sign out' }).click();
    await sp.getByRole('heading', { name: 'Sign in to the supplier portal' }).waitFor();
    await sp.getByRole('link', { name: 'Forgot password?' }).click();
    await sp.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await sp.getByLabel('Email', { exact: true }).fill(supplier.email);
    await sp.getByRole('button', { name: 'Send the link' }).click();
    await sp.getByText(`If an account exists for ${supplier.email}`).waitFor();
    await checkPage(t, sp, RESULTS, 'supplier-forgot-password');

    const message = await inbox.next(supplier.email, subject(/Reset your/));
    await follow(sp, message, '/supplier/reset-password');
    await sp.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    noSecretInAddress(sp, 'token');
    await sp.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await sp.getByLabel('Repeat the new password', { exact: true }).fill(`${NEW_PASSWORD}!`);
    await sp.getByRole('button', { name: 'Save the new password' }).click();
    await sp.getByText('The two passwords are not the same.').waitFor();
    await sp.getByLabel('Repeat the new password', { exact: true }).fill(NEW_PASSWORD);
    await sp.getByRole('button', { name: 'Save the new password' }).click();
    await sp.getByRole('heading', { name: 'Your password is changed' }).waitFor();
    await checkPage(t, sp, RESULTS, 'supplier-password-reset');
    await sp.getByRole('link', { name: 'Sign in' }).click();

    const wrong: ExpectedFailure = { status: 401, path: /^\/v1\/auth\/session$/ };
    expected.push(wrong);
    await sp.getByLabel('Email', { exact: true }).fill(supplier.email);
    await sp.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await sp.getByRole('button', { name: 'Sign in' }).click();
    await sp.getByText('Email or password is not right').waitFor();
    expected.splice(expected.indexOf(wrong), 1);
    t.pass('the old password no longer works');
    await sp.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await sp.getByRole('button', { name: 'Sign in' }).click();
    await sp.getByRole('heading', { name: 'Your deals' }).waitFor();
    t.pass('the new one does');

    await sp.getByRole('link', { name: 'Account', exact: true }).click();
    await sp.getByRole('heading', { name: 'Change password' }).waitFor();
    await sp.getByLabel('Current password', { exact: true }).fill(NEW_PASSWORD);
    await sp.getByLabel('New password', { exact: true }).fill(PASSWORD);
    await sp.getByLabel('Repeat the new password', { exact: true }).fill(PASSWORD);
    await sp.getByRole('button', { name: 'Change password' }).click();
    await sp.getByText('Your password is changed.').waitFor();
    await checkPage(t, sp, RESULTS, 'supplier-account');
    t.pass('signed in, the password is changed with the current one');
  });

  await t.test('when the buyer asks for a sign-in code, then the emailed code signs it in', async (t) => {
    await bp.getByRole('button', { name: 'Sign out' }).click();
    await bp.getByRole('heading', { name: 'Sign in to the buyer portal' }).waitFor();
    await bp.getByRole('link', { name: 'Email me a sign-in code' }).click();
    await bp.getByLabel('Email', { exact: true }).fill(buyer.email);
    await bp.getByRole('button', { name: 'Email me a code' }).click();
    const field = bp.getByLabel('Sign-in code', { exact: true });
    await field.waitFor();
    await checkPage(t, bp, RESULTS, 'buyer-sign-in-code');
    const message = await inbox.next(buyer.email, subject(/sign-in code/));
    const code = /\b(\d{3}[ -]?\d{3})\b/.exec(message.text)?.[1];
    t.ok(code, 'the message carries a code');
    await field.fill(code ?? '');
    await bp.getByRole('button', { name: 'Sign in' }).click();
    await bp.getByRole('heading', { name: 'Your deals' }).waitFor();
    await settled(bp);
    t.ok(await bp.getByRole('link', { name: dealTitle }).isVisible(), 'signed in, the buyer sees its deal');
  });

  await t.test('then no message carried a private note, and no page logged an error', async (t) => {
    t.ok(inbox.messages.length >= 10, `the messages were delivered (${inbox.messages.length})`);
    const leaked = canaries.filter((canary) =>
      inbox.messages.some((message) => message.raw.includes(canary)),
    );
    t.same(leaked, [], 'no message carries a note from an assessment');
    t.same(consoleErrors, [], 'no console errors');
  });
});
