import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import type { Config } from '../src/config.js';
import { createNotificationScheduler, digestSlot } from '../src/modules/notifications/scheduler.js';
import { build, type TestApp } from './helpers/build.js';
import { sharedDeal } from './helpers/deals.js';
import { addMember, type SignedUp } from './helpers/identity.js';
import { type Inbox, startInbox } from './helpers/mail.js';
import {
  isNotificationMail,
  markVerified,
  notificationSubjects,
  notificationsOf,
  outboxSettled,
  setPreferences,
} from './helpers/notifications.js';

/*
 * The scheduler: milestone reminders (due within 48 hours, overdue) for the owner side, and the
 * daily digest — each exactly once, however many replicas run it at the same time.
 */

const HOUR = 3600 * 1000;
const NOW = new Date('2031-03-10T12:00:00.000Z');

const CONFIG: Partial<Config> = {
  MAIL_POLL_INTERVAL_MS: 20,
  SCHEDULER_ENABLED: false,
  RATE_LIMIT_ENABLED: false,
};

function schedulerOf(testApp: TestApp, now: () => Date, digestHourUtc = 7) {
  return createNotificationScheduler({
    database: testApp.testDatabase.database,
    config: { SCHEDULER_INTERVAL_MS: 60_000, DIGEST_HOUR_UTC: digestHourUtc },
    log: testApp.app.log,
    now,
  });
}

async function milestone(
  app: TestApp['app'],
  party: SignedUp,
  dealId: string,
  body: { title: string; ownerSide: 'sales' | 'procurement'; dueAt?: string; status?: string },
) {
  const res = await app.inject({
    method: 'POST',
    url: `/v1/deals/${dealId}/milestones`,
    headers: party.auth,
    payload: body,
  });
  if (res.statusCode !== 201) throw new Error(`milestone failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; dueAt: string | null };
}

const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

t.test('digest slots: the day in UTC, from the digest hour on', async (t) => {
  t.equal(digestSlot(new Date('2031-03-10T06:59:59Z'), 7), undefined);
  t.equal(digestSlot(new Date('2031-03-10T07:00:00Z'), 7), '2031-03-10');
  t.equal(digestSlot(new Date('2031-03-10T23:59:59Z'), 7), '2031-03-10');
  t.equal(digestSlot(new Date('2031-03-11T00:00:00Z'), 0), '2031-03-11');
});

t.test(
  'milestone reminders go to the owner side, once, for what is due within 48 hours or overdue',
  async (t) => {
    const inbox = await startInbox(t);
    const testApp = await build(t, { config: { ...CONFIG, SMTP_URL: inbox.url } });
    const { app } = testApp;
    const { sales, procurement, dealId } = await sharedDeal(app);
    const buyerColleague = await addMember(app, procurement, 'viewer');
    await markVerified(testApp, sales.user.id, procurement.user.id);

    const dueSoon = await milestone(app, sales, dealId, {
      title: 'Security questionnaire',
      ownerSide: 'procurement',
      dueAt: at(24 * HOUR),
    });
    const overdue = await milestone(app, procurement, dealId, {
      title: 'Pilot kickoff',
      ownerSide: 'sales',
      dueAt: at(-2 * HOUR),
    });
    await milestone(app, sales, dealId, {
      title: 'Far away',
      ownerSide: 'procurement',
      dueAt: at(100 * HOUR),
    });
    await milestone(app, sales, dealId, { title: 'Undated', ownerSide: 'procurement' });
    await milestone(app, sales, dealId, {
      title: 'Already done',
      ownerSide: 'procurement',
      dueAt: at(-HOUR),
      status: 'done',
    });
    // A closed deal gets no reminders.
    const closed = await sharedDeal(app);
    await milestone(app, closed.sales, closed.dealId, {
      title: 'Late',
      ownerSide: 'sales',
      dueAt: at(-HOUR),
    });
    await app.inject({
      method: 'PATCH',
      url: `/v1/deals/${closed.dealId}`,
      headers: closed.sales.auth,
      payload: { status: 'withdrawn' },
    });

    const scheduler = schedulerOf(testApp, () => NOW);
    const run = await scheduler.runOnce();
    t.match(
      run,
      { dueReminders: 1, overdueReminders: 1, notified: 3 },
      'two procurement people, one sales person',
    );
    t.match(
      await scheduler.runOnce(),
      { dueReminders: 0, overdueReminders: 0, notified: 0 },
      'nothing twice',
    );

    for (const person of [procurement, buyerColleague]) {
      const reminders = (await notificationsOf(app, person)).data.filter((n) =>
        n.kind.startsWith('milestone.'),
      );
      t.equal(reminders.length, 1);
      t.match(reminders[0], {
        kind: 'milestone.due',
        dealId,
        headline: /^A milestone on “.+” is due soon$/,
        detail: `“Security questionnaire”, owned by your side, is due on ${at(24 * HOUR).slice(0, 10)}.`,
      });
    }
    const salesReminders = (await notificationsOf(app, sales)).data.filter((n) =>
      n.kind.startsWith('milestone.'),
    );
    t.match(salesReminders, [
      { kind: 'milestone.overdue', detail: /“Pilot kickoff”, owned by your side, was due on/ },
    ]);
    t.same(
      (await notificationsOf(app, closed.sales)).data.filter((n) => n.kind.startsWith('milestone.')),
      [],
      'none on a closed deal',
    );

    const mailed = await inbox.next(procurement.email, isNotificationMail);
    t.equal(mailed.subject, `A milestone on “Fleet telematics rollout” is due soon`);
    t.match(mailed.text, new RegExp(`/buyer/deals/${dealId}\\b`));
    const salesMail = await inbox.next(
      sales.email,
      (m) => isNotificationMail(m) && /overdue/.test(m.subject),
    );
    t.match(salesMail.text, new RegExp(`/supplier/deals/${dealId}\\b`));

    // Two days on, the milestone due soon is overdue: one more reminder, of the other kind.
    const later = schedulerOf(testApp, () => new Date(NOW.getTime() + 25 * HOUR));
    t.match(await later.runOnce(), { dueReminders: 0, overdueReminders: 1, notified: 2 });
    // A new due date is a new cause: reminded again.
    await app.inject({
      method: 'PATCH',
      url: `/v1/deals/${dealId}/milestones/${overdue.id}`,
      headers: sales.auth,
      payload: { dueAt: at(30 * HOUR) },
    });
    t.match(await later.runOnce(), { dueReminders: 1, overdueReminders: 0, notified: 1 });
    // Done is done.
    await app.inject({
      method: 'PATCH',
      url: `/v1/deals/${dealId}/milestones/${dueSoon.id}`,
      headers: sales.auth,
      payload: { status: 'done', dueAt: at(26 * HOUR) },
    });
    t.match(await later.runOnce(), { dueReminders: 0, overdueReminders: 0, notified: 0 });
    await outboxSettled(testApp);
    t.same(
      notificationSubjects(inbox, procurement.email),
      [
        'A milestone on “Fleet telematics rollout” is due soon',
        'A milestone on “Fleet telematics rollout” is overdue',
      ],
      'each reminder mailed once',
    );
    t.same(
      notificationSubjects(inbox, buyerColleague.email),
      [],
      'an unverified person is reminded in the portal only',
    );
  },
);

async function twoReplicas(t: Parameters<typeof build>[0], inbox: Inbox) {
  const config = { ...CONFIG, SMTP_URL: inbox.url };
  const one = await build(t, { config });
  const two = await build(t, {
    shareDatabaseOf: one,
    ownConnections: one.testDatabase.url !== undefined,
    config,
  });
  return [one, two] as const;
}

t.test(
  'when two replicas run the scheduler at the same time, then each reminder and each digest happens once',
  async (t) => {
    const inbox = await startInbox(t);
    const [one, two] = await twoReplicas(t, inbox);
    const { app } = one;
    const deals = await Promise.all(Array.from({ length: 3 }, () => sharedDeal(app)));
    const people: SignedUp[] = [];
    for (const { sales, procurement, dealId } of deals) {
      people.push(sales, procurement);
      await markVerified(one, sales.user.id, procurement.user.id);
      await setPreferences(app, procurement, { 'milestone.due': 'digest', 'milestone.overdue': 'digest' });
      for (let i = 0; i < 40; i++) {
        await milestone(app, sales, dealId, {
          title: `Step ${i}`,
          ownerSide: i % 2 === 0 ? 'sales' : 'procurement',
          dueAt: at((i % 3 === 0 ? -1 : 1) * (i + 1) * HOUR),
        });
      }
    }
    // 3 deals × 40 milestones: more than a batch, each reminding one person.
    const clock = () => NOW;
    const schedulers = [one, two, one, two].map((replica) => schedulerOf(replica, clock));
    const runs = (await Promise.all(schedulers.map((s) => s.runOnce()))).concat(
      await Promise.all(schedulers.map((s) => s.runOnce())),
    );
    const total = (key: 'dueReminders' | 'overdueReminders' | 'notified' | 'digests') =>
      runs.reduce((sum, run) => sum + run[key], 0);
    t.equal(total('dueReminders') + total('overdueReminders'), 120, 'every reminder once across all runs');
    t.equal(total('notified'), 120, 'one notification each');
    t.equal(total('digests'), 3, 'one digest per person waiting for one, once');

    const counts = await one.testDatabase.database.asSystem((trx) =>
      trx
        .selectFrom('notifications')
        .select(['user_id', 'kind', 'cause'])
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('kind', 'in', ['milestone.due', 'milestone.overdue'])
        .groupBy(['user_id', 'kind', 'cause'])
        .execute(),
    );
    t.equal(counts.length, 120);
    t.ok(
      counts.every((row) => Number(row.count) === 1),
      'never twice per person and cause',
    );

    for (const { sales, procurement } of deals) {
      const digest = await inbox.next(procurement.email, (m) => m.subject.endsWith('updates on your deals'));
      t.equal(digest.subject, 'Common Ground: 20 updates on your deals');
      const salesMails = await Promise.all(
        Array.from({ length: 20 }, () => inbox.next(sales.email, isNotificationMail)),
      );
      t.equal(salesMails.length, 20);
    }
    await outboxSettled(one);
    for (const person of people) {
      const expected = person.organisation.side === 'sales' ? 20 : 1;
      t.equal(
        notificationSubjects(inbox, person.email).length,
        expected,
        `${person.organisation.side}: each mail once`,
      );
    }
  },
);

t.test('when the scheduler is enabled, then the app runs it by itself', async (t) => {
  const inbox = await startInbox(t);
  const testApp = await build(t, {
    config: { ...CONFIG, SMTP_URL: inbox.url, SCHEDULER_ENABLED: true, SCHEDULER_INTERVAL_MS: 100 },
  });
  const { app } = testApp;
  const { sales, procurement, dealId } = await sharedDeal(app);
  await markVerified(testApp, procurement.user.id);
  await milestone(app, sales, dealId, {
    title: 'Sign the NDA',
    ownerSide: 'procurement',
    dueAt: new Date(Date.now() + 3 * HOUR).toISOString(),
  });
  const mail = await inbox.next(procurement.email, isNotificationMail);
  t.match(mail.subject, /is due soon$/);
  await sleep(300);
  t.equal(notificationSubjects(inbox, procurement.email).length, 1, 'and only once');
  t.ok(
    testApp.logs.some((line) => /"msg":"scheduler run"/.test(line) && /"dueReminders":1/.test(line)),
    'one log line for the run that did something',
  );
  t.notOk(
    testApp.logs.some((line) => /Sign the NDA/.test(line)),
    'the log has counts, not titles',
  );
});
