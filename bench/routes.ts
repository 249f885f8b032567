import { buildServer } from '../services/api/scripts/build.js';
import {
  type LoadOptions,
  type LoadResult,
  load,
  type MemorySample,
  ratio,
  repoPath,
  report,
  sampleMemory,
  startChild,
} from './lib.js';
import { benchSecrets, createBenchDatabase, sampleAssessment, seedDeals, signIn } from './setup.js';

const CONNECTIONS = [1, 32, 128];
const BASELINE = 'bare Fastify + pg primary-key read';
/** Organisations seeded (each a sales/procurement pair) and deals per pair. */
const PAIRS = 4;
const DEALS_PER_PAIR = 40;
const CLOSED_ROUNDS = 40;

/**
 * The main routes of the API on PostgreSQL under load at 1, 32 and 128 connections, each level
 * beside a bare Fastify + pg primary-key read measured in the same run (before and after the
 * level's routes; the ratio uses their mean), with the API process's resident memory sampled
 * throughout. Rate limits are lifted; logging stays at the production default (`info`).
 *
 * - GET /v1/deals (first page of 20, of an organisation with 40 deals)
 * - GET /v1/deals/{id} and GET /v1/deals/{id}/alignment (a deal with a report); the alignment read
 *   also from a second API process with its read cache off (`READ_CACHE_MAX_ENTRIES=0`): what it
 *   costs when the database answers every read
 * - PUT /v1/deals/{id}/assessment: each connection saves its own deal's draft, connections spread
 *   over 4 organisations (a save locks the deal's row and appends to the organisation's
 *   hash-chained audit trail, which serialises the writes of one organisation)
 * - POST /v1/auth/token, password grant: bound by Argon2id (19 MiB, t = 2) by design
 */
export async function benchRoutes(seconds = Number(process.env.BENCH_SECONDS ?? 10)) {
  const database = await createBenchDatabase();
  // Both API processes are replicas of one service: the same keys.
  const secrets = benchSecrets();
  const api = await startChild(await buildServer(), {
    DATABASE_URL: database.url,
    ...secrets,
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'info',
  });
  // The same API without its read cache, for the alignment read as the database answers it.
  const uncached = await startChild(await buildServer(), {
    DATABASE_URL: database.url,
    ...secrets,
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'info',
    READ_CACHE_MAX_ENTRIES: '0',
  });
  const baseline = await startChild(repoPath('bench/baseline-server.ts'), { DATABASE_URL: database.url });
  const memory = sampleMemory(api.pid);
  const idleRssMiB = memory.phase();
  const results: LoadResult[] = [];
  const closing: number[] = [];
  let seededRssMiB = 0;
  let whole: MemorySample | undefined;
  try {
    console.log(`routes: seeding ${PAIRS} organisation pairs with ${DEALS_PER_PAIR} deals each over HTTP…`);
    const pairs = await Promise.all(
      Array.from({ length: PAIRS }, () => seedDeals(api.address, DEALS_PER_PAIR)),
    );
    const [main] = pairs;
    if (!main) throw new Error('no pair seeded');
    // Close rounds one at a time, timing each: the heaviest write (lock, decrypt both sides,
    // compute, store the report).
    for (const dealId of main.dealIds.slice(0, CLOSED_ROUNDS)) {
      const started = performance.now();
      await main.call('POST', `/v1/deals/${dealId}/assessment/submit`, main.procurement);
      closing.push(performance.now() - started);
    }
    seededRssMiB = memory.phase();
    const target = main.dealIds[0];
    const writable = pairs.flatMap((pair) => pair.dealIds.map((dealId) => ({ pair, dealId })));

    for (const connections of CONNECTIONS) {
      // Fresh tokens for every level: a long BENCH_SECONDS must not outlive the 15-minute tokens.
      const tokens = await Promise.all(
        pairs.map((pair) => signIn(api.address, pair.salesEmail, pair.password)),
      );
      const sales = tokens[0] ?? '';
      const auth = (token: string) => ({ authorization: `Bearer ${token}` });
      const run = async (
        name: string,
        options: Omit<LoadOptions, 'connections' | 'seconds'>,
        server = api,
      ) => {
        const result = await load(name, {
          ...options,
          connections,
          seconds,
          cpu: { serverPid: server.pid, database: database.name },
          ...(server === api ? { onMeasureStart: () => memory.phase() } : {}),
        });
        if (server === api) result.peakRssMiB = memory.phase();
        results.push(result);
        return result;
      };

      await run(BASELINE, { url: `${baseline.address}/pk` }, baseline);
      await run('bare Fastify route', { url: `${baseline.address}/bare` }, baseline);
      await run('GET /v1/deals (first page)', { url: `${api.address}/v1/deals`, headers: auth(sales) });
      await run('GET /v1/deals/{id}', { url: `${api.address}/v1/deals/${target}`, headers: auth(sales) });
      await run('GET /v1/deals/{id}/alignment', {
        url: `${api.address}/v1/deals/${target}/alignment`,
        headers: auth(sales),
      });
      await run(
        'GET /v1/deals/{id}/alignment (read cache off)',
        { url: `${uncached.address}/v1/deals/${target}/alignment`, headers: auth(sales) },
        uncached,
      );
      let nextDeal = 0;
      const bodies = writable.map((_, i) => JSON.stringify(sampleAssessment(i)));
      await run('PUT /v1/deals/{id}/assessment', {
        url: `${api.address}/v1/deals/${target}/assessment`,
        method: 'PUT',
        // Each connection keeps one deal (no two connections wait on one deal's row lock).
        setupClient: (client) => {
          const index = nextDeal++ % writable.length;
          const { pair, dealId } = writable[index] ?? { pair: main, dealId: target };
          client.setRequests([
            {
              method: 'PUT',
              path: `/v1/deals/${dealId}/assessment`,
              headers: { ...auth(tokens[pairs.indexOf(pair)] ?? sales), 'content-type': 'application/json' },
              body: bodies[index] ?? '{}',
            },
          ]);
        },
      });
      await run(`${BASELINE} (again)`, { url: `${baseline.address}/pk` }, baseline);
      await run('POST /v1/auth/token (password grant: Argon2-bound)', {
        url: `${api.address}/v1/auth/token`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'password', username: main.salesEmail, password: main.password }),
        timeoutSeconds: 30,
      });
    }
  } finally {
    whole = memory.stop();
    await Promise.all([api.stop(), uncached.stop(), baseline.stop()]);
    await database.drop();
  }

  const ratios = CONNECTIONS.flatMap((connections) => {
    const level = results.filter((r) => r.connections === connections);
    const pk = level.filter((r) => r.name.startsWith(BASELINE)).map((r) => r.requestsPerSecond);
    const pkMean = pk.reduce((sum, value) => sum + value, 0) / (pk.length || 1);
    return level
      .filter((r) => r.name.startsWith('GET') || r.name.startsWith('PUT') || r.name.startsWith('POST'))
      .map((r) => ({
        route: r.name,
        connections,
        requestsPerSecond: r.requestsPerSecond,
        baselineRequestsPerSecond: Math.round(pkMean),
        ratio: ratio(r.requestsPerSecond, pkMean),
        ...(r.name.includes('/alignment') ? { goal: 0.7 } : {}),
      }));
  });
  closing.sort((a, b) => a - b);
  const percentile = (p: number) =>
    Number((closing[Math.min(closing.length - 1, Math.floor((p / 100) * closing.length))] ?? 0).toFixed(1));
  const submit = { samples: closing.length, p50Ms: percentile(50), p99Ms: percentile(99) };
  const peakUnderLoad = Math.max(...results.map((r) => r.peakRssMiB ?? 0));
  const memoryFigures = {
    idleRssMiB,
    afterSeedingRssMiB: seededRssMiB,
    peakRssUnderLoadMiB: peakUnderLoad,
    vmHwmMiB: whole?.hwmMiB ?? 0,
    sampledEveryMs: whole?.intervalMs ?? 0,
    goalMiB: 200,
  };
  report('routes', results, {
    seconds,
    setup: {
      database:
        'PostgreSQL on 127.0.0.1:5432 (throwaway database), pool of 10 in the API and in the baseline',
      api: 'node services/api/dist/server.js (bundled by services/api/scripts/build.ts), RATE_LIMIT_ENABLED=false, LOG_LEVEL=info; a second one with READ_CACHE_MAX_ENTRIES=0 for the uncached alignment read',
      client:
        'autocannon in the benchmark process, same machine (client, server and database share the CPUs)',
      seeded: `${PAIRS} organisation pairs × ${DEALS_PER_PAIR} deals; ${CLOSED_ROUNDS} rounds closed`,
    },
    ratios,
    memory: memoryFigures,
    roundClosingSubmit: submit,
  });
  console.table(
    ratios.map((r) => ({
      route: r.route,
      connections: r.connections,
      'req/s': r.requestsPerSecond,
      'pk read req/s': r.baselineRequestsPerSecond,
      ratio: r.ratio,
    })),
  );
  for (const r of ratios.filter((r) => r.goal !== undefined))
    console.log(
      `alignment read vs bare pg read at ${r.connections} connections: ${r.ratio} (goal ≥ ${r.goal})`,
    );
  console.log(
    `API resident memory: idle ${idleRssMiB} MiB, peak under load ${peakUnderLoad} MiB (VmHWM ${memoryFigures.vmHwmMiB} MiB; goal ≤ 200 MB)`,
  );
  console.log(
    `round-closing submit: p50 ${submit.p50Ms} ms, p99 ${submit.p99Ms} ms over ${submit.samples} sequential closes`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRoutes();
