import { randomBytes } from 'node:crypto';
import t, { type Test } from 'tap';
import { createNotificationScheduler } from '../src/modules/notifications/scheduler.js';
import { build } from './helpers/build.js';
import { assessment, saveAndSubmit, sharedDeal } from './helpers/deals.js';
import { addMember, createClient, signUp } from './helpers/identity.js';
import { type Delivered, startInbox } from './helpers/mail.js';
import {
  isNotificationMail,
  markVerified,
  notificationSubjects,
  notificationsOf,
  outboxSettled,
  rawHeader,
  setPreferences,
} from './helpers/notifications.js';

const canary = (label: string) => `CANARY_${label}_${randomBytes(5).toString('hex')}`;

/** An assessment whose every note is a canary: private text that must reach no message and no other reply. */
function privateAssessment(label: string) {
  const notes = Array.from({ length: 6 }, (_, i) => canary(`${label}${i}`));
  const body = assessment({
    objectives: [
      { category: 'quality', note: notes[0] ?? '' },
      { category: 'innovation', note: notes[1] ?? '' },
      { category: 'compliance', note: notes[2] ?? '' },
    ],
    risks: {
      operational: { likelihood: 2, impact: 2, note: notes[3] ?? '' },
      financial: { likelihood: 3, impact: 2, note: notes[4] ?? '' },
      informationSecurity: { likelihood: 4, impact: 4, note: notes[5] ?? '' },
    },
  });
  return { body, notes };
}

async function appWithInbox(t: Test) {
  const inbox = await startInbox(t);
  const testApp = await build(t, {
    config: {
      SMTP_URL: inbox.url,
      MAIL_POLL_INTERVAL_MS: 20,
      SCHEDULER_ENABLED: false,
      RATE_LIMIT_ENABLED: false,
    },
  });
  return { inbox, testApp, app: testApp.app };
}

const noCanaryIn = (t: Test, what: string, text: string, notes: readonly string[]) => {
  for (const note of notes) t.notOk(text.includes(note), `${what} carries no private note`);
};

t.test(
  'when the sales side submits, then the buyer’s verified people each get one “your turn” email and everyone on that side an in-app notification',
  async (t) => {
    const { inbox, testApp, app } = await appWithInbox(t);
    const title = `Fleet telematics ${randomBytes(3).toString('hex')}`;
    const { sales, procurement, dealId } = await sharedDeal(app, { title });
    const buyerMember = await addMember(app, procurement, 'member');
    const buyerUnverified = await addMember(app, procurement, 'viewer');
    const salesColleague = await addMember(app, sales, 'member');
    await markVerified(
      testApp,
      procurement.user.id,
      buyerMember.member.id,
      sales.user.id,
      salesColleague.member.id,
    );
    const { body, notes } = privateAssessment('sales');
    const other = privateAssessment('buyer');
    await app.inject({
      method: 'PUT',
      url: `/v1/deals/${dealId}/assessment`,
      headers: procurement.auth,
      payload: other.body,
    });
    const allNotes = [...notes, ...other.notes];

    const submitted = await saveAndSubmit(app, sales, dealId, body);
    t.equal(submitted.statusCode, 200);

    const messages: Delivered[] = [];
    for (const person of [procurement.email, buyerMember.email]) {
      const message = await inbox.next(person, isNotificationMail);
      messages.push(message);
      t.equal(message.subject, `Your turn on “${title}”`, 'the subject says whose turn it is');
      t.match(message.text, /The other side submitted its assessment/);
      t.match(
        message.text,
        new RegExp(`/buyer/deals/${dealId}\\b`),
        'the text links to the buyer portal’s deal',
      );
      t.match(message.html, new RegExp(`href="[^"]*/buyer/deals/${dealId}"`), 'and so does the HTML');
      t.match(rawHeader(message, 'List-Unsubscribe'), /^<https?:\/\/[^>]+\/v1\/unsubscribe\?token=[^>]+>$/);
      t.equal(rawHeader(message, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
      t.ok(message.parsed.text && message.parsed.html, 'a text part and an HTML part');
      noCanaryIn(t, `the message to ${person}`, message.raw, allNotes);
    }
    await outboxSettled(testApp);
    t.equal(notificationSubjects(inbox, procurement.email).length, 1, 'exactly one message per person');
    t.equal(notificationSubjects(inbox, buyerMember.email).length, 1);
    t.same(notificationSubjects(inbox, buyerUnverified.email), [], 'an unverified address gets no mail');
    t.same(notificationSubjects(inbox, sales.email), [], 'the side that acted is not told about itself');
    t.same(notificationSubjects(inbox, salesColleague.email), []);

    for (const person of [procurement, buyerMember, buyerUnverified]) {
      const page = await notificationsOf(app, person);
      const mine = page.data.filter((n) => n.kind === 'assessment.submitted');
      t.equal(mine.length, 1, 'one in-app notification per person, verified or not');
      t.match(mine[0], {
        kind: 'assessment.submitted',
        dealId,
        dealTitle: title,
        headline: `Your turn on “${title}”`,
        readAt: null,
      });
      t.equal(mine[0]?.headline, messages[0]?.subject, 'the portal and the mail say the same');
      noCanaryIn(t, 'the notification list', JSON.stringify(page), allNotes);
    }
    const salesSide = await notificationsOf(app, sales);
    t.same(
      salesSide.data.map((n) => n.kind),
      ['deal.joined'],
      'the sales side heard only that the buyer joined, nothing of its own submission',
    );
  },
);

t.test(
  'when the second side submits, then the first side hears the report is ready, not “your turn”',
  async (t) => {
    const { inbox, testApp, app } = await appWithInbox(t);
    const { sales, procurement, dealId } = await sharedDeal(app);
    await markVerified(testApp, sales.user.id, procurement.user.id);
    await saveAndSubmit(app, sales, dealId, assessment());
    await inbox.next(procurement.email, (m) => m.subject.startsWith('Your turn'));
    await saveAndSubmit(app, procurement, dealId, assessment());
    const ready = await inbox.next(sales.email, isNotificationMail);
    t.match(ready.subject, /^The alignment report for “.+” is ready$/);
    t.match(ready.text, new RegExp(`/supplier/deals/${dealId}\\b`), 'the supplier portal for the sales side');
    const buyerReady = await inbox.next(procurement.email, isNotificationMail);
    t.match(buyerReady.subject, /is ready$/, 'both sides hear of the report');
    await outboxSettled(testApp);
    t.same(
      notificationSubjects(inbox, sales.email),
      [ready.subject],
      'the sales side got the report, and no “your turn” after it had submitted',
    );
    t.same(
      (await notificationsOf(app, sales)).data.map((n) => n.kind),
      ['alignment.ready', 'deal.joined'],
      'newest first',
    );
  },
);

t.test(
  'when a person chose off or digest, then no mail now; the digest sends one message for the day',
  async (t) => {
    const { inbox, testApp, app } = await appWithInbox(t);
    const { sales, procurement, dealId } = await sharedDeal(app);
    const digestReader = await addMember(app, procurement, 'member');
    await markVerified(testApp, procurement.user.id, digestReader.member.id, sales.user.id);
    await setPreferences(app, procurement, { 'assessment.submitted': 'off' });
    await setPreferences(app, digestReader, { 'assessment.submitted': 'digest', 'deal.closed': 'digest' });

    await saveAndSubmit(app, sales, dealId, assessment());
    await app.inject({
      method: 'PATCH',
      url: `/v1/deals/${dealId}`,
      headers: sales.auth,
      payload: { status: 'won' },
    });
    const closed = await inbox.next(procurement.email, isNotificationMail);
    t.match(closed.subject, /was closed$/, 'a kind left at email is still mailed');
    await outboxSettled(testApp);
    t.same(
      notificationSubjects(inbox, procurement.email),
      [closed.subject],
      '“off” sends nothing for that kind',
    );
    t.same(notificationSubjects(inbox, digestReader.email), [], '“digest” sends nothing now');
    t.same(
      (await notificationsOf(app, procurement)).data.map((n) => n.kind),
      ['deal.closed', 'assessment.submitted'],
      'the portal shows every notification whatever the preference',
    );

    const scheduler = createNotificationScheduler({
      database: testApp.testDatabase.database,
      config: { SCHEDULER_INTERVAL_MS: 60_000, DIGEST_HOUR_UTC: 7 },
      log: app.log,
      now: () => new Date('2030-01-02T06:59:00Z'),
    });
    t.equal((await scheduler.runOnce()).digests, 0, 'no digest before the digest hour');
    const atSeven = createNotificationScheduler({
      database: testApp.testDatabase.database,
      config: { SCHEDULER_INTERVAL_MS: 60_000, DIGEST_HOUR_UTC: 7 },
      log: app.log,
      now: () => new Date('2030-01-02T07:00:00Z'),
    });
    t.equal((await atSeven.runOnce()).digests, 1, 'one digest for the one person waiting for one');
    t.equal((await atSeven.runOnce()).digests, 0, 'and only once that day');
    const digest = await inbox.next(digestReader.email, isNotificationMail);
    t.equal(digest.subject, 'Common Ground: 2 updates on your deals');
    t.match(digest.text, /Your turn on/);
    t.match(digest.text, /was closed/);
    t.match(digest.text, new RegExp(`/buyer/deals/${dealId}\\b`));
    t.ok(digest.parsed.html, 'an HTML part too');
    t.match(rawHeader(digest, 'List-Unsubscribe'), /\/v1\/unsubscribe\?token=/);
    t.equal(rawHeader(digest, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    await outboxSettled(testApp);
    t.equal(notificationSubjects(inbox, digestReader.email).length, 1, 'one digest message');
    t.same(notificationSubjects(inbox, procurement.email).length, 1, 'nobody else got a digest');
  },
);

t.test('marking read, reading all, the unread count and pages', async (t) => {
  const { app } = await appWithInbox(t);
  const { sales, procurement, dealId } = await sharedDeal(app);
  await saveAndSubmit(app, sales, dealId, assessment());
  await saveAndSubmit(app, procurement, dealId, assessment());
  await saveAndSubmit(app, sales, dealId, assessment({ disclosure: 'standard' }));
  // procurement: "your turn" (round 1), the report (round 1), a new round (round 2)
  const all = await notificationsOf(app, procurement);
  t.same(
    all.data.map((n) => n.kind),
    ['round.opened', 'alignment.ready', 'assessment.submitted'],
  );
  t.equal(all.unreadCount, 3);
  t.match(all.data[0], { headline: /^A new round awaits you on/, detail: /Round 2 was opened/ });

  const first = await notificationsOf(app, procurement, '?limit=2');
  t.equal(first.data.length, 2);
  t.type(first.nextCursor, 'string');
  const second = await notificationsOf(app, procurement, `?limit=2&cursor=${first.nextCursor}`);
  t.same(
    [...first.data, ...second.data].map((n) => n.id),
    all.data.map((n) => n.id),
    'pages neither skip nor repeat',
  );
  t.equal(second.nextCursor, null);
  t.equal(second.unreadCount, 3, 'the unread count is of all, not of the page');

  const target = all.data[1];
  const read = await app.inject({
    method: 'POST',
    url: `/v1/notifications/${target?.id}/read`,
    headers: procurement.auth,
  });
  t.equal(read.statusCode, 204);
  t.equal(read.headers['cache-control'], 'no-store');
  const afterOne = await notificationsOf(app, procurement);
  t.equal(afterOne.unreadCount, 2);
  const readAt = afterOne.data.find((n) => n.id === target?.id)?.readAt;
  t.type(readAt, 'string', 'readAt is set');
  const again = await app.inject({
    method: 'POST',
    url: `/v1/notifications/${target?.id}/read`,
    headers: procurement.auth,
  });
  t.equal(again.statusCode, 204, 'marking again is fine');
  t.equal(
    (await notificationsOf(app, procurement)).data.find((n) => n.id === target?.id)?.readAt,
    readAt,
    'and keeps the first time',
  );
  const unread = await notificationsOf(app, procurement, '?unread=true');
  t.same(
    unread.data.map((n) => n.id),
    all.data.filter((n) => n.id !== target?.id).map((n) => n.id),
    '?unread=true leaves out what was read',
  );

  const colleague = await addMember(app, procurement, 'member');
  const notTheirs = await app.inject({
    method: 'POST',
    url: `/v1/notifications/${target?.id}/read`,
    headers: colleague.auth,
  });
  t.equal(notTheirs.statusCode, 404, 'a colleague’s notification does not exist for another person');
  t.equal(notTheirs.headers['content-type'], 'application/problem+json; charset=utf-8');
  const otherSide = await app.inject({
    method: 'POST',
    url: `/v1/notifications/${target?.id}/read`,
    headers: sales.auth,
  });
  t.equal(otherSide.statusCode, 404, 'nor for the other organisation');
  t.same((await notificationsOf(app, colleague)).data, [], 'a new colleague has none of them');

  const readAll = await app.inject({
    method: 'POST',
    url: '/v1/notifications/read-all',
    headers: procurement.auth,
  });
  t.equal(readAll.statusCode, 204);
  const afterAll = await notificationsOf(app, procurement);
  t.equal(afterAll.unreadCount, 0);
  t.ok(afterAll.data.every((n) => n.readAt !== null));
  t.equal((await notificationsOf(app, sales)).unreadCount, 2, 'the other side’s notifications are untouched');

  const badCursor = await app.inject({
    method: 'GET',
    url: '/v1/notifications?cursor=nope',
    headers: procurement.auth,
  });
  t.equal(badCursor.statusCode, 400);
  const badUnread = await app.inject({
    method: 'GET',
    url: '/v1/notifications?unread=yes',
    headers: procurement.auth,
  });
  t.equal(badUnread.statusCode, 400);
});

t.test('preferences: every kind listed, partial updates, validation, ETag', async (t) => {
  const { app } = await appWithInbox(t);
  const person = await signUp(app, 'sales');
  const got = await app.inject({
    method: 'GET',
    url: '/v1/me/notification-preferences',
    headers: person.auth,
  });
  t.equal(got.statusCode, 200);
  t.equal(got.headers['cache-control'], 'no-store');
  t.same(got.json(), {
    preferences: {
      'deal.joined': 'email',
      'assessment.submitted': 'email',
      'round.opened': 'email',
      'alignment.ready': 'email',
      'milestone.due': 'email',
      'milestone.overdue': 'email',
      'deal.closed': 'email',
    },
  });
  const etag = got.headers.etag as string;
  t.match(etag, /^"np-[\w-]+"$/);

  const put = await app.inject({
    method: 'PUT',
    url: '/v1/me/notification-preferences',
    headers: { ...person.auth, 'if-match': etag },
    payload: { preferences: { 'milestone.due': 'digest', 'deal.closed': 'off' } },
  });
  t.equal(put.statusCode, 200);
  t.match(put.json().preferences, {
    'milestone.due': 'digest',
    'deal.closed': 'off',
    'deal.joined': 'email',
  });
  t.equal(Object.keys(put.json().preferences).length, 7, 'the whole map comes back');
  t.not(put.headers.etag, etag, 'a new ETag');
  const stale = await app.inject({
    method: 'PUT',
    url: '/v1/me/notification-preferences',
    headers: { ...person.auth, 'if-match': etag },
    payload: { preferences: { 'milestone.due': 'email' } },
  });
  t.equal(stale.statusCode, 412, 'a stale If-Match is refused');
  const reread = await app.inject({
    method: 'GET',
    url: '/v1/me/notification-preferences',
    headers: person.auth,
  });
  t.equal(reread.headers.etag, put.headers.etag);
  t.equal(reread.json().preferences['milestone.due'], 'digest', 'what was saved is read back');

  for (const payload of [
    { preferences: { 'milestone.due': 'sometimes' } },
    { preferences: { 'no.such.kind': 'off' } },
    { 'milestone.due': 'off' },
    { preferences: 'off' },
  ]) {
    const bad = await app.inject({
      method: 'PUT',
      url: '/v1/me/notification-preferences',
      headers: person.auth,
      payload,
    });
    t.equal(bad.statusCode, 400, JSON.stringify(payload));
    t.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
    t.ok(Array.isArray(bad.json().errors), 'with the errors listed');
  }
  const colleague = await addMember(app, person, 'viewer');
  t.equal(
    (
      await app.inject({ method: 'GET', url: '/v1/me/notification-preferences', headers: colleague.auth })
    ).json().preferences['milestone.due'],
    'email',
    'preferences are each person’s own',
  );
});

t.test('when an API client asks for notifications, then 403: notifications belong to people', async (t) => {
  const { app } = await appWithInbox(t);
  const admin = await signUp(app, 'sales');
  const { auth } = await createClient(app, admin, ['deals:read', 'deals:write', 'assessments:read']);
  for (const [method, url] of [
    ['GET', '/v1/notifications'],
    ['POST', '/v1/notifications/read-all'],
    ['POST', '/v1/notifications/ntf_x/read'],
    ['GET', '/v1/me/notification-preferences'],
  ] as const) {
    const res = await app.inject({ method, url, headers: auth });
    t.equal(res.statusCode, 403, `${method} ${url}`);
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  }
  const put = await app.inject({
    method: 'PUT',
    url: '/v1/me/notification-preferences',
    headers: auth,
    payload: { preferences: {} },
  });
  t.equal(put.statusCode, 403);
  const anonymous = await app.inject({ method: 'GET', url: '/v1/notifications' });
  t.equal(anonymous.statusCode, 401);
});

t.test(
  'when everything a queued digest would report was read meanwhile, then no empty digest is sent and nothing is retried',
  async (t) => {
    const inbox = await startInbox(t);
    const quiet = await build(t, {
      config: {
        SMTP_URL: inbox.url,
        MAIL_WORKER_ENABLED: false,
        SCHEDULER_ENABLED: false,
        RATE_LIMIT_ENABLED: false,
      },
    });
    const { sales, procurement, dealId } = await sharedDeal(quiet.app);
    await markVerified(quiet, procurement.user.id);
    await setPreferences(quiet.app, procurement, { 'assessment.submitted': 'digest' });
    await saveAndSubmit(quiet.app, sales, dealId, assessment());
    const scheduler = createNotificationScheduler({
      database: quiet.testDatabase.database,
      config: { SCHEDULER_INTERVAL_MS: 60_000, DIGEST_HOUR_UTC: 0 },
      log: quiet.app.log,
    });
    t.equal((await scheduler.runOnce()).digests, 1);
    await quiet.app.inject({ method: 'POST', url: '/v1/notifications/read-all', headers: procurement.auth });

    // A replica with the mail worker picks the digest up.
    const sender = await build(t, {
      shareDatabaseOf: quiet,
      config: { SMTP_URL: inbox.url, MAIL_POLL_INTERVAL_MS: 20, SCHEDULER_ENABLED: false },
    });
    await outboxSettled(sender);
    const digests = await sender.testDatabase.database.asSystem((trx) =>
      trx.selectFrom('mail_outbox').select(['status', 'attempts']).where('template', '=', 'digest').execute(),
    );
    t.match(digests, [{ status: 'sent', attempts: 1 }], 'settled at the first attempt, not failed');
    t.same(notificationSubjects(inbox, procurement.email), [], 'no empty digest');
    const pending = await sender.testDatabase.database.asSystem((trx) =>
      trx
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', procurement.user.id)
        .where('delivery', '=', 'digest')
        .where('mailed_at', 'is', null)
        .execute(),
    );
    t.same(pending, [], 'and what was read is not carried into tomorrow’s digest');
  },
);
