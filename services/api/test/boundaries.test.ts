import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';

/*
 * The house's boundaries are kept by the linter (biome.jsonc, `noRestrictedImports` per folder):
 * a module reaches another only through its index.ts; platform/ never imports a module or a
 * plugin; lib/ imports nothing of the app. Each rule is tried on a probe file placed, in a
 * scratch copy of the project's lint configuration, where the rule applies.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIOME = path.join(ROOT, 'node_modules', '.bin', 'biome');

function lint(t: { teardown(fn: () => void): void }, file: string, source: string) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'cg-boundaries-'));
  t.teardown(() => rmSync(scratch, { recursive: true, force: true }));
  copyFileSync(path.join(ROOT, 'biome.jsonc'), path.join(scratch, 'biome.jsonc'));
  mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
  writeFileSync(path.join(scratch, file), source);
  const result = spawnSync(BIOME, ['lint', '--vcs-enabled=false', '--only=style/noRestrictedImports', file], {
    cwd: scratch,
    encoding: 'utf8',
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

const cases: Array<[string, string, string, boolean]> = [
  [
    'a module through another’s index.ts',
    'services/api/src/modules/webhooks/probe.ts',
    "import { dealRoomRoutes } from '../deal-room/index.js';",
    true,
  ],
  [
    'a module into another’s inside',
    'services/api/src/modules/webhooks/probe.ts',
    "import { findDealToWorkOn } from '../deal-room/repository.js';",
    false,
  ],
  [
    'a module into a plugin',
    'services/api/src/modules/webhooks/probe.ts',
    "import { sendProblem } from '../../plugins/errors.js';",
    false,
  ],
  [
    'a module into platform and lib',
    'services/api/src/modules/webhooks/probe.ts',
    "import { withCaller } from '../../platform/unit-of-work.js';\nimport { newId } from '../../lib/ids.js';",
    true,
  ],
  [
    'platform into a module',
    'services/api/src/platform/probe.ts',
    "import { dealRoomRoutes } from '../modules/deal-room/index.js';",
    false,
  ],
  [
    'lib into platform',
    'services/api/src/lib/probe.ts',
    "import { withCaller } from '../platform/unit-of-work.js';",
    false,
  ],
];

for (const [what, path, imports, allowed] of cases) {
  t.test(`when ${what} is imported, then the linter ${allowed ? 'accepts' : 'refuses'} it`, async (t) => {
    const result = lint(t, path, `${imports}\nexport const probe = 1;\n`);
    t.equal(result.ok, allowed, result.output.slice(0, 600));
    if (!allowed) t.match(result.output, /noRestrictedImports/);
  });
}
