/**
 * The embedded default as someone trying the project meets it: `pnpm start` with no DATABASE_URL,
 * on a new DATA_DIR and on a restart. For each run: seconds from the command's start to the
 * listening line and to /health/ready answering 200, and the server process's resident memory
 * (VmRSS, and VmHWM — the kernel's peak) when ready, after idling and, with `--load`, after a
 * load of reads and writes.
 *
 *   node --import tsx bench/embedded.ts [--runs 5] [--mode fresh|restart] [--idle 5] [--load 10]
 *        [--command 'pnpm start']
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { load, quantile, repoPath } from './lib.js';
import { sampleAssessment, seedDeals } from './setup.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    mode: { type: 'string', default: 'restart' },
    idle: { type: 'string', default: '5' },
    load: { type: 'string', default: '0' },
    command: { type: 'string', default: 'pnpm start' },
  },
});
const runs = Number(values.runs);
const idleSeconds = Number(values.idle);
const loadSeconds = Number(values.load);
const fresh = values.mode === 'fresh';

const LISTENING = /Common Ground listening on (http:\/\/[^\s"]+)/;

function statusKiB(pid: number) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

const mib = (kib: number) => Math.round(kib / 1024);

/** The descendant of `root` that runs the server bundle (pnpm and sh sit between them). */
function serverPid(root: number): number | undefined {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {}
  }
  const descends = (pid: number): boolean => {
    for (let p: number | undefined = pid, depth = 0; p && depth < 10; p = parents.get(p), depth++) {
      if (p === root) return true;
    }
    return false;
  };
  for (const pid of parents.keys()) {
    if (!descends(pid)) continue;
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (path.basename(argv[0] ?? '') === 'node' && argv.some((arg) => /(server\.js|start\.mjs)$/.test(arg)))
        return pid;
    } catch {}
  }
  return undefined;
}

interface Run {
  listeningS: number;
  readyS: number;
  readyRssMiB: number;
  idleRssMiB: number;
  startHwmMiB: number;
  loadRssMiB?: number;
  loadHwmMiB?: number;
  afterLoadRssMiB?: number;
  /** Requests a second of each load: alignment read, deal list, assessment write. */
  alignmentRps?: number;
  listRps?: number;
  writeRps?: number;
  /** The server's CPU time per request (ms) in each load. */
  alignmentCpuMs?: number;
  listCpuMs?: number;
  writeCpuMs?: number;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-(child.pid ?? 0), 'SIGTERM');
  const force = setTimeout(() => process.kill(-(child.pid ?? 0), 'SIGKILL'), 15_000);
  await exited;
  clearTimeout(force);
}

async function startOnce(dataDir: string, measure: boolean): Promise<Run> {
  const started = performance.now();
  const child = spawn('sh', ['-c', values.command], {
    cwd: repoPath(''),
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: '',
      // The load comes from one address and two callers: without this it would mostly measure 429s.
      ...(loadSeconds > 0 ? { RATE_LIMIT_ENABLED: 'false' } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  let address: string | undefined;
  let listeningS = 0;
  while (!address) {
    const match = LISTENING.exec(output);
    if (match?.[1]) {
      address = match[1];
      listeningS = (performance.now() - started) / 1000;
      break;
    }
    if (child.exitCode !== null || performance.now() - started > 120_000) {
      await stop(child);
      throw new Error(`did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  for (;;) {
    const res = await fetch(`${address}/health/ready`).catch(() => undefined);
    if (res?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const readyS = (performance.now() - started) / 1000;
  const pid = serverPid(child.pid ?? 0);
  if (!pid) throw new Error('server process not found');
  const ready = statusKiB(pid);
  const run: Run = { listeningS, readyS, readyRssMiB: mib(ready.rss), idleRssMiB: 0, startHwmMiB: 0 };
  if (measure) {
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const idle = statusKiB(pid);
    run.idleRssMiB = mib(idle.rss);
    run.startHwmMiB = mib(idle.hwm);
    if (loadSeconds > 0) {
      const seeded = await seedDeals(address, 20);
      let peak = 0;
      const timer = setInterval(() => {
        peak = Math.max(peak, statusKiB(pid).rss);
      }, 100);
      // CPU time of the server process per request: steadier than req/s on a shared machine.
      const cpu = { serverPid: pid, database: '(none: embedded)' };
      // Reads of every kind, then assessment writes, from 16 connections.
      const dealId = seeded.dealIds[0] ?? '';
      const alignment = await load('alignment', {
        url: `${address}/v1/deals/${dealId}/alignment`,
        connections: 16,
        seconds: loadSeconds,
        warmUpSeconds: 1,
        cpu,
        headers: { authorization: `Bearer ${seeded.sales}` },
      });
      const list = await load('deal list', {
        url: `${address}/v1/deals`,
        connections: 16,
        seconds: loadSeconds,
        warmUpSeconds: 1,
        cpu,
        headers: { authorization: `Bearer ${seeded.procurement}` },
      });
      const write = await load('assessment', {
        url: `${address}/v1/deals/${seeded.dealIds[1] ?? ''}/assessment`,
        connections: 16,
        method: 'PUT',
        seconds: loadSeconds,
        warmUpSeconds: 1,
        cpu,
        headers: { authorization: `Bearer ${seeded.procurement}`, 'content-type': 'application/json' },
        body: JSON.stringify(sampleAssessment(3)),
      });
      clearInterval(timer);
      const after = statusKiB(pid);
      run.alignmentRps = alignment.requestsPerSecond;
      run.listRps = list.requestsPerSecond;
      run.writeRps = write.requestsPerSecond;
      run.alignmentCpuMs = alignment.cpuMsPerRequest?.server ?? 0;
      run.listCpuMs = list.cpuMsPerRequest?.server ?? 0;
      run.writeCpuMs = write.cpuMsPerRequest?.server ?? 0;
      run.loadRssMiB = mib(peak);
      run.loadHwmMiB = mib(after.hwm);
      await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
      run.afterLoadRssMiB = mib(statusKiB(pid).rss);
    }
  }
  await stop(child);
  return run;
}

const results: Run[] = [];
let shared: string | undefined;
if (!fresh) {
  shared = mkdtempSync(path.join(tmpdir(), 'cg-embedded-'));
  await startOnce(shared, false); // creates it: every measured run is a restart
}
for (let i = 0; i < runs; i++) {
  const dataDir = shared ?? mkdtempSync(path.join(tmpdir(), 'cg-embedded-'));
  const run = await startOnce(dataDir, true);
  results.push(run);
  console.log(JSON.stringify(run));
  if (!shared) rmSync(dataDir, { recursive: true, force: true });
}
if (shared) rmSync(shared, { recursive: true, force: true });

const summary: Record<string, string> = {};
for (const key of Object.keys(results[0] ?? {}) as (keyof Run)[]) {
  const sorted = results.map((r) => r[key] ?? 0).sort((a, b) => a - b);
  const digits = key.endsWith('S') || key.endsWith('CpuMs') ? 2 : 0;
  summary[key] =
    `min ${(sorted[0] ?? 0).toFixed(digits)} / median ${quantile(sorted, 0.5).toFixed(digits)} / max ${(sorted[sorted.length - 1] ?? 0).toFixed(digits)}`;
}
console.log(`${values.command}, ${fresh ? 'new' : 'existing'} DATA_DIR, ${runs} runs`);
console.table(summary);
