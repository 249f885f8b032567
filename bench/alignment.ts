import { type LoadResult, load, repoPath, report, startChild } from './lib.js';
import { benchSecrets, createBenchDatabase, seedDeals } from './setup.js';

/**
 * `GET /v1/deals/{id}/alignment` on PostgreSQL with a valid token, beside a bare Fastify + pg
 * primary-key read in the same run, and the latency of round-closing submits.
 */
export async function benchAlignment(seconds = Number(process.env.BENCH_SECONDS ?? 10)) {
  const database = await createBenchDatabase();
  const api = await startChild(repoPath('services/api/src/server.ts'), {
    DATABASE_URL: database.url,
    ...benchSecrets(),
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'info',
  });
  const baseline = await startChild(repoPath('bench/baseline-server.ts'), { DATABASE_URL: database.url });
  const results: LoadResult[] = [];
  const closing: number[] = [];
  try {
    const seeded = await seedDeals(api.address, 60);
    // Close 50 rounds one at a time, timing each: the heaviest write (lock, decrypt both sides, compute, store).
    for (const dealId of seeded.dealIds.slice(0, 50)) {
      const started = performance.now();
      await seeded.call('POST', `/v1/deals/${dealId}/assessment/submit`, seeded.procurement);
      closing.push(performance.now() - started);
    }
    const target = seeded.dealIds[0];
    for (const connections of [1, 32]) {
      results.push(
        await load('bare Fastify + pg primary-key read', {
          url: `${baseline.address}/pk`,
          connections,
          seconds,
        }),
      );
      results.push(
        await load('GET /v1/deals/{id}/alignment', {
          url: `${api.address}/v1/deals/${target}/alignment`,
          connections,
          seconds,
          headers: { authorization: `Bearer ${seeded.sales}` },
        }),
      );
    }
  } finally {
    await Promise.all([api.stop(), baseline.stop()]);
    await database.drop();
  }
  closing.sort((a, b) => a - b);
  const percentile = (p: number) =>
    Number((closing[Math.min(closing.length - 1, Math.floor((p / 100) * closing.length))] ?? 0).toFixed(1));
  const submit = { samples: closing.length, p50Ms: percentile(50), p99Ms: percentile(99) };
  const ratios = [1, 32].map((connections) => {
    const [bare, route] = results.filter((r) => r.connections === connections);
    return {
      connections,
      ratio: Number(((route?.requestsPerSecond ?? 0) / (bare?.requestsPerSecond ?? 1)).toFixed(3)),
    };
  });
  report('alignment', results, { ratios, roundClosingSubmit: submit });
  for (const { connections, ratio } of ratios)
    console.log(`alignment read vs bare pg read at ${connections} connections: ${ratio} (goal ≥ 0.7)`);
  console.log(
    `round-closing submit: p50 ${submit.p50Ms} ms, p99 ${submit.p99Ms} ms over ${submit.samples} sequential closes`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAlignment();
