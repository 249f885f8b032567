import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
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

/** Builds `services/portal/dist` when it is missing or older than its sources. */
export async function ensurePortalBuilt(): Promise<void> {
  const built = await stat(join(PORTAL_DIR, 'dist', 'index.html')).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  const changes = await Promise.all(SOURCES.map(newestChange));
  if (built > Math.max(...changes)) return;
  await promisify(execFile)('pnpm', ['--filter', '@cg/portal', 'build'], { cwd: ROOT });
}
