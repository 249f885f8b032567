import t from 'tap';
import { claimKey, deleteExpiredKeys, requestFingerprint } from '../src/platform/idempotency/service.js';
import { withCaller } from '../src/platform/unit-of-work.js';
import { build } from './helpers/build.js';
import { addMember, createClient, signUp } from './helpers/identity.js';
import { sessionOf } from './helpers/jwt.js';

t.test('idempotency keys', async (t) => {
  const { app, testDatabase } = await build(t);
  const org = await signUp(app, 'sales');
  const create = (key: string, title = 'Idempotent deal', auth = org.auth) =>
    app.inject({
      method: 'POST',
      url: '/v1/deals',
      headers: { ...auth, 'idempotency-key': key },
      payload: { title },
    });
  const countDeals = async (title: string) =>
    testDatabase.database.asSystem(
      async (trx) => (await trx.selectFrom('deals').select('id').where('title', '=', title).execute()).length,
    );

  t.test(
    'when a creating request is retried with the same key and body, then the first reply is replayed',
    async (t) => {
      const first = await create('key-1', 'Replayed deal');
      const second = await create('key-1', 'Replayed deal');
      t.equal(first.statusCode, 201);
      t.equal(second.statusCode, 201);
      t.equal(second.headers['idempotent-replayed'], 'true');
      t.equal(first.headers['idempotent-replayed'], undefined);
      t.equal(second.body, first.body);
      t.equal(second.headers.etag, first.headers.etag);
      t.equal(second.headers.location, first.headers.location);
      t.equal(await countDeals('Replayed deal'), 1, 'one row');
    },
  );

  t.test(
    'when a removed member, a deleted client or an ended session replays a key, then 401 and no reply',
    async (t) => {
      const member = await addMember(app, org, 'member');
      t.equal((await create('member-key', 'Member deal', member.auth)).statusCode, 201);
      const removed = await app.inject({
        method: 'DELETE',
        url: `/v1/organisation/members/${member.member.id}`,
        headers: org.auth,
      });
      t.equal(removed.statusCode, 204);
      const memberReplay = await create('member-key', 'Member deal', member.auth);
      t.equal(memberReplay.statusCode, 401, memberReplay.body);
      t.equal(memberReplay.headers['idempotent-replayed'], undefined);
      t.notMatch(memberReplay.body, /Member deal/, 'the stored reply is not shown');

      const client = await createClient(app, org, ['deals:write']);
      t.equal((await create('client-key', 'Client deal', client.auth)).statusCode, 201);
      const deleted = await app.inject({
        method: 'DELETE',
        url: `/v1/api-clients/${client.client.id}`,
        headers: org.auth,
      });
      t.equal(deleted.statusCode, 204);
      const clientReplay = await create('client-key', 'Client deal', client.auth);
      t.equal(clientReplay.statusCode, 401, clientReplay.body);
      t.notMatch(clientReplay.body, /Client deal/);

      const signedOut = await signUp(app, 'sales');
      t.equal((await create('session-key', 'Session deal', signedOut.auth)).statusCode, 201);
      await app.inject({
        method: 'POST',
        url: '/v1/auth/revoke',
        payload: { token: signedOut.refreshToken },
      });
      t.equal((await create('session-key', 'Session deal', signedOut.auth)).statusCode, 401);
    },
  );

  t.test('when the same key comes with another body, then 422', async (t) => {
    await create('key-2', 'One body');
    const other = await create('key-2', 'Another body');
    t.equal(other.statusCode, 422);
    t.equal(other.json().type, '/problems/idempotency-key-reused');
  });

  t.test('when concurrent identical requests race, then exactly one row is created', async (t) => {
    const results = await Promise.all(Array.from({ length: 8 }, () => create('key-race', 'Raced deal')));
    const statuses = results.map((r) => r.statusCode);
    t.ok(
      statuses.every((s) => s === 201 || s === 409),
      `201 or 409 (in progress): ${statuses}`,
    );
    t.ok(statuses.includes(201));
    for (const res of results.filter((r) => r.statusCode === 409))
      t.equal(res.json().type, '/problems/idempotency-in-progress');
    t.equal(await countDeals('Raced deal'), 1);
    const after = await create('key-race', 'Raced deal');
    t.equal(after.statusCode, 201);
    t.equal(after.headers['idempotent-replayed'], 'true');
  });

  t.test('when another caller uses the same key, then it is a different request', async (t) => {
    const other = await signUp(app, 'sales');
    await create('shared-key', 'Caller A deal');
    const res = await create('shared-key', 'Caller B deal', other.auth);
    t.equal(res.statusCode, 201);
    t.equal(res.headers['idempotent-replayed'], undefined);
  });

  t.test('when the first attempt fails, then the key can be used again', async (t) => {
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/deals/deal_missing/invitations',
      headers: { ...org.auth, 'idempotency-key': 'key-fail' },
    });
    t.equal(bad.statusCode, 404);
    const retry = await app.inject({
      method: 'POST',
      url: '/v1/deals/deal_missing/invitations',
      headers: { ...org.auth, 'idempotency-key': 'key-fail' },
    });
    t.equal(retry.statusCode, 404);
    t.equal(retry.headers['idempotent-replayed'], undefined);
  });

  t.test('when a key is malformed, then 400', async (t) => {
    const res = await create('bad key with spaces');
    t.equal(res.statusCode, 400);
  });

  t.test('when a stored reply holds a secret, then it is stored encrypted', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/api-clients',
      headers: { ...org.auth, 'idempotency-key': 'client-key' },
      payload: { name: 'CRM', scopes: ['deals:read'] },
    });
    const secret = res.json().clientSecret;
    const stored = await testDatabase.database.asSystem((trx) =>
      trx.selectFrom('idempotency_keys').select('response').execute(),
    );
    t.notMatch(JSON.stringify(stored), secret);
    const replay = await app.inject({
      method: 'POST',
      url: '/v1/api-clients',
      headers: { ...org.auth, 'idempotency-key': 'client-key' },
      payload: { name: 'CRM', scopes: ['deals:read'] },
    });
    t.equal(replay.json().clientSecret, secret, 'the retry gets the same (single) client');
  });

  t.test(
    'when a write commits, then its claim is marked in the same transaction; a failed one leaves no mark',
    async (t) => {
      const claim = { scope: `${org.organisation.id}/user/${org.user.id}`, key: 'marked-key' };
      await claimKey(
        testDatabase.database,
        app.keyring,
        claim.scope,
        claim.key,
        requestFingerprint('POST', '/x', {}),
      );
      const caller = {
        principal: {
          kind: 'user' as const,
          id: org.user.id,
          organisationId: org.organisation.id,
          sessionId: sessionOf(org.accessToken),
        },
        requestId: 'test',
        idempotencyClaim: claim,
      };
      await t.rejects(
        withCaller(testDatabase.database, caller, async () => Promise.reject(new Error('write failed'))),
      );
      const state = () =>
        testDatabase.database.asSystem(
          async (trx) =>
            (
              await trx
                .selectFrom('idempotency_keys')
                .select('state')
                .where('key', '=', claim.key)
                .executeTakeFirstOrThrow()
            ).state,
        );
      t.equal(await state(), 'in_progress', 'a rolled-back write leaves the claim in progress');
      await withCaller(testDatabase.database, caller, async () => 'written');
      t.equal(await state(), 'committed');
    },
  );

  t.test(
    'when the write committed but its reply was lost, then a retry is refused, never repeated',
    async (t) => {
      const first = await create('key-lost', 'Lost reply deal');
      t.equal(first.statusCode, 201);
      await testDatabase.database.asSystem((trx) =>
        trx
          .updateTable('idempotency_keys')
          .set({ state: 'committed', response: null })
          .where('key', '=', 'key-lost')
          .execute(),
      );
      const retry = await create('key-lost', 'Lost reply deal');
      t.equal(retry.statusCode, 409);
      t.match(retry.json().detail, /carried out/);
      t.equal(await countDeals('Lost reply deal'), 1);
    },
  );

  t.test('when keys are older than 24 hours, then the clean-up removes them', async (t) => {
    await create('key-old', 'Old deal');
    await testDatabase.database.asSystem((trx) =>
      trx
        .updateTable('idempotency_keys')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('key', '=', 'key-old')
        .execute(),
    );
    t.ok((await deleteExpiredKeys(testDatabase.database)) >= 1);
    const again = await create('key-old', 'Old deal');
    t.equal(again.statusCode, 201);
    t.equal(again.headers['idempotent-replayed'], undefined, 'an expired key starts afresh');
  });
});
