import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import t from 'tap';
import { orgRead } from '../src/database.js';
import {
  APP_ROLE,
  compileOnce,
  isDatabaseUnavailable,
  migrationNames,
  openPglite,
  openPostgres,
} from '../src/index.js';
import { prepareStatementsOn } from '../src/prepared-statements.js';
import { createTestDatabase, testDatabaseUrl } from '../src/testing.js';

t.test(
  'when a request transaction runs, then it runs as the app role with the organisation set',
  async (t) => {
    const { database, drop } = await createTestDatabase();
    t.teardown(drop);
    const row = await database.asOrg('org_test', async (trx) => {
      const result = await sql<{
        user: string;
        org: string;
        superuser: string;
        bypass: boolean;
      }>`select current_user as user, current_setting('app.org_id', true) as org,
              current_setting('is_superuser') as superuser,
              (select rolbypassrls from pg_roles where rolname = current_user) as bypass`.execute(trx);
      return result.rows[0];
    });
    t.same(row, { user: APP_ROLE, org: 'org_test', superuser: 'off', bypass: false });

    const after = await database.asOrg('org_other', async (trx) => {
      const result = await sql<{ org: string }>`select current_setting('app.org_id', true) as org`.execute(
        trx,
      );
      return result.rows[0]?.org;
    });
    t.equal(after, 'org_other', 'the setting is per transaction, never carried over');
  },
);

t.test(
  'when a transaction reads an index-ordered page, then its planner settings hold for it alone',
  async (t) => {
    const { database, drop } = await createTestDatabase();
    t.teardown(drop);
    const mode = (trx: Parameters<Parameters<typeof database.asOrg>[1]>[0]) =>
      sql<{ mode: string; bitmaps: string; org: string }>`select current_setting('plan_cache_mode') as mode,
      current_setting('enable_bitmapscan') as bitmaps, current_setting('app.org_id', true) as org`
        .execute(trx)
        .then((result) => result.rows[0]);
    t.same(await database.asOrg('org_page', mode, { indexOrderedPage: true }), {
      mode: 'force_generic_plan',
      bitmaps: 'off',
      org: 'org_page',
    });
    t.same(
      await database.asOrg('org_next', mode),
      { mode: 'auto', bitmaps: 'on', org: 'org_next' },
      'not carried over',
    );
  },
);

t.test('when the embedded database is reopened, then the data is still there', async (t) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-pglite-'));
  const first = await openPglite({ dataDir });
  await first.asSystem(async (trx) => {
    await sql`create table persistence_probe (value text)`.execute(trx);
    await sql`insert into persistence_probe values ('kept')`.execute(trx);
  });
  await first.close();
  const second = await openPglite({ dataDir });
  t.teardown(() => second.close());
  const rows = await second.asSystem(
    async (trx) => (await sql<{ value: string }>`select value from persistence_probe`.execute(trx)).rows,
  );
  t.same(rows, [{ value: 'kept' }]);
});

t.test('when errors mean the server is unreachable, then they are recognised', async (t) => {
  t.ok(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })));
  t.ok(isDatabaseUnavailable(Object.assign(new Error('terminating connection'), { code: '57P01' })));
  t.ok(isDatabaseUnavailable(new Error('Connection terminated unexpectedly')));
  t.notOk(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' })));
  t.notOk(isDatabaseUnavailable(new Error('something else')));
});

t.test(
  'when a query is compiled once, then each call has the same text and its own parameters',
  async (t) => {
    const query = compileOnce<{ id: string; round: number }, unknown>((db, param) =>
      db
        .selectFrom('deals')
        .select('id')
        .where('id', '=', param('id'))
        .where('round', '>', param('round'))
        .limit(1),
    );
    const first = query({ id: 'deal_a', round: 2 });
    const second = query({ id: "deal_'b", round: 3 });
    t.equal(first.sql, second.sql, 'one text');
    t.match(first.sql, /where "id" = \$1 and "round" > \$2 limit \$3/);
    t.same(first.parameters, ['deal_a', 2, 1], 'the constant stays, the named parameters are filled in');
    t.same(second.parameters, ["deal_'b", 3, 1]);
  },
);

const serverUrl = testDatabaseUrl();
if (!serverUrl) {
  t.pass('replica start-up race: PostgreSQL only, runs when TEST_DATABASE_URL is set');
} else {
  t.test(
    'when two replicas start at once on an empty database, then both come up and migrations run once',
    async (t) => {
      const name = `cg_race_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      t.teardown(async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      });
      const [a, b] = await Promise.all([
        openPostgres({ url: url.toString() }),
        openPostgres({ url: url.toString() }),
      ]);
      await Promise.all([a.ping(), b.ping()]);
      await a.close();
      await b.close();
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      const { rows } = await check.query('select name from kysely_migration order by name');
      await check.end();
      t.same(
        rows.map((r) => r.name),
        migrationNames(),
      );
    },
  );

  t.test(
    'when requests run on PostgreSQL, then their queries are prepared once per connection and survive a schema change',
    async (t) => {
      const testDatabase = await createTestDatabase();
      t.teardown(testDatabase.drop);
      if (!testDatabase.url) throw new Error('a PostgreSQL test database has a URL');
      // One connection, so every transaction below runs on the same session.
      const database = await openPostgres({ url: testDatabase.url, poolMax: 1 });
      t.teardown(() => database.close());

      const prepared = await database.asOrg('org_test', async (trx) => {
        await sql`select ${'probe'}::text as value`.execute(trx);
        const { rows } = await sql<{
          name: string;
          statement: string;
        }>`select name, statement from pg_prepared_statements`.execute(trx);
        return rows;
      });
      t.match(prepared, [{ name: /^cg_[0-9a-f]{40}$/, statement: /select \$1::text as value/ }]);

      await database.asSystem(async (trx) => {
        await sql`create table prepared_probe (id integer primary key)`.execute(trx);
        await sql`insert into prepared_probe values (1)`.execute(trx);
        await sql`grant select on prepared_probe to ${sql.id(APP_ROLE)}`.execute(trx);
      });
      const probe = () =>
        database.asOrg('org_test', async (trx) => {
          const { rows } = await sql<
            Record<string, unknown>
          >`select * from prepared_probe where id = ${1}`.execute(trx);
          return rows;
        });
      t.same(await probe(), [{ id: 1 }]);
      // Another replica's migration changes what the prepared statement returns.
      await database.asSystem((trx) =>
        sql`alter table prepared_probe add column note text default 'added'`.execute(trx),
      );
      await t.rejects(probe(), { code: '0A000' }, 'PostgreSQL refuses the outdated statement once');
      t.same(await probe(), [{ id: 1, note: 'added' }], 'then the connection sends it unprepared');
    },
  );

  t.test(
    'when a read runs as an organisation on PostgreSQL, then it takes one round trip once prepared and is confined to that organisation',
    async (t) => {
      const testDatabase = await createTestDatabase();
      t.teardown(testDatabase.drop);
      if (!testDatabase.url) throw new Error('a PostgreSQL test database has a URL');
      const url = new URL(testDatabase.url);
      url.username = APP_ROLE;
      // One connection, so every read below runs on the same session; its messages are counted.
      const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
      t.teardown(() => pool.end());
      let messages = 0;
      pool.on('connect', (client) => {
        prepareStatementsOn(client);
        const send = client.query.bind(client) as (...args: unknown[]) => unknown;
        client.query = ((...args: unknown[]) => {
          messages++;
          return send(...args);
        }) as typeof client.query;
      });
      const currentOrg = compileOnce<{ value: string }, { org: string; value: string }>((db, param) =>
        db.selectNoFrom([
          sql<string>`current_setting('app.org_id', true)`.as('org'),
          sql<string>`${param('value')}::text`.as('value'),
        ]),
      );
      const read = async (orgId: string, value: string) => {
        messages = 0;
        const rows = await orgRead(pool, orgId, currentOrg({ value }));
        return { rows, messages };
      };
      const awkward = "it's a \\ back'slash — ünïcødé";
      t.same(
        await read('org_a', 'first'),
        { rows: [{ org: 'org_a', value: 'first' }], messages: 3 },
        'begin, the statement, commit the first time',
      );
      t.same(
        await read('org_b', awkward),
        { rows: [{ org: 'org_b', value: awkward }], messages: 1 },
        'then one message',
      );
      t.same(await read("org_'c", 'third'), { rows: [{ org: "org_'c", value: 'third' }], messages: 1 });
      const { rows } = await pool.query<{ org: string }>("select current_setting('app.org_id', true) as org");
      t.same(rows, [{ org: '' }], 'the setting ends with the read: nothing is left on the connection');

      // Another replica's migration changes what the prepared statement returns.
      const owner = new pg.Client({ connectionString: testDatabase.url });
      await owner.connect();
      t.teardown(() => owner.end());
      await owner.query('create table read_probe (id integer primary key)');
      await owner.query('insert into read_probe values (1)');
      await owner.query(`grant select on read_probe to ${APP_ROLE}`);
      const readProbe = compileOnce<{ id: number }, Record<string, unknown>>((db, param) =>
        db
          .selectFrom(sql<{ id: number }>`read_probe`.as('read_probe'))
          .selectAll()
          .where('id', '=', param('id')),
      );
      const probe = () => orgRead(pool, 'org_a', readProbe({ id: 1 }));
      t.same(await probe(), [{ id: 1 }]);
      t.same(await probe(), [{ id: 1 }]);
      await owner.query("alter table read_probe add column note text default 'added'");
      await t.rejects(probe(), { code: '0A000' }, 'PostgreSQL refuses the outdated statement once');
      t.same(await probe(), [{ id: 1, note: 'added' }], 'then the connection sends it unprepared');
      t.same(await probe(), [{ id: 1, note: 'added' }]);
    },
  );
}
