import { sql } from 'kysely';
import t from 'tap';
import { build } from './helpers/build.js';
import { addMember, createClient, login, signUp } from './helpers/identity.js';

interface Entry {
  seq: number;
  action: string;
  hash: string;
  prevHash: string;
  detail: Record<string, unknown>;
}

t.test('the audit trail', async (t) => {
  const { app, testDatabase } = await build(t);
  const org = await signUp(app, 'sales');
  const member = await addMember(app, org, 'member');
  await app.inject({
    method: 'PATCH',
    url: `/v1/organisation/members/${member.member.id}`,
    headers: org.auth,
    payload: { role: 'viewer' },
  });
  const { client } = await createClient(app, org, ['deals:read']);
  await app.inject({ method: 'DELETE', url: `/v1/api-clients/${client.id}`, headers: org.auth });
  await app.inject({
    method: 'POST',
    url: '/v1/auth/token',
    payload: { grant_type: 'password', username: org.email, password: 'wrong password!!' },
  });
  const refreshed = await app.inject({
    method: 'POST',
    url: '/v1/auth/token',
    payload: { grant_type: 'refresh_token', refresh_token: org.refreshToken },
  });
  t.equal(refreshed.statusCode, 200);
  await app.inject({
    method: 'POST',
    url: '/v1/auth/token',
    payload: { grant_type: 'refresh_token', refresh_token: org.refreshToken },
  });
  // The reuse ended that session and its access tokens with it: the admin signs in again.
  Object.assign(org, await login(app, org.email));
  await app.inject({
    method: 'DELETE',
    url: `/v1/organisation/members/${member.member.id}`,
    headers: org.auth,
  });

  const readAll = async (): Promise<Entry[]> => {
    const entries: Entry[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof app.inject>> = await app.inject({
        method: 'GET',
        url: `/v1/audit-events?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        headers: org.auth,
      });
      t.equal(res.statusCode, 200);
      entries.push(...res.json().data);
      cursor = res.json().nextCursor;
    } while (cursor);
    return entries;
  };

  t.test(
    'when an admin reads it, then every authentication and membership event is there, newest first',
    async (t) => {
      const entries = await readAll();
      const actions = entries.map((e) => e.action);
      for (const action of [
        'organisation.created',
        'login.succeeded',
        'member.added',
        'member.role_changed',
        'client.created',
        'client.authenticated',
        'client.deleted',
        'login.failed',
        'token.refreshed',
        'refresh_token.reuse_detected',
        'member.removed',
      ]) {
        t.ok(actions.includes(action), action);
      }
      t.same(
        entries.map((e) => e.seq),
        [...entries.map((e) => e.seq)].sort((a, b) => b - a),
        'newest first',
      );
      t.notMatch(
        JSON.stringify(entries),
        /cgs_|cgr_|wrong password|correct horse/,
        'no secrets, tokens or passwords',
      );
    },
  );

  t.test('when the chain is checked, then each entry names the previous entry’s hash', async (t) => {
    const entries = (await readAll()).reverse();
    t.equal(entries[0]?.prevHash, '0'.repeat(64));
    for (let i = 1; i < entries.length; i++)
      t.equal(entries[i]?.prevHash, entries[i - 1]?.hash, `entry ${entries[i]?.seq}`);
  });

  t.test(
    'when someone with database access edits an entry, then recomputing the chain exposes it',
    async (t) => {
      const recompute = () =>
        testDatabase.database.asSystem(async (trx) => {
          const { rows } = await sql<{ seq: number; ok: boolean }>`
          select seq::int as seq, hash = audit_event_hash(prev_hash, seq, id, organisation_id, occurred_at, actor_type,
            actor_id, action, subject_type, subject_id, detail, request_id) as ok
          from audit_events where organisation_id = ${org.organisation.id} order by seq`.execute(trx);
          return rows;
        });
      t.ok(
        (await recompute()).every((row) => row.ok),
        'intact before',
      );
      await testDatabase.database.asSystem((trx) =>
        sql`update audit_events set action = 'nothing.happened' where organisation_id = ${org.organisation.id} and seq = 2`.execute(
          trx,
        ),
      );
      const after = await recompute();
      t.same(
        after.filter((row) => !row.ok).map((row) => row.seq),
        [2],
        'the edited entry no longer matches its hash',
      );
    },
  );

  t.test('when the request role tries to change or delete entries, then the database refuses', async (t) => {
    for (const statement of [
      sql`update audit_events set action = 'x'`,
      sql`delete from audit_events`,
      sql`truncate audit_events`,
    ]) {
      await t.rejects(
        testDatabase.database.asOrg(org.organisation.id, (trx) => statement.execute(trx)),
        /permission denied/,
      );
    }
  });

  t.test('when a non-admin or another organisation reads it, then 403 or only their own', async (t) => {
    const viewer = await addMember(app, org, 'viewer');
    t.equal(
      (await app.inject({ method: 'GET', url: '/v1/audit-events', headers: viewer.auth })).statusCode,
      403,
    );
    const stranger = await signUp(app, 'procurement');
    const theirs = await app.inject({ method: 'GET', url: '/v1/audit-events', headers: stranger.auth });
    t.equal(theirs.statusCode, 200);
    t.notMatch(theirs.body, org.organisation.id);
    t.notMatch(theirs.body, org.user.id);
  });
});
