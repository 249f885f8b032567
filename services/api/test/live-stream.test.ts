import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventSource } from 'eventsource';
import t, { type Test } from 'tap';
import { LiveTimelines, type TimelineEntry } from '../src/modules/deal-room/live-timeline.js';
import { build, type TestApp } from './helpers/build.js';
import { type AssessmentBody, assessment } from './helpers/deals.js';
import {
  call,
  type HttpParty,
  putAssessmentOver,
  sharedDealOver,
  signUpOver,
  submitOver,
  waitFor,
} from './helpers/http-api.js';
import { addMember, createClient, login, signUp } from './helpers/identity.js';
import { handmadeJwt, sessionOf } from './helpers/jwt.js';
import { startPrivatePostgres } from './helpers/private-postgres.js';
import { startServer } from './helpers/process.js';
import { openEventStream, type SseEvent, type SseStream } from './helpers/sse.js';

/*
 * Issue 16, live pages: `GET /v1/deals/{id}/stream` over a real HTTP listener, read by an SSE
 * client written from the standard (helpers/sse.ts), never by the server's code. A party sees
 * the other side's writes within a second; outsiders get what every deal route gives them; the
 * stream carries the timeline's entries exactly as the list does and never a private input;
 * `Last-Event-ID` resumes without duplicates; across replicas and a PostgreSQL restart (when
 * TEST_DATABASE_URL is set) nothing is lost.
 */

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
/** What "within a second" allows: the requirement, measured from the start of the write. */
const LIVE_MS = 1000;

const LIVE_CONFIG = {
  LIVE_HEARTBEAT_MS: 100,
  RATE_LIMIT_ENABLED: false,
  WEBHOOK_WORKER_ENABLED: false,
} as const;

type Teardown = Parameters<typeof build>[0];

async function listening(t: Teardown, options: Parameters<typeof build>[1] = {}) {
  const built = await build(t, { ...options, config: { ...LIVE_CONFIG, ...options.config } });
  const base = await built.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...built, base };
}

/** Opens a stream and closes it when the test ends. */
async function stream(
  t: Test,
  base: string,
  dealId: string,
  auth: Record<string, string>,
  lastEventId?: string,
): Promise<SseStream> {
  const opened = await openEventStream(`${base}/v1/deals/${dealId}/stream`, {
    headers: auth,
    ...(lastEventId !== undefined ? { lastEventId } : {}),
  });
  t.teardown(() => opened.close());
  return opened;
}

const timelineEntries = (events: SseEvent[]) =>
  events.filter((event) => event.type === 'timeline').map((event) => JSON.parse(event.data) as TimelineEntry);

/** The deal's timeline as `GET /v1/deals/{id}/events` lists it, oldest first. */
async function listed(base: string, dealId: string, party: HttpParty): Promise<TimelineEntry[]> {
  const reply = await call(base, 'GET', `/v1/deals/${dealId}/events?limit=100`, { auth: party.auth });
  return [...reply.json.data].reverse();
}

/** Runs `write`, then waits for the stream's next timeline event; returns it with the time it took. */
async function nextEntry(live: SseStream, write: () => Promise<unknown>, type: string) {
  const before = timelineEntries(live.events).length;
  const started = Date.now();
  await write();
  await live.waitUntil(
    `a ${type} event`,
    () =>
      timelineEntries(live.events)
        .slice(before)
        .some((entry) => entry.type === type),
    10_000,
  );
  const entry = timelineEntries(live.events)
    .slice(before)
    .find((candidate) => candidate.type === type);
  return { entry, elapsedMs: Date.now() - started };
}

const canary = (label: string) => `CANARY_${label}_${randomBytes(5).toString('hex')}`;

function withNotes(notes: string[]): AssessmentBody {
  return assessment({
    objectives: [
      { category: 'quality', note: notes[0] ?? '' },
      { category: 'innovation', note: notes[1] ?? '' },
      { category: 'compliance', note: notes[2] ?? '' },
    ],
    risks: {
      operational: { likelihood: 2, impact: 2, note: notes[3] ?? '' },
      financial: { likelihood: 2, impact: 2, note: notes[4] ?? '' },
      informationSecurity: { likelihood: 2, impact: 2, note: notes[5] ?? '' },
    },
  });
}

t.test('a live deal stream on one server', async (t) => {
  const { app, base } = await listening(t);
  const sales = await signUpOver(base, 'sales');
  const procurement = await signUpOver(base, 'procurement');
  const dealId = await sharedDealOver(() => base, sales, procurement, 'Live deal');

  t.test(
    'when the other side changes a milestone and submits, then the open stream has each entry within a second, exactly as the timeline lists it',
    async (t) => {
      const live = await stream(t, base, dealId, sales.auth);
      t.equal(live.status, 200);
      t.match(live.headers.get('content-type'), /^text\/event-stream/);
      t.equal(live.headers.get('cache-control'), 'no-store', 'private to its reader: never cached');
      await live.waitUntil('the opening lines', () => live.lastEventId !== '');
      t.ok((live.retryMs ?? 0) > 0, 'it tells the client how soon to reconnect');
      t.same(live.events, [], 'a fresh stream sends nothing the reader already has');
      const [newest] = (await listed(base, dealId, sales)).slice(-1);
      t.equal(live.lastEventId, newest?.id, 'but says where it starts, so a reconnect misses nothing');

      const created = await nextEntry(
        live,
        () =>
          call(base, 'POST', `/v1/deals/${dealId}/milestones`, {
            auth: procurement.auth,
            body: { title: 'Security review', ownerSide: 'procurement' },
          }),
        'milestone.created',
      );
      t.ok(created.elapsedMs < LIVE_MS, `a new milestone: ${created.elapsedMs} ms`);
      const milestoneId = created.entry?.data.milestoneId as string;
      t.ok(milestoneId, 'the entry names the milestone');

      const changed = await nextEntry(
        live,
        () =>
          call(base, 'PATCH', `/v1/deals/${dealId}/milestones/${milestoneId}`, {
            auth: procurement.auth,
            body: { status: 'done' },
          }),
        'milestone.changed',
      );
      t.ok(changed.elapsedMs < LIVE_MS, `a changed milestone: ${changed.elapsedMs} ms`);

      await putAssessmentOver(base, procurement, dealId, assessment());
      const submitted = await nextEntry(
        live,
        () => submitOver(base, procurement, dealId),
        'assessment.submitted',
      );
      t.ok(submitted.elapsedMs < LIVE_MS, `the other side submits: ${submitted.elapsedMs} ms`);

      const procurementLive = await stream(t, base, dealId, procurement.auth);
      await procurementLive.waitUntil('the opening lines', () => procurementLive.lastEventId !== '');
      await putAssessmentOver(base, sales, dealId, assessment());
      const ready = await nextEntry(
        procurementLive,
        () => submitOver(base, sales, dealId),
        'alignment.ready',
      );
      t.ok(
        ready.elapsedMs < LIVE_MS,
        `the report is ready, on the other side's stream: ${ready.elapsedMs} ms`,
      );
      await live.waitUntil('the report on the first stream too', () =>
        timelineEntries(live.events).some((entry) => entry.type === 'alignment.ready'),
      );

      const all = await listed(base, dealId, sales);
      const since = all.slice(all.findIndex((entry) => entry.id === newest?.id) + 1);
      t.same(
        timelineEntries(live.events),
        since,
        'every entry since it opened, in order, as the list has it',
      );
      t.same(
        live.events.map((event) => event.lastEventId),
        since.map((entry) => entry.id),
        'each event’s id is its entry’s',
      );
      t.ok(
        live.events.every((event) => event.type === 'timeline'),
        'and nothing but timeline entries',
      );
      t.notOk(live.ended, 'the stream stays open');
    },
  );

  t.test('when a stream is idle, then it sends heartbeat comments', async (t) => {
    const live = await stream(t, base, dealId, procurement.auth);
    await live.waitUntil(
      'two heartbeats',
      () => live.comments.filter((c) => c === 'heartbeat').length >= 2,
      3000,
    );
    t.pass('heartbeats arrive');
  });

  t.test('when a caller may not read the deal, then it gets what every deal route answers', async (t) => {
    const outsider = await signUpOver(base, 'sales');
    const otherSide = await signUpOver(base, 'procurement');
    const cases: [string, string, Record<string, string>, number][] = [
      ['anonymous', dealId, {}, 401],
      ['a forged token', dealId, { authorization: 'Bearer not.a.token' }, 401],
      ['a same-side outsider', dealId, outsider.auth, 404],
      ['an other-side outsider', dealId, otherSide.auth, 404],
      ['a party, for an unknown deal', 'deal_unknown', sales.auth, 404],
      ['a party, with an id this stream never sent', dealId, { ...sales.auth, 'last-event-id': 'junk' }, 400],
    ];
    for (const [who, id, headers, status] of cases) {
      const refused = await openEventStream(`${base}/v1/deals/${id}/stream`, { headers });
      await refused.done;
      t.equal(refused.status, status, `${who}: ${status}`);
      t.match(refused.headers.get('content-type'), /^application\/problem\+json/, `${who}: problem+json`);
      t.same(refused.events, [], `${who}: no event`);
      t.notMatch(refused.refusal ?? '', 'Live deal', `${who}: nothing of the deal`);
    }
  });

  t.test('when an API client lacks deals:read, then 403; with it, the stream opens', async (t) => {
    const admin = await signUp(app, 'sales');
    const withoutRead = await createClient(app, admin, ['webhooks:manage']);
    const deal = await call(base, 'POST', '/v1/deals', { auth: admin.auth, body: { title: 'Client deal' } });
    const refused = await openEventStream(`${base}/v1/deals/${deal.json.id}/stream`, {
      headers: withoutRead.auth,
    });
    await refused.done;
    t.equal(refused.status, 403);
    const reader = await createClient(app, admin, ['deals:read']);
    const allowed = await stream(t, base, deal.json.id, reader.auth);
    t.equal(allowed.status, 200);
  });

  t.test(
    'when a stream reconnects with Last-Event-ID, then it gets what it missed, in order, and nothing twice',
    async (t) => {
      const first = await stream(t, base, dealId, procurement.auth);
      await first.waitUntil('the opening lines', () => first.lastEventId !== '');
      for (const title of ['One', 'Two'])
        await call(base, 'POST', `/v1/deals/${dealId}/milestones`, {
          auth: sales.auth,
          body: { title, ownerSide: 'sales' },
        });
      await first.waitForEvents(2);
      const resumeFrom = first.lastEventId;
      first.close();
      await first.done;

      for (const title of ['Three', 'Four', 'Five'])
        await call(base, 'POST', `/v1/deals/${dealId}/milestones`, {
          auth: sales.auth,
          body: { title, ownerSide: 'sales' },
        });
      const again = await stream(t, base, dealId, procurement.auth, resumeFrom);
      const missed = timelineEntries(await again.waitForEvents(3));
      t.same(
        missed.map((entry) => entry.type),
        ['milestone.created', 'milestone.created', 'milestone.created'],
      );
      const all = await listed(base, dealId, procurement);
      t.same(missed, all.slice(-3), 'exactly the three written while it was away');
      await call(base, 'POST', `/v1/deals/${dealId}/milestones`, {
        auth: sales.auth,
        body: { title: 'Six', ownerSide: 'sales' },
      });
      await again.waitForEvents(4);
      await sleep(300);
      const ids = again.events.map((event) => JSON.parse(event.data).id);
      t.equal(new Set(ids).size, ids.length, 'no entry twice');
      t.equal(ids.length, 4, 'and then the new one, live');
      t.notOk(
        ids.some((id) => timelineEntries(first.events).some((entry) => entry.id === id)),
        'nothing the first connection had',
      );
    },
  );

  t.test('when a caller holds too many streams, then one more is a 429 until one closes', async (t) => {
    const reader = await signUp(app, 'sales');
    const deal = await call(base, 'POST', '/v1/deals', { auth: reader.auth, body: { title: 'Many tabs' } });
    const open: SseStream[] = [];
    for (let i = 0; i < 5; i++) open.push(await stream(t, base, deal.json.id, reader.auth));
    t.ok(
      open.every((s) => s.status === 200),
      'five at once',
    );
    const sixth = await openEventStream(`${base}/v1/deals/${deal.json.id}/stream`, { headers: reader.auth });
    await sixth.done;
    t.equal(sixth.status, 429);
    t.match(sixth.headers.get('content-type'), /^application\/problem\+json/);
    t.ok(Number(sixth.headers.get('retry-after')) > 0, 'with Retry-After');
    t.match(JSON.parse(sixth.refusal ?? '{}'), { type: '/problems/rate-limited' });
    open[0]?.close();
    await waitFor('a slot to free', async () => {
      const next = await openEventStream(`${base}/v1/deals/${deal.json.id}/stream`, { headers: reader.auth });
      if (next.status === 200) {
        t.teardown(() => next.close());
        return true;
      }
      await next.done;
      return false;
    });
    t.pass('a closed stream frees its slot');
  });

  t.test('when the reader loses access, then its stream is closed', async (t) => {
    const admin = await signUp(app, 'sales');
    const deal = await call(base, 'POST', '/v1/deals', { auth: admin.auth, body: { title: 'Leaving' } });
    const member = await addMember(app, admin, 'member');
    const memberLive = await stream(t, base, deal.json.id, member.auth);
    const session = await login(app, admin.email);
    const sessionLive = await stream(t, base, deal.json.id, session.auth);
    const adminLive = await stream(t, base, deal.json.id, admin.auth);
    await Promise.all(
      [memberLive, sessionLive, adminLive].map((s) => s.waitUntil('opening', () => s.lastEventId !== '')),
    );

    let started = Date.now();
    const removed = await call(base, 'DELETE', `/v1/organisation/members/${member.member.id}`, {
      auth: admin.auth,
    });
    t.equal(removed.status, 204);
    await memberLive.done;
    t.ok(Date.now() - started < LIVE_MS, `a removed member’s stream ends (${Date.now() - started} ms)`);

    started = Date.now();
    const revoked = await call(base, 'POST', '/v1/auth/revoke', { body: { token: session.refreshToken } });
    t.equal(revoked.status, 200);
    await sessionLive.done;
    t.ok(Date.now() - started < LIVE_MS, `an ended session’s stream ends (${Date.now() - started} ms)`);
    t.notOk(adminLive.ended, 'and the others stay open');
  });

  t.test(
    'when the access token expires, then the stream ends (and the client reconnects with a fresh one)',
    async (t) => {
      const reader = await signUp(app, 'sales');
      const deal = await call(base, 'POST', '/v1/deals', {
        auth: reader.auth,
        body: { title: 'Short token' },
      });
      const now = Math.floor(Date.now() / 1000);
      const { config } = app;
      const shortLived = handmadeJwt(
        { alg: 'HS256', typ: 'JWT' },
        {
          sub: reader.user.id,
          org: reader.organisation.id,
          kind: 'user',
          sid: sessionOf(reader.accessToken),
          typ: 'access',
          jti: randomBytes(8).toString('hex'),
          iss: config.JWT_ISSUER,
          aud: config.JWT_AUDIENCE,
          iat: now,
          exp: now + 2,
        },
        config.JWT_SECRET,
      );
      const live = await stream(t, base, deal.json.id, { authorization: `Bearer ${shortLived}` });
      t.equal(live.status, 200);
      await live.done;
      t.pass('ended at the token’s expiry');
    },
  );
});

t.test('when a browser-style EventSource follows the stream', async (t) => {
  const { app, base } = await listening(t);
  const sales = await signUpOver(base, 'sales');
  const procurement = await signUpOver(base, 'procurement');
  const dealId = await sharedDealOver(() => base, sales, procurement, 'EventSource deal');

  t.test(
    'when its connection is cut, then it reconnects with Last-Event-ID and gets what it missed, once',
    async (t) => {
      // The `eventsource` package: the WHATWG EventSource, reconnecting by itself; only the bearer
      // token is added to its requests (a browser's EventSource cannot send one: the portal reads
      // the stream with fetch instead).
      const received: { lastEventId: string; entry: TimelineEntry }[] = [];
      let opened = 0;
      const source = new EventSource(`${base}/v1/deals/${dealId}/stream`, {
        fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...procurement.auth } }),
      });
      source.addEventListener('open', () => {
        opened++;
      });
      source.addEventListener('timeline', (event) => {
        received.push({ lastEventId: event.lastEventId, entry: JSON.parse(event.data) });
      });
      t.teardown(() => {
        source.close();
        // What the client's connection pool leaves behind must not hold the server's close.
        app.server.closeAllConnections();
      });
      await waitFor('it to open', () => opened === 1, 5000, 10);
      // Written in-process: cutting the connections below cuts the test's own keep-alive ones too.
      const milestone = (title: string) =>
        app.inject({
          method: 'POST',
          url: `/v1/deals/${dealId}/milestones`,
          headers: sales.auth,
          payload: { title, ownerSide: 'sales' },
        });
      await milestone('Before the cut');
      await waitFor('the first entry', () => received.length === 1, LIVE_MS, 10);

      app.server.closeAllConnections();
      await milestone('While it was away 1');
      await milestone('While it was away 2');
      await waitFor('it to reconnect', () => opened === 2, 10_000, 10);
      await waitFor('what it missed', () => received.length === 3, 5000, 10);
      await milestone('After it came back');
      await waitFor('the next entry', () => received.length === 4, LIVE_MS, 10);
      await sleep(200);

      const listedNow = (
        await app.inject({
          method: 'GET',
          url: `/v1/deals/${dealId}/events?limit=100`,
          headers: procurement.auth,
        })
      )
        .json()
        .data.reverse() as TimelineEntry[];
      t.same(
        received.map((item) => item.entry),
        listedNow.slice(-4),
        'every entry, in order, as listed, none twice',
      );
      t.same(
        received.map((item) => item.lastEventId),
        listedNow.slice(-4).map((entry) => entry.id),
        'and its Last-Event-ID followed them',
      );
    },
  );
});

t.test(
  'when the counterparty’s private notes are planted, then no byte of any stream carries one',
  async (t) => {
    const { base } = await listening(t);
    const sales = await signUpOver(base, 'sales');
    const procurement = await signUpOver(base, 'procurement');
    const dealId = await sharedDealOver(() => base, sales, procurement, 'Canary deal');
    const salesNotes = Array.from({ length: 6 }, (_, i) => canary(`sales${i}`));
    const procurementNotes = Array.from({ length: 6 }, (_, i) => canary(`procurement${i}`));
    const salesLive = await stream(t, base, dealId, sales.auth);
    const procurementLive = await stream(t, base, dealId, procurement.auth);
    await Promise.all(
      [salesLive, procurementLive].map((s) => s.waitUntil('opening', () => s.lastEventId !== '')),
    );

    // Two rounds, notes in every free-text field of both sides' assessments.
    for (const round of [0, 1]) {
      await putAssessmentOver(base, sales, dealId, withNotes(salesNotes.map((note) => `${note}-${round}`)));
      await submitOver(base, sales, dealId);
      await putAssessmentOver(
        base,
        procurement,
        dealId,
        withNotes(procurementNotes.map((note) => `${note}-${round}`)),
      );
      await submitOver(base, procurement, dealId);
    }
    for (const live of [salesLive, procurementLive])
      await live.waitUntil(
        'both reports',
        () => timelineEntries(live.events).filter((entry) => entry.type === 'alignment.ready').length === 2,
      );
    // And a replay of the whole timeline from before its start.
    const replay = await stream(t, base, dealId, procurement.auth, `evt_${'0'.repeat(26)}`);
    const all = await listed(base, dealId, procurement);
    await replay.waitForEvents(all.length);

    for (const note of salesNotes) {
      t.notMatch(procurementLive.text, note, 'no supplier note on the buyer’s stream');
      t.notMatch(replay.text, note, 'nor in a replay of the whole timeline');
    }
    for (const note of procurementNotes)
      t.notMatch(salesLive.text, note, 'no buyer note on the supplier’s stream');
    // Nor one's own: a stream carries only what both parties read on the timeline.
    for (const note of [...salesNotes, ...procurementNotes]) {
      t.notMatch(salesLive.text, note);
      t.notMatch(procurementLive.text, note);
    }
    t.same(timelineEntries(replay.events), all, 'the replay is the timeline, as listed');
    t.ok(salesLive.text.includes('alignment.ready'), 'the sweep did see the streams’ entries');
  },
);

t.test(
  'when the change feed resets (missed notifications), then every stream reads again after its last entry',
  async (t) => {
    const built = await build(t, { config: LIVE_CONFIG });
    const { app } = built;
    // The real database, but a change feed the test controls: nothing reaches the streams unless it says so.
    const subscribers = new Set<{ changed(key: string): void; reset(): void }>();
    const feed = {
      live: true,
      subscribe(subscriber: { changed(key: string): void; reset(): void }) {
        subscribers.add(subscriber);
        return () => subscribers.delete(subscriber);
      },
    };
    const timelines = new LiveTimelines(
      { ...built.testDatabase.database, changes: feed },
      { heartbeatMs: 60_000, streamsPerCaller: 5 },
    );
    t.teardown(() => timelines.closeAll());
    const sales = await signUp(app, 'sales');
    const deal = await app.inject({
      method: 'POST',
      url: '/v1/deals',
      headers: sales.auth,
      payload: { title: 'Reset' },
    });
    const dealId = deal.json().id as string;
    const received: TimelineEntry[] = [];
    let ended = false;
    await timelines.open(
      { principal: principalOf(sales), requestId: 'test' },
      dealId,
      {},
      {
        position: () => undefined,
        entry: (entry) => received.push(entry),
        heartbeat: () => undefined,
        end: async () => {
          ended = true;
        },
      },
    );
    for (const title of ['Missed one', 'Missed two'])
      await app.inject({
        method: 'POST',
        url: `/v1/deals/${dealId}/milestones`,
        headers: sales.auth,
        payload: { title, ownerSide: 'sales' },
      });
    await sleep(200);
    t.same(received, [], 'no notification reached the stream');
    for (const subscriber of subscribers) subscriber.reset();
    await waitFor('the entries after the reset', () => received.length === 2, 2000, 5);
    t.same(
      received.map((entry) => entry.type),
      ['milestone.created', 'milestone.created'],
    );
    for (const subscriber of subscribers) subscriber.reset();
    await sleep(200);
    t.equal(received.length, 2, 'another reset sends nothing twice');
    t.notOk(ended);
    await timelines.closeAll();
    t.ok(ended, 'closing them all ends each stream');
  },
);

/** The principal a signed-up user's access token names (its claims, read back). */
function principalOf(party: { accessToken: string }) {
  const claims = JSON.parse(Buffer.from(party.accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
  return { kind: 'user' as const, id: claims.sub, organisationId: claims.org, sessionId: claims.sid };
}

t.test('when the server closes with streams open, then it closes promptly and ends them', async (t) => {
  const { app, base } = await listening(t);
  const sales = await signUp(app, 'sales');
  const deal = await call(base, 'POST', '/v1/deals', { auth: sales.auth, body: { title: 'Closing' } });
  const streams = await Promise.all([0, 1, 2].map(() => stream(t, base, deal.json.id, sales.auth)));
  await Promise.all(streams.map((s) => s.waitUntil('opening', () => s.lastEventId !== '')));
  const started = Date.now();
  await app.close();
  t.ok(Date.now() - started < 3000, `closed in ${Date.now() - started} ms`);
  await Promise.all(streams.map((s) => s.done));
  t.ok(
    streams.every((s) => s.ended),
    'every stream ended',
  );
});

if (!onPostgres) {
  t.pass('replicas and a PostgreSQL restart: when TEST_DATABASE_URL is set');
} else {
  t.test('two replicas on one PostgreSQL database', async (t) => {
    const a: TestApp & { base: string } = await listening(t);
    const b = await listening(t, {
      shareDatabaseOf: a,
      ownConnections: true,
      config: { LIVE_STREAMS_PER_CALLER: 20 },
    });
    const sales = await signUpOver(a.base, 'sales');
    const procurement = await signUpOver(a.base, 'procurement');
    const dealId = await sharedDealOver(() => a.base, sales, procurement, 'Replicated deal');

    t.test(
      'when a write goes through replica A, then a stream on replica B has it within a second',
      async (t) => {
        const live = await stream(t, b.base, dealId, procurement.auth);
        await live.waitUntil('opening', () => live.lastEventId !== '');
        const created = await nextEntry(
          live,
          () =>
            call(a.base, 'POST', `/v1/deals/${dealId}/milestones`, {
              auth: sales.auth,
              body: { title: 'Across replicas', ownerSide: 'sales' },
            }),
          'milestone.created',
        );
        t.ok(created.elapsedMs < LIVE_MS, `${created.elapsedMs} ms`);
        await putAssessmentOver(a.base, sales, dealId, assessment());
        const submitted = await nextEntry(
          live,
          () => submitOver(a.base, sales, dealId),
          'assessment.submitted',
        );
        t.ok(submitted.elapsedMs < LIVE_MS, `a submit: ${submitted.elapsedMs} ms`);
      },
    );

    t.test('when streams are idle, then they hold no database connection', async (t) => {
      const streams = await Promise.all(
        Array.from({ length: 12 }, () => stream(t, b.base, dealId, procurement.auth)),
      );
      await Promise.all(streams.map((s) => s.waitUntil('opening', () => s.lastEventId !== '')));
      await sleep(300);
      const stats = b.app.database.poolStats();
      t.equal(stats.waiting, 0, 'nobody waits for a connection');
      t.equal(stats.total - stats.idle, 0, `none is checked out (${stats.total} open, ${stats.idle} idle)`);
      t.ok(stats.total <= 5, 'and the pool did not grow for them');
      t.ok(
        streams.every((s) => !s.ended),
        'while twelve streams are open',
      );
    });
  });

  t.test(
    'when PostgreSQL restarts under an open stream, then the stream stays open and delivers what comes after',
    async (t) => {
      const cluster = await startPrivatePostgres(t);
      const server = await startServer({
        DATABASE_URL: cluster.url,
        JWT_SECRET: randomBytes(32).toString('base64url'),
        MASTER_KEY: randomBytes(32).toString('base64'),
        RATE_LIMIT_ENABLED: 'false',
        WEBHOOK_WORKER_ENABLED: 'false',
        LIVE_HEARTBEAT_MS: '200',
      });
      t.teardown(() => {
        if (!t.passing()) t.comment(`server output (end):\n${server.output().slice(-4000)}`);
        server.child.kill('SIGKILL');
      });
      const base = server.address;
      const sales = await signUpOver(base, 'sales');
      const procurement = await signUpOver(base, 'procurement');
      const dealId = await sharedDealOver(() => base, sales, procurement, 'Restart deal');
      const live = await stream(t, base, dealId, procurement.auth);
      await live.waitUntil('opening', () => live.lastEventId !== '');
      const before = await nextEntry(
        live,
        () =>
          call(base, 'POST', `/v1/deals/${dealId}/milestones`, {
            auth: sales.auth,
            body: { title: 'Before', ownerSide: 'sales' },
          }),
        'milestone.created',
      );
      t.ok(before.elapsedMs < LIVE_MS, `before the restart: ${before.elapsedMs} ms`);

      await cluster.stop();
      await sleep(500);
      await cluster.start();
      const written = Date.now();
      // Writes answer 503 until the pool reconnects; then one lands.
      await waitFor(
        'a write after the restart',
        async () =>
          (
            await call(base, 'POST', `/v1/deals/${dealId}/milestones`, {
              auth: sales.auth,
              body: { title: 'After', ownerSide: 'sales' },
              headers: { 'idempotency-key': 'after-the-restart' },
            })
          ).status === 201,
        30_000,
        200,
      );
      await live.waitUntil(
        'the entry written after the restart',
        () => timelineEntries(live.events).filter((entry) => entry.type === 'milestone.created').length === 2,
        15_000,
      );
      t.comment(`delivered ${Date.now() - written} ms after the database came back`);
      t.notOk(live.ended, 'the stream stayed open through the restart');
      const ids = timelineEntries(live.events).map((entry) => entry.id);
      t.equal(new Set(ids).size, ids.length, 'nothing twice');
      t.ok(live.comments.includes('heartbeat'), 'heartbeats kept it alive');
    },
  );
}
