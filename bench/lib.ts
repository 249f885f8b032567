import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const repoPath = (relative: string) => fileURLToPath(new URL(`../${relative}`, import.meta.url));

export interface LoadResult {
  name: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** Runs autocannon against one URL: a short warm-up, then the measured run. */
export async function load(
  name: string,
  options: {
    url: string;
    connections: number;
    seconds: number;
    headers?: Record<string, string>;
    method?: 'GET' | 'POST';
    body?: string;
  },
): Promise<LoadResult> {
  const base = {
    url: options.url,
    connections: options.connections,
    method: options.method ?? 'GET',
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.body ? { body: options.body } : {}),
  };
  await autocannon({ ...base, duration: 2 });
  const result = await autocannon({ ...base, duration: options.seconds });
  return {
    name,
    connections: options.connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export interface ChildServer {
  child: ChildProcess;
  address: string;
  stop(): Promise<void>;
}

/** Starts a server script as a child process and waits for it to print `listening on <url>`. */
export async function startChild(
  script: string,
  env: Record<string, string>,
  pattern = /listening on (http:\/\/[^\s"]+)/,
): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  for (let waited = 0; waited < 60_000; waited += 50) {
    const match = pattern.exec(output);
    if (match?.[1]) {
      // From here on the child's logs are drained, not kept.
      for (const stream of [child.stdout, child.stderr]) {
        stream?.removeAllListeners('data');
        stream?.resume();
      }
      return {
        child,
        address: match[1],
        stop: () =>
          new Promise((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not start:\n${output}`);
}

export const machine = () => ({
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
});

/** Prints a table and writes `bench/results/<name>.json`. */
export function report(name: string, results: LoadResult[], extra: Record<string, unknown> = {}) {
  console.table(
    results.map(({ name, connections, requestsPerSecond, p50Ms, p99Ms, errors, non2xx }) => ({
      route: name,
      connections,
      'req/s': requestsPerSecond,
      'p50 ms': p50Ms,
      'p99 ms': p99Ms,
      errors: errors + non2xx,
    })),
  );
  mkdirSync(repoPath('bench/results'), { recursive: true });
  const file = repoPath(`bench/results/${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ benchmark: name, measuredAt: new Date().toISOString(), machine: machine(), results, ...extra }, null, 2)}\n`,
  );
  console.log(`saved ${file}`);
}
