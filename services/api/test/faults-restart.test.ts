import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { openPostgres } from '@cg/db';
import { sql } from 'kysely';
import t from 'tap';
import { call, type HttpReply, NoAnswerError, signUpOver, waitFor } from './helpers/http-api.js';
import { startPrivatePostgres } from './helpers/private-postgres.js';
import { startServer } from './helpers/process.js';

/*
 * Issue 8, faults: PostgreSQL stops and starts again under the API. The database is a cluster of
 * this test's own (the machine's server is untouched); the API is the real server entry point in
 * a child process.
 *
 * Writes are retried with their Idempotency-Key until acknowledged: a 201, or a 409 `conflict`
 * saying the write was carried out but its reply could not be kept (then the row must be there,
 * once). Every key has one request at a time here, so a retry refused with 409
 * `idempotency-in-progress` means the claim outlived its request (it could not be settled while
 * the database was down). When that lasts a few seconds after the database is back, the test
 * moves the claim's lease (60 s) to its end rather than wait it out, as if the time had passed.
 */

/** How long a claim may outlive its request before the test lets its lease run out. */
const CLAIM_GRACE_MS = 3000;

/** No key may take longer than this to be acknowledged once the database is back. */
const KEY_DEADLINE_MS = 30_000;

if (!process.env.TEST_DATABASE_URL) {
  t.pass('PostgreSQL fault tests run when TEST_DATABASE_URL is set');
} else {
  t.test('PostgreSQL stops and starts again under the API', async (t) => {
    const cluster = await startPrivatePostgres(t);
    const server = await startServer({
      DATABASE_URL: cluster.url,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      MASTER_KEY: randomBytes(32).toString('base64'),
      RATE_LIMIT_ENABLED: 'false',
    });
    t.teardown(() => {
      if (!t.passing()) {
        t.comment(`server output (end):\n${server.output().slice(-6000)}`);
        t.comment(`PostgreSQL log (end):\n${cluster.log().slice(-2000)}`);
      }
      server.child.kill('SIGKILL');
    });
    // The test's own connection to the cluster, as its owner: to look at the rows.
    const database = await openPostgres({ url: cluster.url, poolMax: 1 });
    t.teardown(() => database.close());
    const base = server.address;
    const sales = await signUpOver(base, 'sales');

    const refusedSince = new Map<string, number>();
    /** After a 409 (in progress): waits a little, then makes the claim's lease run out. */
    const outlivedClaim = async (key: string) => {
      const since = refusedSince.get(key) ?? Date.now();
      refusedSince.set(key, since);
      if (Date.now() - since < CLAIM_GRACE_MS) return sleep(250);
      await database.asSystem((trx) =>
        sql`update idempotency_keys set locked_until = now() where key = ${key} and state <> 'completed'`.execute(
          trx,
        ),
      );
    };

    await t.test(
      'when PostgreSQL restarts under a stream of writes, then the service answers 503 fast, recovers unaided and loses no acknowledged write',
      async (t) => {
        /** Every key used, with the deal ids it was acknowledged with. */
        const keys = new Map<string, { title: string; ids: Set<string> }>();
        /** Keys answered 409 `conflict`: carried out, but the reply was lost. */
        const carriedOut = new Set<string>();
        const badUnavailable: string[] = [];
        const unexpected: string[] = [];
        const noAnswer: string[] = [];
        const overdue: string[] = [];
        let acknowledged = 0;
        let unavailable = 0;
        let outageOver: number | undefined;
        let stopping = false;
        let abandoned = false;
        t.teardown(() => {
          abandoned = true;
        });

        const checkUnavailable = (reply: HttpReply, what: string) => {
          const wrong = [
            reply.headers.get('retry-after') ? '' : 'no Retry-After',
            reply.headers.get('content-type')?.startsWith('application/problem+json')
              ? ''
              : 'not problem+json',
            reply.json?.type === '/problems/service-unavailable' ? '' : `type ${reply.json?.type}`,
          ].filter(Boolean);
          if (wrong.length > 0) badUnavailable.push(`${what}: ${wrong.join(', ')}: ${reply.text}`);
        };

        /** One idempotent create, retried with the same key until it is acknowledged. */
        const write = async (key: string, title: string) => {
          const entry = { title, ids: new Set<string>() };
          keys.set(key, entry);
          while (!abandoned) {
            if (outageOver !== undefined && Date.now() - outageOver > KEY_DEADLINE_MS) {
              overdue.push(key);
              return;
            }
            let reply: HttpReply;
            try {
              reply = await call(base, 'POST', '/v1/deals', {
                auth: sales.auth,
                headers: { 'idempotency-key': key },
                body: { title },
              });
            } catch (error) {
              if (!(error instanceof NoAnswerError)) throw error;
              noAnswer.push(error.message);
              await sleep(100);
              continue;
            }
            if (reply.status === 201) {
              entry.ids.add(reply.json.id);
              acknowledged++;
              return;
            }
            if (reply.status === 503) {
              unavailable++;
              checkUnavailable(reply, `POST /v1/deals (${key})`);
            } else if (reply.status === 409 && reply.json?.type === '/problems/idempotency-in-progress') {
              await outlivedClaim(key);
              continue;
            } else if (reply.status === 409 && reply.json?.type === '/problems/conflict') {
              carriedOut.add(key);
              return;
            } else {
              unexpected.push(`${reply.status} ${reply.text}`);
            }
            await sleep(100);
          }
        };

        const writers = Array.from({ length: 4 }, async () => {
          while (!stopping && !abandoned) {
            const key = randomUUID();
            await write(key, `restart ${key}`);
          }
        });
        const extraWrites: Promise<void>[] = [];

        await waitFor('writes before the restart', () => acknowledged >= 20, 30_000);
        await cluster.stop();
        // A reply already on its way when the server stopped may still land; then nothing more can.
        await sleep(500);
        const beforeOutage = acknowledged;

        await t.test('while PostgreSQL is down', async (t) => {
          t.equal(server.child.exitCode, null, 'the process survived the database going away');
          const live = await call(base, 'GET', '/health/live');
          t.equal(live.status, 200, 'the process is alive');
          const ready = await call(base, 'GET', '/health/ready');
          t.equal(ready.status, 503, '/health/ready is 503');
          t.ok(ready.headers.get('retry-after'), 'with Retry-After');
          t.match(ready.headers.get('content-type'), /^application\/problem\+json/);
          t.equal(ready.json?.type, '/problems/service-unavailable');

          // A write of its own: answered before the hang detector fires, with a 503 to retry later.
          const key = randomUUID();
          const refused = await call(base, 'POST', '/v1/deals', {
            auth: sales.auth,
            headers: { 'idempotency-key': key },
            body: { title: `restart ${key}` },
          });
          t.equal(refused.status, 503, `a write is refused with 503: ${refused.text}`);
          t.ok(refused.headers.get('retry-after'), 'with Retry-After');
          t.match(refused.headers.get('content-type'), /^application\/problem\+json/);
          t.match(refused.json, { type: '/problems/service-unavailable', status: 503 });
          t.notMatch(
            refused.text,
            /ECONNREFUSED|127\.0\.0\.1|postgres|terminat/i,
            'no internals in the body',
          );
          // It is retried with its key, like every other write, until acknowledged.
          extraWrites.push(write(key, `restart ${key}`));

          const read = await call(base, 'GET', '/v1/deals', { auth: sales.auth });
          t.equal(read.status, 503, 'reads are refused with 503 too');
          t.ok(read.headers.get('retry-after'));

          const before = unavailable;
          await waitFor('the writers to be refused again', () => unavailable >= before + 8, 20_000);
          t.equal(acknowledged, beforeOutage, 'nothing is acknowledged while the database is down');
        });

        await t.test('when PostgreSQL is back, then the service recovers by itself', async (t) => {
          await cluster.start();
          outageOver = Date.now();
          await waitFor(
            '/health/ready to answer 200',
            async () => (await call(base, 'GET', '/health/ready')).status === 200,
            30_000,
          );
          const recovered = acknowledged;
          await waitFor('new writes to be acknowledged', () => acknowledged >= recovered + 20, 30_000);
          t.pass('writes are acknowledged again');
          t.equal(server.child.exitCode, null, 'the process never exited');
          t.equal(server.child.signalCode, null);
        });

        await t.test(
          'then every acknowledged write is in the database, once per idempotency key',
          async (t) => {
            stopping = true;
            await Promise.all([...writers, ...extraWrites]);
            t.same(overdue, [], 'every key was acknowledged');
            t.same(noAnswer, [], 'every request was answered (no hang, no dropped connection)');
            t.same(unexpected, [], 'only 201, 503 and 409 (in progress, carried out) were answered');
            t.same(badUnavailable, [], 'every 503 had Retry-After and a problem+json body');
            t.ok(unavailable > 0, `writes were refused with 503 during the outage (${unavailable})`);

            const rows = await database.asSystem((trx) =>
              trx.selectFrom('deals').select(['id', 'title']).where('title', 'like', 'restart %').execute(),
            );
            const rowsByTitle = new Map<string, string[]>();
            for (const row of rows)
              rowsByTitle.set(row.title, [...(rowsByTitle.get(row.title) ?? []), row.id]);

            const lost: string[] = [];
            const duplicated: string[] = [];
            const inconsistent: string[] = [];
            for (const [key, entry] of keys) {
              const stored = rowsByTitle.get(entry.title) ?? [];
              if (stored.length > 1) duplicated.push(`${key}: ${stored.length} rows`);
              if (entry.ids.size > 1) inconsistent.push(`${key}: ${[...entry.ids].join(', ')}`);
              for (const id of entry.ids) if (!stored.includes(id)) lost.push(`${key}: ${id}`);
              if (carriedOut.has(key) && stored.length === 0) lost.push(`${key}: carried out, but no row`);
            }
            if (carriedOut.size > 0) t.comment(`${carriedOut.size} keys carried out with their reply lost`);
            t.ok(keys.size >= 40, `${keys.size} idempotency keys written`);
            t.same(lost, [], 'every acknowledged deal is in the database');
            t.same(duplicated, [], 'each idempotency key made exactly one row');
            t.same(inconsistent, [], 'every acknowledgement of a key names the same deal');
            t.equal(rows.length, keys.size, 'no row without a key');
          },
        );
      },
    );

    /**
     * Fault injection on this private cluster: a trigger makes the statement described by `on`
     * and `when` wait 30 s, the cluster is stopped while it waits, then started again. Returns
     * the answer of the interrupted write, the last answer of its retries (a 201, or a 409
     * `conflict`: carried out, reply lost) and the deals made for its key.
     */
    const interruptedWrite = async (on: 'insert on deals' | 'update on idempotency_keys', when: string) => {
      const key = `interrupted-${randomUUID()}`;
      const title = `interrupted ${key}`;
      const condition = when.replaceAll('$KEY', key).replaceAll('$TITLE', title);
      await database.asSystem(async (trx) => {
        await sql`
          create function fault_sleep() returns trigger language plpgsql as $$
          begin perform pg_sleep(30); return new; end $$
        `.execute(trx);
        await sql`
          create trigger fault_sleep before ${sql.raw(on)} for each row when (${sql.raw(condition)})
          execute function fault_sleep()
        `.execute(trx);
      });
      const create = () =>
        call(base, 'POST', '/v1/deals', {
          auth: sales.auth,
          headers: { 'idempotency-key': key },
          body: { title },
          timeoutMs: 40_000,
        });

      const first = create();
      await waitFor('the statement to be held up', async () => {
        const { rows } = await database.asSystem((trx) =>
          sql<{
            n: number;
          }>`select count(*)::int as n from pg_stat_activity where wait_event = 'PgSleep'`.execute(trx),
        );
        return (rows[0]?.n ?? 0) > 0;
      });
      await cluster.stop();
      const answer = await first;
      await cluster.start();
      await database.asSystem(async (trx) => {
        await sql`drop trigger fault_sleep on ${sql.raw(on.split(' on ')[1] ?? '')}`.execute(trx);
        await sql`drop function fault_sleep()`.execute(trx);
      });

      let retried: HttpReply | undefined;
      await waitFor('the retried write to be settled', async () => {
        const reply = await create();
        if (reply.status === 201 || reply.json?.type === '/problems/conflict') retried = reply;
        else if (reply.json?.type === '/problems/idempotency-in-progress') await outlivedClaim(key);
        return retried;
      });
      const rows = await database.asSystem((trx) =>
        trx.selectFrom('deals').select('id').where('title', '=', title).execute(),
      );
      return { answer, retried, dealIds: rows.map((row) => row.id) };
    };

    await t.test(
      'when the database goes down in the middle of a write, then it is answered with a 503 problem and its retry makes one row',
      async (t) => {
        const { answer, retried, dealIds } = await interruptedWrite(
          'insert on deals',
          "new.title = '$TITLE'",
        );
        t.equal(answer.status, 503, `503: ${answer.text}`);
        t.ok(answer.headers.get('retry-after'), 'with Retry-After');
        t.match(answer.headers.get('content-type'), /^application\/problem\+json/);
        t.match(answer.json, { type: '/problems/service-unavailable', status: 503 });
        t.notMatch(answer.text, /ECONNREFUSED|127\.0\.0\.1|postgres|terminat/i, 'no internals in the body');
        t.equal(retried?.status, 201, 'the retry carries the write out');
        t.same(dealIds, [retried?.json.id], 'one deal for the key: the one its acknowledgement names');
      },
    );

    await t.test(
      'when the database goes down while a write’s idempotency key is being completed, then its retry makes no second row',
      async (t) => {
        const { answer, retried, dealIds } = await interruptedWrite(
          'update on idempotency_keys',
          "new.key = '$KEY' and new.state = 'completed'",
        );
        t.ok(
          [201, 503].includes(answer.status),
          `the interrupted write is answered 201 or 503: ${answer.status}`,
        );
        t.equal(dealIds.length, 1, `one deal for the key (${dealIds.join(', ')})`);
        for (const reply of [answer, retried])
          if (reply?.status === 201)
            t.equal(reply.json.id, dealIds[0], `the ${reply === answer ? 'first' : 'retried'} 201 names it`);
      },
    );
  });
}
