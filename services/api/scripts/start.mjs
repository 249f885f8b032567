// `pnpm start`: runs the server bundle (dist/server.js), building it first only when it is
// missing or outdated — when one of the files it was built from (sources, dependencies, the build
// script, the lockfile) changed size or modification time since, or its embedded-database template
// is missing. Checking costs a few milliseconds; the build about a second, and the template about
// six the first time. Plain JavaScript, so that a start needs no TypeScript loader.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/server.js', import.meta.url);
const stamp = new URL('../dist/server.js.stamp.json', import.meta.url);
const templateKey = new URL('../dist/pglite-template/key', import.meta.url);

/** The format of scripts/build.ts's BUILD_STAMP: `{ templateKey, inputs: [[file, size, mtimeMs]] }`. */
function isCurrent() {
  try {
    statSync(bundle);
    const { templateKey: key, inputs } = JSON.parse(readFileSync(stamp, 'utf8'));
    if (readFileSync(templateKey, 'utf8').trim() !== key) return false;
    return inputs.every(([file, size, mtimeMs]) => {
      const current = statSync(file, { throwIfNoEntry: false });
      return current?.size === size && current.mtimeMs === mtimeMs;
    });
  } catch {
    return false;
  }
}

if (!isCurrent()) {
  const build = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./build.ts', import.meta.url))],
    { stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import(bundle.href);
