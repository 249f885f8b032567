import pg from 'pg';
import { buildServer } from '../services/api/scripts/build.js';
import { command, machine, processCpuMs, startChild, writeResult } from './lib.js';
import { appRoleUrl, type CapturedQuery, captureQueries, openServiceReads } from './queries.js';
import { benchSecrets, createBenchDatabase, seedDeals, sessionOf } from './setup.js';

/**
 * What the database does for one read, without HTTP: the statement the service sends for
 * `GET /v1/deals/{id}/alignment` (captured from its code), replayed on one app-role connection,
 * against a bare primary-key read: as the service sends it (one message: the organisation's
 * setting and `execute` of the prepared statement), and in an explicit transaction, unprepared
 * and prepared. For each variant: wall time per request on one connection (round trips
 * included), and the CPU time of the PostgreSQL backend and of this client per request.
 * Diagnostic, not part of `pnpm bench`:
 *
 *   node --import tsx bench/db-cost.ts
 */
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 3000);

interface Variant {
  name: string;
  statements: number;
  run: (client: pg.Client) => Promise<unknown>;
}

async function measure(client: pg.Client, backendPid: number, variant: Variant) {
  for (let i = 0; i < 200; i++) await variant.run(client); // warm-up (and prepare)
  const cpuBefore = processCpuMs(backendPid) ?? 0;
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i++) await variant.run(client);
  const wall = performance.now() - started;
  const backend = (processCpuMs(backendPid) ?? 0) - cpuBefore;
  const clientUsage = process.cpuUsage(clientBefore);
  const per = (ms: number) => Math.round((ms / ITERATIONS) * 1000) / 1000;
  return {
    variant: variant.name,
    statements: variant.statements,
    wallMsPerRequest: per(wall),
    databaseCpuMsPerRequest: per(backend),
    clientCpuMsPerRequest: per((clientUsage.user + clientUsage.system) / 1000),
  };
}

export async function benchDbCost() {
  const database = await createBenchDatabase();
  const api = await startChild(await buildServer(), {
    DATABASE_URL: database.url,
    ...benchSecrets(),
    RATE_LIMIT_ENABLED: 'false',
  });
  const results: Awaited<ReturnType<typeof measure>>[] = [];
  let captured: CapturedQuery[] = [];
  try {
    const seeded = await seedDeals(api.address, 25);
    const dealId = seeded.dealIds[0] ?? '';
    await seeded.call('POST', `/v1/deals/${dealId}/assessment/submit`, seeded.procurement);
    const me = await seeded.call('GET', '/v1/me', seeded.sales);
    const principal = {
      kind: 'user' as const,
      id: me.user.id as string,
      organisationId: me.organisation.id as string,
      sessionId: sessionOf(seeded.sales),
    };
    const reads = await openServiceReads(database.url);
    try {
      await reads.getAlignment(principal, dealId);
      captured = await captureQueries(() => reads.getAlignment(principal, dealId));
    } finally {
      await reads.close();
    }

    const owner = new pg.Client({ connectionString: database.url });
    await owner.connect();
    await owner.query('create table bench_baseline (id text primary key, body jsonb not null)');
    await owner.query(`insert into bench_baseline values ('row_1', '{"title":"baseline"}')`);
    await owner.end();

    const client = new pg.Client({ connectionString: appRoleUrl(database.url) });
    await client.connect();
    const ownerClient = new pg.Client({ connectionString: database.url });
    await ownerClient.connect();
    try {
      const pidOf = async (c: pg.Client) =>
        Number((await c.query('select pg_backend_pid() as pid')).rows[0].pid);
      const appPid = await pidOf(client);
      const ownerPid = await pidOf(ownerClient);
      const [read] = captured;
      if (captured.length !== 1 || !read) throw new Error('the alignment read is one statement');
      const literal = (value: unknown) => (value === null ? 'null' : pg.escapeLiteral(String(value)));
      const setting = `select set_config('app.org_id', ${pg.escapeLiteral(principal.organisationId)}, true)`;
      // As the service sends it once the statement is prepared on the connection: one message.
      const oneMessage = async (c: pg.Client) => {
        await c.query(`${setting}; execute alignment_read(${read.values.map(literal).join(', ')})`);
      };
      // The same statement in an explicit transaction, as every other request runs.
      const transaction = (prepared: boolean) => async (c: pg.Client) => {
        await c.query(`begin; ${setting}`);
        if (prepared) await c.query({ name: 'alignment_read', text: read.text, values: read.values });
        else await c.query(read.text, read.values);
        await c.query('commit');
      };
      const pk = (prepared: boolean) => (c: pg.Client) =>
        prepared
          ? c.query({
              name: 'pk',
              text: 'select id, body from bench_baseline where id = $1',
              values: ['row_1'],
            })
          : c.query('select id, body from bench_baseline where id = $1', ['row_1']);
      results.push(
        await measure(ownerClient, ownerPid, {
          name: 'bare primary-key read (as the baseline)',
          statements: 1,
          run: pk(false),
        }),
      );
      results.push(
        await measure(ownerClient, ownerPid, {
          name: 'bare primary-key read, prepared',
          statements: 1,
          run: pk(true),
        }),
      );
      results.push(
        await measure(client, appPid, {
          name: 'alignment read in a transaction, unprepared',
          statements: 3,
          run: transaction(false),
        }),
      );
      results.push(
        await measure(client, appPid, {
          name: 'alignment read in a transaction, prepared',
          statements: 3,
          run: transaction(true),
        }),
      );
      results.push(
        await measure(client, appPid, {
          name: 'alignment read as the service sends it (one message, prepared)',
          statements: 1,
          run: oneMessage,
        }),
      );
    } finally {
      await client.end();
      await ownerClient.end();
    }
  } finally {
    await api.stop();
    await database.drop();
  }
  console.table(results);
  console.log('statements of the alignment read:');
  for (const statement of captured)
    console.log(`  ${statement.text.slice(0, 140)}${statement.text.length > 140 ? '…' : ''}`);
  const saved = writeResult(
    'db-cost.json',
    `${JSON.stringify(
      {
        benchmark: 'db-cost',
        measuredAt: new Date().toISOString(),
        command: command(),
        machine: machine(),
        iterations: ITERATIONS,
        results,
        statements: captured.map((s) => s.text),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`saved ${saved}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDbCost();
