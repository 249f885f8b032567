import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServer } from '../services/api/scripts/build.js';
import { type LoadResult, load, repoPath, report, startChild } from './lib.js';

/** `GET /health/ready` of the real service beside a bare Fastify route, same run, same machine. */
export async function benchHealth(seconds = Number(process.env.BENCH_SECONDS ?? 10)) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-bench-'));
  const api = await startChild(await buildServer(), {
    DATA_DIR: dataDir,
    RATE_LIMIT_ENABLED: 'false',
  });
  const baseline = await startChild(repoPath('bench/baseline-server.ts'), {});
  const results: LoadResult[] = [];
  try {
    for (const connections of [1, 32]) {
      results.push(
        await load('bare Fastify route', { url: `${baseline.address}/bare`, connections, seconds }),
      );
      results.push(
        await load('GET /health/ready (PGlite)', {
          url: `${api.address}/health/ready`,
          connections,
          seconds,
        }),
      );
    }
  } finally {
    await Promise.all([api.stop(), baseline.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
  const ratios = [1, 32].map((connections) => {
    const [bare, ready] = results.filter((r) => r.connections === connections);
    return {
      connections,
      ratio: Number(((ready?.requestsPerSecond ?? 0) / (bare?.requestsPerSecond ?? 1)).toFixed(3)),
    };
  });
  report('health', results, { ratios });
  for (const { connections, ratio } of ratios)
    console.log(`health/ready vs bare Fastify at ${connections} connections: ${ratio}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHealth();
