import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { compileQueries, QUERIES_DIR } from '../scripts/sql-snapshots.js';

t.test('when a repository query changes, then the committed SQL snapshots differ', async (t) => {
  const files = await compileQueries();
  t.same(readdirSync(QUERIES_DIR).sort(), Object.keys(files).sort(), 'one file per repository, no stale one');
  for (const [name, text] of Object.entries(files)) {
    t.equal(
      readFileSync(path.join(QUERIES_DIR, name), 'utf8'),
      text,
      `services/api/queries/${name} is what the code compiles (run \`pnpm --filter @cg/api sql\`)`,
    );
  }
});
