import { sql } from 'kysely';
import t from 'tap';
import { build } from './helpers/build.js';
import { createDeal, invite, sharedDeal } from './helpers/deals.js';
import { signUp } from './helpers/identity.js';

// Row-level security is the second wall behind the services' own checks: these queries are
// written by hand, as a bug or an injection might, and run as the request role.
t.test('row-level security between organisations', async (t) => {
  const { app, testDatabase } = await build(t);
  const { database } = testDatabase;
  const a = await signUp(app, 'sales');
  const b = await signUp(app, 'procurement');

  t.test('when no organisation is set, then no rows are visible', async (t) => {
    const counts = await database.asOrg('', async (trx) => {
      const result: Record<string, number> = {};
      for (const table of ['organisations', 'users', 'api_clients', 'refresh_tokens', 'audit_events']) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
          trx,
        );
        result[table] = rows[0]?.n ?? -1;
      }
      return result;
    });
    t.same(counts, { organisations: 0, users: 0, api_clients: 0, refresh_tokens: 0, audit_events: 0 });
  });

  t.test('when organisation A is set, then B’s rows cannot be read', async (t) => {
    const seen = await database.asOrg(a.organisation.id, async (trx) => {
      const { rows } = await sql<{ organisation_id: string }>`select organisation_id from users`.execute(trx);
      return rows.map((r) => r.organisation_id);
    });
    t.ok(seen.length > 0);
    t.ok(
      seen.every((id) => id === a.organisation.id),
      'only A’s users',
    );
    const direct = await database.asOrg(
      a.organisation.id,
      async (trx) => (await sql`select * from users where id = ${b.user.id}`.execute(trx)).rows,
    );
    t.same(direct, [], 'not even by id');
  });

  t.test('when organisation A is set, then B’s rows cannot be written', async (t) => {
    const updated = await database.asOrg(a.organisation.id, async (trx) => {
      const result = await sql`update users set name = 'pwned' where id = ${b.user.id}`.execute(trx);
      return Number(result.numAffectedRows ?? 0);
    });
    t.equal(updated, 0, 'an update of B’s user touches nothing');
    const deleted = await database.asOrg(a.organisation.id, async (trx) =>
      Number(
        (await sql`delete from organisations where id = ${b.organisation.id}`.execute(trx)).numAffectedRows ??
          0,
      ),
    );
    t.equal(deleted, 0);
    await t.rejects(
      database.asOrg(a.organisation.id, (trx) =>
        sql`insert into users (id, organisation_id, email, name, role, password_hash)
            values ('usr_intruder', ${b.organisation.id}, 'intruder@example.test', 'I', 'admin', 'x')`.execute(
          trx,
        ),
      ),
      /row-level security/,
      'inserting a row into B is refused',
    );
    await t.rejects(
      database.asOrg(a.organisation.id, (trx) =>
        sql`update users set organisation_id = ${b.organisation.id} where id = ${a.user.id}`.execute(trx),
      ),
      /row-level security/,
      'moving a row into B is refused',
    );
    const me = await app.inject({ method: 'GET', url: '/v1/me', headers: b.auth });
    t.equal(me.json().user.name, 'First Admin', 'B is untouched');
  });

  t.test('when the request role tries to escape, then it cannot', async (t) => {
    await t.rejects(
      database.asOrg(a.organisation.id, (trx) =>
        sql`alter table users disable row level security`.execute(trx),
      ),
      /must be (the )?owner/,
    );
    await t.rejects(
      database.asOrg(a.organisation.id, (trx) =>
        sql`set local row_security = off`.execute(trx).then(() => sql`select * from users`.execute(trx)),
      ),
      /row-level security|row_security/,
    );
    if (database.kind === 'postgres') {
      // On PostgreSQL the service logs in as the app role itself, so there is no other role to
      // switch back to. PGlite has a single superuser session (see the README).
      await t.rejects(
        database.asOrg(a.organisation.id, (trx) => sql`set local role postgres`.execute(trx)),
        /permission denied/,
      );
    }
  });
});

t.test('an organisation sees the name of exactly the organisations it shares a deal with', async (t) => {
  const { app, testDatabase } = await build(t);
  const { database } = testDatabase;
  const { sales, procurement } = await sharedDeal(app);
  const stranger = await signUp(app, 'procurement');
  // A deal the stranger is invited to but has not joined makes no partner.
  const pending = await createDeal(app, sales);
  await invite(app, sales, pending.id);
  const visible = (orgId: string) =>
    database.asOrg(orgId, async (trx) =>
      (await sql<{ id: string }>`select id from organisations order by id`.execute(trx)).rows.map(
        (r) => r.id,
      ),
    );
  t.same(await visible(sales.organisation.id), [sales.organisation.id, procurement.organisation.id].sort());
  t.same(
    await visible(procurement.organisation.id),
    [sales.organisation.id, procurement.organisation.id].sort(),
  );
  t.same(await visible(stranger.organisation.id), [stranger.organisation.id], 'only its own');
  const partners = await database.asOrg(
    sales.organisation.id,
    async (trx) =>
      (await sql<{ organisation_id: string }>`select organisation_id from organisation_partners`.execute(trx))
        .rows,
  );
  t.same(partners, [{ organisation_id: sales.organisation.id }], 'its own partner list only');
  await t.rejects(
    database.asOrg(stranger.organisation.id, (trx) =>
      sql`insert into organisation_partners values (${stranger.organisation.id}, ${sales.organisation.id})`.execute(
        trx,
      ),
    ),
    /permission denied/,
    'no one makes a partner by hand',
  );
});
