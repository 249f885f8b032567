import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServer } from '../services/api/scripts/build.js';
import { command, load, machine, startChild, writeResult } from './lib.js';
import { benchSecrets, createBenchDatabase, seedDeals } from './setup.js';

/**
 * Where the API's own CPU time goes while it serves `GET /v1/deals/{id}/alignment` (or another
 * read, see ROUTES) at 32 connections: a V8 CPU profile of the server process, summed by package
 * and by function (self time), idle excluded. Diagnostic, not part of `pnpm bench`:
 *
 *   node --import tsx bench/profile.ts [alignment|deal|list]
 */
const ROUTES = {
  alignment: (deal: string) => `/v1/deals/${deal}/alignment`,
  deal: (deal: string) => `/v1/deals/${deal}`,
  list: () => '/v1/deals',
} as const;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** node_modules package, workspace file, node: module, or the VM's own entries. */
function ownerOf(url: string): string {
  if (!url) return '(V8/native)';
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(@[^/]+\/[^/]+|[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const local = /\/(services|packages)\/([^/]+)\//.exec(url);
  if (local) return `${local[1]}/${local[2]}`;
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  return url;
}

/**
 * Self and inclusive CPU time of a `.cpuprofile`, optionally only the samples taken within
 * [fromMicros, toMicros] of CLOCK_MONOTONIC (V8 stamps samples with it, and
 * `process.hrtime.bigint()` reads it too, so a window measured here selects the load run).
 */
export function summariseProfile(file: string, window?: { fromMicros: number; toMicros: number }) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
    startTime: number;
  };
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfMicros = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (window && (at < window.fromMicros || at > window.toMicros)) return;
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
  });
  let busy = 0;
  let idle = 0;
  const byFunction = new Map<string, number>();
  const byOwnerSelf = new Map<string, number>();
  const byOwnerInclusive = new Map<string, number>();
  // Who calls into the VM's native entries (socket writes, say): their nearest named callers.
  const nativeCallers = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    if (frame.functionName === '(idle)') {
      idle += micros;
      continue;
    }
    busy += micros;
    const owner = ownerOf(frame.url);
    const key = `${frame.functionName || '(anonymous)'} (${owner}${frame.url ? `:${frame.lineNumber + 1}` : ''})`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    byOwnerSelf.set(owner, (byOwnerSelf.get(owner) ?? 0) + micros);
    if (owner === '(V8/native)' && frame.functionName && !frame.functionName.startsWith('(')) {
      const callers: string[] = [];
      for (let at = parent.get(id); at !== undefined && callers.length < 3; at = parent.get(at)) {
        const caller = nodes.get(at)?.callFrame;
        if (caller?.functionName) callers.push(`${caller.functionName} (${ownerOf(caller.url)})`);
      }
      const key = `${frame.functionName} ← ${callers.join(' ← ')}`;
      nativeCallers.set(key, (nativeCallers.get(key) ?? 0) + micros);
    }
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const up = ownerOf(nodes.get(at)?.callFrame.url ?? '');
      if (seen.has(up)) continue;
      seen.add(up);
      byOwnerInclusive.set(up, (byOwnerInclusive.get(up) ?? 0) + micros);
    }
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => ({ name, percentOfBusy: Math.round((micros / busy) * 1000) / 10 }));
  return {
    window: window ? 'the measured load run only' : 'the whole process',
    busySeconds: Math.round(busy / 1e4) / 100,
    idleSeconds: Math.round(idle / 1e4) / 100,
    selfByOwner: top(byOwnerSelf, 25),
    inclusiveByOwner: top(byOwnerInclusive, 25),
    selfByFunction: top(byFunction, 40),
    nativeCallers: top(nativeCallers, 15),
  };
}

export async function profileRoute(route: keyof typeof ROUTES = 'alignment', seconds = 10) {
  const directory = mkdtempSync(path.join(tmpdir(), 'cg-profile-'));
  const database = await createBenchDatabase();
  const api = await startChild(
    await buildServer(),
    {
      DATABASE_URL: database.url,
      ...benchSecrets(),
      RATE_LIMIT_ENABLED: 'false',
      LOG_LEVEL: 'info',
      // PROFILE_READ_CACHE=off profiles the read as the database answers it.
      ...(process.env.PROFILE_READ_CACHE === 'off' ? { READ_CACHE_MAX_ENTRIES: '0' } : {}),
    },
    undefined,
    { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${directory}`] },
  );
  let result: Awaited<ReturnType<typeof load>> | undefined;
  const micros = () => Number(process.hrtime.bigint() / 1000n);
  const window = { fromMicros: 0, toMicros: 0 };
  try {
    const seeded = await seedDeals(api.address, 25);
    const deal = seeded.dealIds[0] ?? '';
    await seeded.call('POST', `/v1/deals/${deal}/assessment/submit`, seeded.procurement);
    result = await load(`GET ${route}`, {
      url: `${api.address}${ROUTES[route](deal)}`,
      connections: 32,
      seconds,
      headers: { authorization: `Bearer ${seeded.sales}` },
      cpu: { serverPid: api.pid, database: database.name },
      onMeasureStart: () => {
        window.fromMicros = micros();
      },
    });
    window.toMicros = micros();
  } finally {
    await api.stop(); // the profile is written when the process exits
    await database.drop();
  }
  // The main thread's profile is the largest (tsx's loader thread writes a small one too).
  const [file] = readdirSync(directory)
    .map((name) => path.join(directory, name))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  if (!file) throw new Error('no CPU profile written');
  const summary = summariseProfile(file, window);
  rmSync(directory, { recursive: true, force: true });
  console.log(result);
  console.log('self time by package (share of busy CPU):');
  console.table(summary.selfByOwner.slice(0, 15));
  console.log('inclusive time by package:');
  console.table(summary.inclusiveByOwner.slice(0, 15));
  console.log('self time by function:');
  console.table(summary.selfByFunction.slice(0, 20));
  console.log('native entries by their callers:');
  console.table(summary.nativeCallers.slice(0, 10));
  const saved = writeResult(
    `profile-${route}.json`,
    `${JSON.stringify({ benchmark: `profile-${route}`, measuredAt: new Date().toISOString(), command: command(), machine: machine(), load: result, ...summary }, null, 2)}\n`,
  );
  console.log(`saved ${saved}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const route = (process.argv[2] ?? 'alignment') as keyof typeof ROUTES;
  if (!(route in ROUTES)) throw new Error(`route must be one of ${Object.keys(ROUTES).join(', ')}`);
  await profileRoute(route);
}
