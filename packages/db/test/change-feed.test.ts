import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pg from 'pg';
import t from 'tap';
import { PostgresChangeFeed } from '../src/change-feed.js';
import { CHANGE_CHANNEL, type ChangeSubscriber, changeKeys } from '../src/index.js';
import { createTestDatabase } from '../src/testing.js';

function recorder() {
  const keys: string[] = [];
  let resets = 0;
  const subscriber: ChangeSubscriber = {
    changed: (key) => keys.push(key),
    reset: () => {
      resets++;
    },
  };
  return { subscriber, keys, resets: () => resets };
}

async function until(condition: () => boolean, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const id = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

t.test(
  'when this process writes, then the keys it changed are announced before the write returns',
  async (t) => {
    const { database, drop } = await createTestDatabase();
    t.teardown(drop);
    const { subscriber, keys } = recorder();
    t.teardown(database.changes.subscribe(subscriber));
    await until(() => database.changes.live, 'the feed to listen');
    // On PostgreSQL the same keys come back a moment later through the listening connection: wait
    // for a marker sent after them, then start afresh.
    let markers = 0;
    /** What arrived until the marker; the record starts afresh after it. */
    const settle = async () => {
      const marker = `probe:${++markers}`;
      await database.asSystem((trx) => sql`select pg_notify(${CHANGE_CHANNEL}, ${marker})`.execute(trx));
      await until(() => keys.includes(marker), 'the marker');
      const before = keys.slice(0, keys.indexOf(marker));
      keys.length = 0;
      return before;
    };

    const org = id('org');
    const user = id('usr');
    const deal = id('deal');
    await database.asSystem(async (trx) => {
      await sql`insert into organisations (id, name, side) values (${org}, 'Probe', 'sales')`.execute(trx);
      await sql`insert into users (id, organisation_id, email, name, role, password_hash)
              values (${user}, ${org}, ${`${user}@example.test`}, 'Probe', 'admin', 'x')`.execute(trx);
      await sql`insert into deals (id, title, status, sales_org_id, created_by_org_id, round_budget)
              values (${deal}, 'Probe', 'awaiting_counterparty', ${org}, ${org}, 5)`.execute(trx);
    });
    t.same(await settle(), [], 'new rows announce nothing: nothing can have been cached of them');

    await database.asOrg(org, async (trx) => {
      await sql`update deals set title = 'Renamed' where id = ${deal}`.execute(trx);
    });
    // (On PostgreSQL the listening connection may bring the same key again, even this soon.)
    t.same([...new Set(keys)], [`deal:${deal}`], 'a request transaction: announced when it returns');

    await settle();
    await database.asSystem(async (trx) => {
      await sql`update users set role = 'viewer' where id = ${user}`.execute(trx);
      await sql`update organisations set name = 'Renamed' where id = ${org}`.execute(trx);
      await sql`update deals set version = version + 1 where id = ${deal}`.execute(trx);
      await sql`update deals set version = version + 1 where id = ${deal}`.execute(trx);
    });
    t.same(
      [...new Set(keys)].sort(),
      [`deal:${deal}`, `org:${org}`, `user:${user}`].sort(),
      'a system transaction: every key it changed',
    );

    await settle();
    await database.asOrg(org, async (trx) => {
      await sql`select * from deals where id = ${deal}`.execute(trx);
    });
    t.same(await settle(), [], 'a read announces nothing, here or through the listening connection');
  },
);

t.test('when each announcing table changes, then the triggers announce exactly the changeKeys', async (t) => {
  const { database, drop } = await createTestDatabase();
  t.teardown(drop);
  const { subscriber, keys } = recorder();
  t.teardown(database.changes.subscribe(subscriber));
  await until(() => database.changes.live, 'the feed to listen');
  const org = id('org');
  const user = id('usr');
  const client = id('cli');
  const deal = id('deal');
  const session = id('rtf');
  await database.asSystem(async (trx) => {
    await sql`insert into organisations (id, name, side) values (${org}, 'Probe', 'sales')`.execute(trx);
    await sql`insert into users (id, organisation_id, email, name, role, password_hash)
            values (${user}, ${org}, ${`${user}@example.test`}, 'Probe', 'admin', 'x')`.execute(trx);
    await sql`insert into api_clients (id, organisation_id, name, secret_hash, scopes)
            values (${client}, ${org}, 'Probe', ${id('hash')}, '{}')`.execute(trx);
    await sql`insert into refresh_tokens (id, organisation_id, user_id, family_id, token_hash, expires_at)
            values (${id('rt')}, ${org}, ${user}, ${session}, ${id('hash')}, now() + interval '1 day')`.execute(
      trx,
    );
    await sql`insert into deals (id, title, status, sales_org_id, created_by_org_id, round_budget)
            values (${deal}, 'Probe', 'awaiting_counterparty', ${org}, ${org}, 5)`.execute(trx);
  });
  const announcedBy = async (statements: ReturnType<typeof sql>[]) => {
    await database.asSystem(async (trx) => {
      for (const statement of statements) await statement.execute(trx);
    });
    // On PostgreSQL the listening connection brings the same keys again a moment later: what
    // arrived until a marker sent afterwards, as a set.
    const marker = `probe:${statements.length}:${Date.now()}`;
    await database.asSystem((trx) => sql`select pg_notify(${CHANGE_CHANNEL}, ${marker})`.execute(trx));
    await until(() => keys.includes(marker), 'the marker');
    const announced = [...new Set(keys.slice(0, keys.indexOf(marker)))].sort();
    keys.length = 0;
    return announced;
  };
  t.same(
    await announcedBy([
      sql`update organisations set name = 'Renamed' where id = ${org}`,
      sql`update users set name = 'Renamed' where id = ${user}`,
      sql`update api_clients set name = 'Renamed' where id = ${client}`,
      sql`update deals set title = 'Renamed' where id = ${deal}`,
      sql`update refresh_tokens set revoked_at = now() where family_id = ${session}`,
    ]),
    [
      changeKeys.client(client),
      changeKeys.deal(deal),
      changeKeys.organisation(org),
      changeKeys.session(session),
      changeKeys.user(user),
    ].sort(),
  );
  t.same(
    await announcedBy([
      sql`insert into alignment_reports (deal_id, version, round, algorithm, based_on_sales, based_on_procurement, disclosure, view_sales, view_procurement)
          values (${deal}, 1, 1, 'probe', 1, 1, 'summary', '{}', '{}')`,
    ]),
    [changeKeys.deal(deal)],
    'a report announces its deal',
  );
  t.same(
    await announcedBy([
      sql`insert into deal_events (id, deal_id, type, side) values (${id('evt')}, ${deal}, 'deal.updated', 'sales')`,
      sql`insert into deal_events (id, deal_id, type, side) values (${id('evt')}, ${deal}, 'milestone.created', 'sales')`,
    ]),
    [changeKeys.timeline(deal)],
    'a timeline entry announces its deal’s timeline (and nothing about the entry)',
  );
  t.same(
    await announcedBy([sql`update refresh_tokens set used_at = now() where family_id = ${session}`]),
    [],
    'using a refresh token does not change whether its session is live',
  );
});

if (!process.env.TEST_DATABASE_URL) {
  t.pass('changes of other processes and a lost listening connection: PostgreSQL only');
} else {
  t.test('when another process writes, then its changes arrive, and only after it commits', async (t) => {
    const { database, url, drop } = await createTestDatabase();
    t.teardown(drop);
    const { subscriber, keys } = recorder();
    t.teardown(database.changes.subscribe(subscriber));
    await until(() => database.changes.live, 'the feed to listen');

    const other = new pg.Client({ connectionString: url });
    await other.connect();
    t.teardown(() => other.end());
    const org = id('org');
    await other.query(`insert into organisations (id, name, side) values ($1, 'Probe', 'sales')`, [org]);
    await other.query('begin');
    await other.query(`update organisations set name = 'Renamed' where id = $1`, [org]);
    await sleep(100);
    t.same(keys, [], 'nothing before the commit');
    await other.query('commit');
    await until(() => keys.includes(`org:${org}`), 'the other process’s change');
    t.same(keys, [`org:${org}`]);

    await other.query('begin');
    await other.query(`update organisations set name = 'Rolled back' where id = $1`, [org]);
    await other.query('rollback');
    await other.query(`select pg_notify($1, 'probe:end')`, [CHANGE_CHANNEL]);
    await until(() => keys.includes('probe:end'), 'the end marker');
    t.same(keys, [`org:${org}`, 'probe:end'], 'a rolled-back write of another process is never announced');
  });

  t.test('when this process writes, then its own notices announce the keys, listening or not', async (t) => {
    const { url, drop } = await createTestDatabase();
    t.teardown(drop);
    // A feed that can never listen (nothing answers on port 1): what reaches it comes from the
    // notices of the writes on the pool it captures, and from nothing else.
    const feed = new PostgresChangeFeed({ connection: { host: '127.0.0.1', port: 1 }, maxRetryDelayMs: 50 });
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    feed.capture(pool);
    const { subscriber, keys } = recorder();
    feed.subscribe(subscriber);
    t.teardown(async () => {
      await feed.close();
      await pool.end();
    });
    const org = id('org');
    await pool.query(`insert into organisations (id, name, side) values ($1, 'Probe', 'sales')`, [org]);
    const client = await pool.connect();
    await client.query('begin');
    await client.query(`update organisations set name = 'Renamed' where id = $1`, [org]);
    await client.query('commit');
    t.same(keys, [], 'nothing before the connection is handed back');
    client.release();
    t.same(keys, [`org:${org}`], 'the key, as soon as it is');
    t.notOk(feed.live, 'and the feed was never live');
  });

  t.test(
    'when the listening connection is lost, then the feed is not live until it listens again',
    async (t) => {
      const { database, url, drop } = await createTestDatabase();
      t.teardown(drop);
      const { subscriber, keys, resets } = recorder();
      t.teardown(database.changes.subscribe(subscriber));
      await until(() => database.changes.live, 'the feed to listen');
      const resetsWhenLive = resets();

      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      t.teardown(() => admin.end());
      const { rows } = await admin.query(
        `select pg_terminate_backend(pid) as done from pg_stat_activity
       where application_name = 'common-ground change feed' and datname = current_database()`,
      );
      t.equal(rows.length, 1, 'one listening connection per database handle');
      await until(() => !database.changes.live, 'the feed to notice');
      t.ok(resets() > resetsWhenLive, 'subscribers are told to forget everything when it is lost');
      await until(() => database.changes.live, 'the feed to listen again');
      const resetsWhenBack = resets();
      t.ok(resetsWhenBack > resetsWhenLive + 1, 'and again when it listens anew');

      const org = id('org');
      await admin.query(`insert into organisations (id, name, side) values ($1, 'Probe', 'sales')`, [org]);
      await admin.query(`update organisations set name = 'Renamed' where id = $1`, [org]);
      await until(() => keys.includes(`org:${org}`), 'a change after it came back');
    },
  );
}
