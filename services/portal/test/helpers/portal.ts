import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const PORTAL_DIR = fileURLToPath(new URL('../../', import.meta.url));
const ROOT = join(PORTAL_DIR, '..', '..');

/** Everything the bundle is made from: the portal's sources and the workspace packages it imports. */
const SOURCES = [
  join(PORTAL_DIR, 'src'),
  join(PORTAL_DIR, 'public'),
  join(PORTAL_DIR, 'index.html'),
  join(PORTAL_DIR, 'vite.config.ts'),
  join(PORTAL_DIR, 'package.json'),
  join(ROOT, 'packages', 'domain', 'src'),
  join(ROOT, 'packages', 'sdk', 'src'),
];

async function newestChange(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestChange(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

async function isBuilt(): Promise<boolean> {
  const built = await stat(join(PORTAL_DIR, 'dist', 'index.html')).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  const changes = await Promise.all(SOURCES.map(newestChange));
  return built > Math.max(...changes);
}

const BUILD_LOCK = join(PORTAL_DIR, '.build-lock');
/** A lock older than this was left by a test process that died mid-build. */
const STALE_LOCK_MS = 180_000;

/** One build at a time across the test files that run in parallel: vite refuses a second. */
async function holdBuildLock(): Promise<void> {
  for (;;) {
    try {
      await mkdir(BUILD_LOCK);
      return;
    } catch {
      const since = await stat(BUILD_LOCK).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (since > STALE_LOCK_MS) await rm(BUILD_LOCK, { recursive: true, force: true });
      else await sleep(250);
    }
  }
}

/** Builds `services/portal/dist` when it is missing or older than its sources. */
export async function ensurePortalBuilt(): Promise<void> {
  if (await isBuilt()) return;
  await holdBuildLock();
  try {
    // Another test file may have built it while this one waited.
    if (!(await isBuilt()))
      await promisify(execFile)('pnpm', ['--filter', '@cg/portal', 'build'], { cwd: ROOT });
  } finally {
    await rm(BUILD_LOCK, { recursive: true, force: true });
  }
}
