import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const repoPath = (relative: string) => fileURLToPath(new URL(`../${relative}`, import.meta.url));

export interface LoadResult {
  name: string;
  connections: number;
  requestsPerSecond: number;
  /** Latency percentiles of the 2xx responses, in milliseconds (0.01 ms resolution). */
  p50Ms: number;
  p99Ms: number;
  p90Ms?: number;
  meanMs?: number;
  maxMs?: number;
  /** Completed requests in the measured window (warm-up excluded). */
  requests?: number;
  errors: number;
  non2xx: number;
  /** Peak resident memory of the server under test during this run, when it was sampled. */
  peakRssMiB?: number;
  /** CPU time spent per completed request (ms), by process, when measured (see `cpuMeter`). */
  cpuMsPerRequest?: CpuPerRequest;
}

export interface CpuPerRequest {
  /** The HTTP server under test (the API or the baseline). */
  server: number;
  /** PostgreSQL backends connected to the benchmark's database. */
  database: number;
  /** This process: autocannon generating the load. */
  client: number;
  total: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  warmUpSeconds?: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST' | 'PUT';
  body?: string;
  /**
   * Called once for every connection autocannon opens: give it its own requests with
   * `client.setRequests([...])` (e.g. one resource per connection).
   */
  setupClient?: (client: autocannon.Client) => void;
  /** Seconds before a request counts as a timeout (autocannon's default is 10). */
  timeoutSeconds?: number;
  /** Called after the warm-up, right before the measured window (e.g. to reset a memory phase). */
  onMeasureStart?: () => void;
  /** Accounts CPU time per request to the server process and the database's backends. */
  cpu?: { serverPid: number; database: string };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The q-quantile (0–1) of sorted values, nearest rank. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

function run(options: autocannon.Options, onLatency?: (ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onLatency) {
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300) onLatency(responseTime);
      });
    }
  });
}

/**
 * Runs autocannon against one URL: a short warm-up, then the measured run. Latency percentiles
 * come from every 2xx response's own timing (autocannon's histogram rounds to whole ms, which
 * says 0 for most of what is measured here).
 */
export async function load(name: string, options: LoadOptions): Promise<LoadResult> {
  const base: autocannon.Options = {
    url: options.url,
    connections: options.connections,
    method: options.method ?? 'GET',
    timeout: options.timeoutSeconds ?? 10,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.body ? { body: options.body } : {}),
    ...(options.setupClient ? { setupClient: options.setupClient } : {}),
  };
  await run({ ...base, duration: options.warmUpSeconds ?? 2 });
  // Requests still running from the warm-up (slow ones: Argon2) must not count in the window.
  const quiet = () =>
    options.cpu ? settle([options.cpu.serverPid, ...postgresBackends(options.cpu.database)]) : undefined;
  await quiet();
  options.onMeasureStart?.();
  const latencies: number[] = [];
  const meter = options.cpu ? cpuMeter(options.cpu.serverPid, options.cpu.database) : undefined;
  const result = await run({ ...base, duration: options.seconds }, (ms) => latencies.push(ms));
  const cpu = meter?.stop(result.requests.total);
  await quiet();
  const sorted = Float64Array.from(latencies).sort();
  const mean = sorted.length ? sorted.reduce((sum, value) => sum + value, 0) / sorted.length : 0;
  return {
    name,
    connections: options.connections,
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p50Ms: round2(quantile(sorted, 0.5)),
    p90Ms: round2(quantile(sorted, 0.9)),
    p99Ms: round2(quantile(sorted, 0.99)),
    meanMs: round2(mean),
    maxMs: round2(sorted.length ? (sorted[sorted.length - 1] ?? 0) : 0),
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    ...(cpu ? { cpuMsPerRequest: cpu } : {}),
  };
}

// --- CPU accounting from /proc (Linux) ------------------------------------------------------

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on (`getconf CLK_TCK`)

/** utime + stime of a process in ms, or undefined when it is gone (or not Linux). */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at field 3 (state).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** PostgreSQL backends serving `database` (their process title names the database). */
export function postgresBackends(database: string): number[] {
  const pids: number[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (title.startsWith('postgres: ') && title.includes(` ${database} `)) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

/**
 * CPU time spent, between now and `stop()`, by the server process, by the PostgreSQL backends
 * of `database` (every role: with one server busy at a time, the others' backends are idle) and
 * by this process (the load generator). Divided by the requests completed, it says what one
 * request costs — steadier than throughput on a machine whose other work comes and goes.
 */
export function cpuMeter(serverPid: number, database: string) {
  const snapshot = () => {
    const backends = new Map<number, number>();
    for (const pid of postgresBackends(database)) backends.set(pid, processCpuMs(pid) ?? 0);
    return { server: processCpuMs(serverPid) ?? 0, backends, client: process.cpuUsage() };
  };
  const start = snapshot();
  return {
    stop(requests: number): CpuPerRequest {
      const end = snapshot();
      let database = 0;
      for (const [pid, ms] of end.backends) database += ms - (start.backends.get(pid) ?? 0);
      const clientUsage = process.cpuUsage(start.client);
      const per = (ms: number) => Math.round((ms / Math.max(1, requests)) * 1000) / 1000;
      const server = per(end.server - start.server);
      const db = per(database);
      const client = per((clientUsage.user + clientUsage.system) / 1000);
      return { server, database: db, client, total: Math.round((server + db + client) * 1000) / 1000 };
    },
  };
}

/**
 * Waits until the given processes are quiet (together under 5 % of a core over 300 ms), at most
 * `maxMs`: a run must not start while the previous one's requests are still being served.
 */
export async function settle(pids: number[], maxMs = 30_000): Promise<void> {
  const total = () => pids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0);
  for (let waited = 0; waited < maxMs; waited += 300) {
    const before = total();
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (total() - before < 15) return;
  }
}

export interface ChildServer {
  child: ChildProcess;
  pid: number;
  address: string;
  stop(): Promise<void>;
}

/** Starts a server script as a child process and waits for it to print `listening on <url>`. */
export async function startChild(
  script: string,
  env: Record<string, string>,
  pattern = /listening on (http:\/\/[^\s"]+)/,
  options: { nodeArgs?: string[] } = {},
): Promise<ChildServer> {
  // TypeScript runs through tsx; JavaScript (the API's bundle) as it is, as in production.
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...loader, script], {
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
    if (match?.[1] && child.pid !== undefined) {
      // From here on the child's logs are drained, not kept.
      for (const stream of [child.stdout, child.stderr]) {
        stream?.removeAllListeners('data');
        stream?.resume();
      }
      return {
        child,
        pid: child.pid,
        address: match[1],
        stop: () =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
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

export interface MemorySample {
  /** Largest VmRSS seen by the sampler (MiB). */
  peakRssMiB: number;
  /** The kernel's own high-water mark of the resident set since the process started (MiB). */
  hwmMiB: number;
  /** VmRSS when sampling stopped (MiB). */
  lastRssMiB: number;
  samples: number;
  intervalMs: number;
}

function readStatusKiB(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return undefined; // the process is gone, or this is not Linux
  }
}

const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;

/**
 * Samples `/proc/<pid>/status` (VmRSS every `intervalMs`, and VmHWM, the kernel's exact peak) of
 * a child process. `phase()` returns the peak VmRSS since the previous call, so each load run
 * can carry its own peak; `stop()` returns the whole-run figures.
 */
export function sampleMemory(pid: number, intervalMs = 100) {
  let peak = 0;
  let phasePeak = 0;
  let last = 0;
  let hwm = 0;
  let samples = 0;
  const tick = () => {
    const status = readStatusKiB(pid);
    if (!status) return;
    samples++;
    last = status.rss;
    hwm = Math.max(hwm, status.hwm);
    peak = Math.max(peak, status.rss);
    phasePeak = Math.max(phasePeak, status.rss);
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    /** Peak VmRSS (MiB) since the last call to `phase()` (or the start), then starts a new phase. */
    phase(): number {
      tick();
      const value = mib(phasePeak);
      phasePeak = last;
      return value;
    },
    stop(): MemorySample {
      tick();
      clearInterval(timer);
      return { peakRssMiB: mib(peak), hwmMiB: mib(hwm), lastRssMiB: mib(last), samples, intervalMs };
    },
  };
}

export const machine = () => ({
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  /** 1, 5 and 15 minute load averages when the result was written: other work on the machine. */
  loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
});

/** The command that produced a result, as someone would type it again. */
export function command(): string {
  if (process.env.npm_lifecycle_event === 'bench') return 'pnpm bench';
  const script = process.argv[1] ? path.relative(repoPath(''), process.argv[1]) : '';
  return ['node', ...process.execArgv, script, ...process.argv.slice(2)].filter(Boolean).join(' ');
}

/** `route / baseline` to three decimals. */
export const ratio = (route: number | undefined, baseline: number | undefined) =>
  Number(((route ?? 0) / (baseline || 1)).toFixed(3));

/** Writes `bench/results/<file>` and returns its path. */
export function writeResult(file: string, content: string): string {
  mkdirSync(repoPath('bench/results'), { recursive: true });
  const target = repoPath(`bench/results/${file}`);
  writeFileSync(target, content);
  return target;
}

/** Prints a table and writes `bench/results/<name>.json` with the machine, date and command. */
export function report(name: string, results: LoadResult[], extra: Record<string, unknown> = {}) {
  console.table(
    results.map((r) => ({
      route: r.name,
      connections: r.connections,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.p50Ms,
      'p99 ms': r.p99Ms,
      errors: r.errors + r.non2xx,
      ...(r.cpuMsPerRequest
        ? {
            'CPU ms/req server+db+client': `${r.cpuMsPerRequest.total} = ${r.cpuMsPerRequest.server}+${r.cpuMsPerRequest.database}+${r.cpuMsPerRequest.client}`,
          }
        : {}),
      ...(r.peakRssMiB !== undefined ? { 'peak RSS MiB': r.peakRssMiB } : {}),
    })),
  );
  const file = writeResult(
    `${name}.json`,
    `${JSON.stringify(
      {
        benchmark: name,
        measuredAt: new Date().toISOString(),
        command: command(),
        machine: machine(),
        results,
        ...extra,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`saved ${file}`);
}
