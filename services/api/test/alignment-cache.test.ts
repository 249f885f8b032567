import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { build } from './helpers/build.js';
import { assessment, saveAndSubmit, sharedDeal } from './helpers/deals.js';
import { addMember, createClient, signUp } from './helpers/identity.js';

/**
 * The alignment read is answered from the process's read cache (platform/read-cache.ts) while nothing
 * it depends on has changed. These tests hold it to the uncached answers: every write that
 * changes them is seen by the next read, the caller's rights are checked on every read, and a
 * cached view never crosses to another organisation.
 */

const alignmentOf = (
  app: Awaited<ReturnType<typeof build>>['app'],
  auth: Record<string, string>,
  dealId: string,
) => app.inject({ method: 'GET', url: `/v1/deals/${dealId}/alignment`, headers: auth });

t.test(
  'when a party reads the alignment again, then it is served from the cache, byte for byte',
  async (t) => {
    const { app } = await build(t);
    const { sales, procurement, dealId } = await sharedDeal(app);
    const first = await alignmentOf(app, sales.auth, dealId);
    const hits = app.readCache.hits;
    const second = await alignmentOf(app, sales.auth, dealId);
    t.equal(app.readCache.hits, hits + 2, 'the caller and the alignment, both from the cache');
    t.equal(second.body, first.body);
    t.equal(second.headers['content-type'], 'application/json; charset=utf-8');
    t.equal(second.statusCode, 200);
    t.same(second.json(), { status: 'awaiting_submissions', waitingFor: ['sales', 'procurement'] });

    t.equal((await saveAndSubmit(app, sales, dealId, assessment())).statusCode, 200);
    t.same(
      (await alignmentOf(app, procurement.auth, dealId)).json(),
      { status: 'awaiting_submissions', waitingFor: ['procurement'] },
      'a submission is seen by the next read, on either side',
    );
    t.same((await alignmentOf(app, sales.auth, dealId)).json().waitingFor, ['procurement']);

    t.equal((await saveAndSubmit(app, procurement, dealId, assessment())).statusCode, 200);
    const ready = await alignmentOf(app, sales.auth, dealId);
    t.equal(ready.json().status, 'ready', 'the round’s report is seen by the next read');
    t.equal(ready.json().round, 1);

    // A later round opened by one side shows as pending to both, at once.
    const changed = assessment({ disclosure: 'standard' });
    t.equal((await saveAndSubmit(app, sales, dealId, changed)).statusCode, 200);
    t.same((await alignmentOf(app, procurement.auth, dealId)).json().pendingRound, {
      round: 2,
      waitingFor: ['procurement'],
    });
  },
);

t.test('when the cache is off, then the answers are the same', async (t) => {
  const cached = await build(t);
  const uncached = await build(t, { shareDatabaseOf: cached, config: { READ_CACHE_MAX_ENTRIES: 0 } });
  const { sales, procurement, dealId } = await sharedDeal(cached.app);
  await saveAndSubmit(cached.app, sales, dealId, assessment());
  await saveAndSubmit(cached.app, procurement, dealId, assessment({ disclosure: 'standard' }));
  for (const party of [sales, procurement]) {
    const warm = await alignmentOf(cached.app, party.auth, dealId);
    const fromCache = await alignmentOf(cached.app, party.auth, dealId);
    const fromDatabase = await alignmentOf(uncached.app, party.auth, dealId);
    t.equal(fromCache.body, warm.body);
    t.equal(
      fromCache.body,
      fromDatabase.body,
      `${party.organisation.side}: the cached body is the database's`,
    );
  }
  t.equal(uncached.app.readCache.size, 0, 'nothing kept with READ_CACHE_MAX_ENTRIES=0');
});

t.test('when a caller loses its rights, then a cached alignment is refused at once', async (t) => {
  const { app } = await build(t);
  const { sales, dealId } = await sharedDeal(app);
  const member = await addMember(app, sales, 'viewer');
  const client = await createClient(app, sales, ['deals:read']);
  const narrow = await createClient(app, sales, ['assessments:read']);
  for (const auth of [member.auth, client.auth]) {
    t.equal((await alignmentOf(app, auth, dealId)).statusCode, 200);
    t.equal((await alignmentOf(app, auth, dealId)).statusCode, 200, 'warm');
  }
  t.equal((await alignmentOf(app, narrow.auth, dealId)).statusCode, 403);
  t.equal(
    (await alignmentOf(app, narrow.auth, dealId)).statusCode,
    403,
    'the scope is checked on a cached read too',
  );

  const removed = await app.inject({
    method: 'DELETE',
    url: `/v1/organisation/members/${member.member.id}`,
    headers: sales.auth,
  });
  t.equal(removed.statusCode, 204);
  t.equal((await alignmentOf(app, member.auth, dealId)).statusCode, 401, 'a removed member, at once');

  const deleted = await app.inject({
    method: 'DELETE',
    url: `/v1/api-clients/${client.client.id}`,
    headers: sales.auth,
  });
  t.equal(deleted.statusCode, 204);
  t.equal((await alignmentOf(app, client.auth, dealId)).statusCode, 401, 'a deleted client, at once');
  t.equal((await alignmentOf(app, sales.auth, dealId)).statusCode, 200, 'the admin still reads');
});

t.test('when an outsider asks for a deal whose alignment is cached, then 404, every time', async (t) => {
  const { app } = await build(t);
  const { sales, procurement, dealId } = await sharedDeal(app);
  await saveAndSubmit(app, sales, dealId, assessment({}, 'CANARY-sales-note'));
  await saveAndSubmit(app, procurement, dealId, assessment({}, 'CANARY-procurement-note'));
  const salesView = await alignmentOf(app, sales.auth, dealId);
  const procurementView = await alignmentOf(app, procurement.auth, dealId);
  await alignmentOf(app, sales.auth, dealId);
  const outsiders = [await signUp(app, 'sales'), await signUp(app, 'procurement')];
  for (const outsider of outsiders) {
    for (let i = 0; i < 2; i++) {
      const res = await alignmentOf(app, outsider.auth, dealId);
      t.equal(res.statusCode, 404, `a ${outsider.organisation.side} outsider`);
      t.notMatch(res.body, /CANARY|score/);
    }
  }
  const again = await alignmentOf(app, procurement.auth, dealId);
  t.equal(again.body, procurementView.body, 'each side gets its own view back');
  t.notMatch(`${salesView.body}${procurementView.body}`, /CANARY/);
});

if (!process.env.TEST_DATABASE_URL) {
  t.pass('a write by another replica: PostgreSQL only (the embedded database has one process)');
} else {
  t.test('when another replica writes, then this one forgets what it cached', async (t) => {
    const a = await build(t);
    const b = await build(t, { shareDatabaseOf: a, ownConnections: true });
    const { sales, procurement, dealId } = await sharedDeal(a.app);
    await saveAndSubmit(a.app, sales, dealId, assessment());
    const before = await alignmentOf(a.app, procurement.auth, dealId);
    await alignmentOf(a.app, procurement.auth, dealId);
    t.same(before.json().waitingFor, ['procurement']);

    t.equal((await saveAndSubmit(b.app, procurement, dealId, assessment())).statusCode, 200, 'written on B');
    let seen = before.json().status;
    for (let i = 0; i < 200 && seen !== 'ready'; i++) {
      seen = (await alignmentOf(a.app, procurement.auth, dealId)).json().status;
      if (seen !== 'ready') await sleep(10);
    }
    t.equal(seen, 'ready', 'A serves the report B computed, as soon as the change reaches it');
  });
}
