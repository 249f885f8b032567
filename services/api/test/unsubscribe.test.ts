import t from 'tap';
import { unsubscribeTokens } from '../src/modules/notifications/index.js';
import { createNotificationScheduler } from '../src/modules/notifications/scheduler.js';
import { build } from './helpers/build.js';
import { assessment, createDeal, invite, saveAndSubmit, sharedDeal } from './helpers/deals.js';
import { addMember } from './helpers/identity.js';
import { startInbox } from './helpers/mail.js';
import {
  isNotificationMail,
  markVerified,
  notificationSubjects,
  notificationsOf,
  outboxSettled,
  setPreferences,
  unsubscribeUrl,
} from './helpers/notifications.js';

/*
 * RFC 8058 one-click unsubscribe, end to end: the link from a delivered message's
 * `List-Unsubscribe` header, POSTed exactly as a mail client does, stops that kind of message;
 * following the link (as a link scanner would) changes nothing; a forged link is a 400.
 */

const ONE_CLICK = {
  'content-type': 'application/x-www-form-urlencoded',
};
const ONE_CLICK_BODY = 'List-Unsubscribe=One-Click';

async function setUp(t: Parameters<typeof build>[0]) {
  const inbox = await startInbox(t);
  const testApp = await build(t, {
    config: {
      SMTP_URL: inbox.url,
      MAIL_POLL_INTERVAL_MS: 20,
      SCHEDULER_ENABLED: false,
      RATE_LIMIT_ENABLED: false,
    },
  });
  const { app } = testApp;
  const deal = await sharedDeal(app);
  await markVerified(testApp, deal.sales.user.id, deal.procurement.user.id);
  return { inbox, testApp, app, ...deal };
}

const pathOf = (url: URL) => `${url.pathname}${url.search}`;

t.test(
  'when a mail client posts the one-click body to the List-Unsubscribe address, then that kind of mail stops',
  async (t) => {
    const { inbox, testApp, app, sales, procurement, dealId } = await setUp(t);
    await saveAndSubmit(app, sales, dealId, assessment());
    const yourTurn = await inbox.next(procurement.email, isNotificationMail);
    const link = unsubscribeUrl(yourTurn);
    t.match(
      link.href,
      /^http:\/\/127\.0\.0\.1:3000\/v1\/unsubscribe\?token=/,
      'an absolute address on PUBLIC_URL',
    );
    t.match(yourTurn.text, link.href, 'the text part carries the same link');

    const scanned = await app.inject({ method: 'GET', url: pathOf(link), headers: { accept: 'text/html' } });
    t.equal(scanned.statusCode, 200, 'following the link shows a page');
    t.match(scanned.headers['content-type'], /^text\/html/);
    t.match(scanned.body, /<form method="post" action="\/v1\/unsubscribe\?token=[^"]+">/);
    t.match(scanned.body, /<button type="submit">Stop these messages<\/button>/);
    t.match(
      scanned.body,
      /name="List-Unsubscribe" value="One-Click"/,
      'the button posts what a mail client posts',
    );
    t.match(scanned.body, /the other side submits its assessment/);
    t.match(
      scanned.body,
      /href="\/buyer\/notifications\/preferences"/,
      'and links to the right portal’s preferences',
    );
    t.equal(scanned.headers['cache-control'], 'no-store');
    t.match(scanned.headers['content-security-policy'], /frame-ancestors 'none'/, 'security headers stay');
    t.equal(scanned.headers['x-content-type-options'], 'nosniff');
    const before = await app.inject({
      method: 'GET',
      url: '/v1/me/notification-preferences',
      headers: procurement.auth,
    });
    t.equal(before.json().preferences['assessment.submitted'], 'email', 'GET changed nothing');

    const oneClick = await app.inject({
      method: 'POST',
      url: pathOf(link),
      headers: ONE_CLICK,
      payload: ONE_CLICK_BODY,
    });
    t.equal(oneClick.statusCode, 200);
    t.match(oneClick.headers['content-type'], /^text\/plain/, 'a mail client gets plain text');
    t.match(oneClick.body, /no longer get email when the other side submits its assessment/);
    t.equal(oneClick.headers['cache-control'], 'no-store');
    const after = await app.inject({
      method: 'GET',
      url: '/v1/me/notification-preferences',
      headers: procurement.auth,
    });
    t.match(after.json().preferences, {
      'assessment.submitted': 'off',
      'deal.closed': 'email',
      'round.opened': 'email',
    });

    const twice = await app.inject({
      method: 'POST',
      url: pathOf(link),
      headers: ONE_CLICK,
      payload: ONE_CLICK_BODY,
    });
    t.equal(twice.statusCode, 200, 'doing it again is fine');

    // Another deal between the same two organisations: "your turn" again, in the portal only.
    const another = await createDeal(app, sales);
    const { code } = await invite(app, sales, another.id);
    await app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      headers: procurement.auth,
      payload: { code },
    });
    await saveAndSubmit(app, sales, another.id, assessment());
    await app.inject({
      method: 'PATCH',
      url: `/v1/deals/${another.id}`,
      headers: sales.auth,
      payload: { status: 'lost' },
    });
    await inbox.next(procurement.email, (m) => isNotificationMail(m) && /was closed$/.test(m.subject));
    await outboxSettled(testApp);
    t.same(
      notificationSubjects(inbox, procurement.email).filter((s) => s.startsWith('Your turn')),
      [yourTurn.subject],
      'a new event of that kind sends no mail (other kinds still do)',
    );
    const inApp = (await notificationsOf(app, procurement)).data.filter(
      (n) => n.kind === 'assessment.submitted',
    );
    t.same(
      inApp.map((n) => n.dealId),
      [another.id, dealId],
      'it still shows in the portal',
    );
  },
);

t.test(
  'when the page’s button is pressed in a browser, then the same happens, answered with a page',
  async (t) => {
    const { testApp, app, procurement } = await setUp(t);
    const token = unsubscribeTokens(testApp.config.JWT_SECRET).create(procurement.user.id, 'deal.closed');
    const res = await app.inject({
      method: 'POST',
      url: `/v1/unsubscribe?token=${encodeURIComponent(token)}`,
      headers: { ...ONE_CLICK, accept: 'text/html,application/xhtml+xml' },
      payload: ONE_CLICK_BODY,
    });
    t.equal(res.statusCode, 200);
    t.match(res.headers['content-type'], /^text\/html/);
    t.match(res.body, /You are unsubscribed/);
    const prefs = await app.inject({
      method: 'GET',
      url: '/v1/me/notification-preferences',
      headers: procurement.auth,
    });
    t.equal(prefs.json().preferences['deal.closed'], 'off');
  },
);

t.test('when a client sends the one-click body as multipart/form-data, then it works too', async (t) => {
  const { testApp, app, sales } = await setUp(t);
  const token = unsubscribeTokens(testApp.config.JWT_SECRET).create(sales.user.id, 'alignment.ready');
  const boundary = '---FormBoundaryjWmhtjORrn';
  const res = await app.inject({
    method: 'POST',
    url: `/v1/unsubscribe?token=${encodeURIComponent(token)}`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
  });
  t.equal(res.statusCode, 200, res.body);
  const prefs = await app.inject({
    method: 'GET',
    url: '/v1/me/notification-preferences',
    headers: sales.auth,
  });
  t.equal(prefs.json().preferences['alignment.ready'], 'off');
});

t.test('when the digest’s link is used, then every kind the person gets in the digest is off', async (t) => {
  const { inbox, testApp, app, sales, procurement, dealId } = await setUp(t);
  await setPreferences(app, procurement, {
    'assessment.submitted': 'digest',
    'deal.closed': 'digest',
    'alignment.ready': 'email',
  });
  await saveAndSubmit(app, sales, dealId, assessment());
  const scheduler = createNotificationScheduler({
    database: testApp.testDatabase.database,
    config: { SCHEDULER_INTERVAL_MS: 60_000, DIGEST_HOUR_UTC: 0 },
    log: app.log,
  });
  t.equal((await scheduler.runOnce()).digests, 1);
  const digest = await inbox.next(procurement.email, isNotificationMail);
  t.match(digest.subject, /^Common Ground: 1 update on your deals$/);
  const res = await app.inject({
    method: 'POST',
    url: pathOf(unsubscribeUrl(digest)),
    headers: ONE_CLICK,
    payload: ONE_CLICK_BODY,
  });
  t.equal(res.statusCode, 200);
  t.match(res.body, /no longer get the daily digest/);
  const prefs = await app.inject({
    method: 'GET',
    url: '/v1/me/notification-preferences',
    headers: procurement.auth,
  });
  t.match(prefs.json().preferences, {
    'assessment.submitted': 'off',
    'deal.closed': 'off',
    'alignment.ready': 'email',
    'deal.joined': 'email',
  });
});

t.test(
  'when the link is forged, tampered with or names nobody, then 400 — never a change, never a 500',
  async (t) => {
    const { testApp, app, procurement, logs } = await (async () => {
      const set = await setUp(t);
      return { ...set, logs: set.testApp.logs };
    })();
    const tokens = unsubscribeTokens(testApp.config.JWT_SECRET);
    const genuine = tokens.create(procurement.user.id, 'deal.joined');
    const [subject, signature] = genuine.split('.') as [string, string];
    const forgedSubject = Buffer.from(`${procurement.user.id}:deal.closed`).toString('base64url');
    const otherKey = unsubscribeTokens('another secret of at least thirty-two characters');
    const member = await addMember(app, procurement, 'member');
    const gone = tokens.create(member.member.id, 'deal.joined');
    await app.inject({
      method: 'DELETE',
      url: `/v1/organisation/members/${member.member.id}`,
      headers: procurement.auth,
    });
    const bad = [
      'nonsense',
      `${forgedSubject}.${signature}`,
      `${subject}.${signature}x`,
      `${subject}.${signature}.extra`,
      otherKey.create(procurement.user.id, 'deal.joined'),
      tokens.create(procurement.user.id, 'deal.joined').replace(/^./, 'A'),
      `${Buffer.from('usr_x:not-a-kind').toString('base64url')}.${signature}`,
      gone,
    ];
    for (const token of bad) {
      const url = `/v1/unsubscribe?token=${encodeURIComponent(token)}`;
      for (const method of ['GET', 'POST'] as const) {
        const res = await app.inject({
          method,
          url,
          ...(method === 'POST' ? { headers: ONE_CLICK, payload: ONE_CLICK_BODY } : {}),
        });
        t.equal(res.statusCode, 400, `${method} with ${token.slice(0, 20)}…`);
        t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
        t.match(res.json(), { type: '/problems/invalid-link', status: 400 });
      }
    }
    const browser = await app.inject({
      method: 'GET',
      url: `/v1/unsubscribe?token=${encodeURIComponent(bad[1] ?? '')}`,
      headers: { accept: 'text/html' },
    });
    t.equal(browser.statusCode, 400);
    t.match(browser.headers['content-type'], /^text\/html/, 'a browser gets a page');
    t.match(browser.body, /This link does not work/);
    t.match(browser.headers['content-security-policy'], /default-src 'self'/);

    const noToken = await app.inject({ method: 'GET', url: '/v1/unsubscribe' });
    t.equal(noToken.statusCode, 400, 'no token: a validation problem');
    const noBody = await app.inject({
      method: 'POST',
      url: `/v1/unsubscribe?token=${encodeURIComponent(genuine)}`,
    });
    t.equal(noBody.statusCode, 400, 'a POST without the one-click body changes nothing');
    const wrongBody = await app.inject({
      method: 'POST',
      url: `/v1/unsubscribe?token=${encodeURIComponent(genuine)}`,
      headers: ONE_CLICK,
      payload: 'List-Unsubscribe=Maybe',
    });
    t.equal(wrongBody.statusCode, 400);
    const text = await app.inject({
      method: 'POST',
      url: `/v1/unsubscribe?token=${encodeURIComponent(genuine)}`,
      headers: { 'content-type': 'text/plain' },
      payload: ONE_CLICK_BODY,
    });
    t.equal(text.statusCode, 415);

    const prefs = await app.inject({
      method: 'GET',
      url: '/v1/me/notification-preferences',
      headers: procurement.auth,
    });
    t.ok(
      Object.values(prefs.json().preferences).every((d) => d === 'email'),
      'nothing was changed by any of them',
    );

    const ok = await app.inject({
      method: 'POST',
      url: `/v1/unsubscribe?token=${encodeURIComponent(genuine)}`,
      headers: ONE_CLICK,
      payload: ONE_CLICK_BODY,
    });
    t.equal(ok.statusCode, 200);
    const all = logs.join('\n');
    t.notOk(all.includes(signature), 'no token reaches the log');
    t.match(all, /\/v1\/unsubscribe\?token=\[redacted\]/, 'the request line shows the token redacted');
  },
);
