import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { renderTypes, TYPES_PATH } from '../../../packages/sdk/scripts/types.js';
import { build } from './helpers/build.js';

const committedPath = fileURLToPath(new URL('../../../openapi/openapi.json', import.meta.url));

t.test(
  'when the served document differs from the committed one, then fail (run `pnpm openapi`)',
  async (t) => {
    const { app } = await build(t);
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    t.equal(res.statusCode, 200);
    const served = `${JSON.stringify(res.json(), null, 2)}\n`;
    t.equal(served, readFileSync(committedPath, 'utf8'), 'openapi/openapi.json is up to date');
    t.equal(res.json().openapi, '3.1.0');
  },
);

t.test(
  'when the SDK types differ from what the document generates, then fail (run `pnpm openapi`)',
  async (t) => {
    t.equal(
      readFileSync(TYPES_PATH, 'utf8'),
      await renderTypes(),
      'packages/sdk/src/schema.d.ts is up to date',
    );
  },
);

t.test('when /docs is opened, then the interactive reference is served', async (t) => {
  const { app } = await build(t);
  const res = await app.inject({ method: 'GET', url: '/docs/' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /text\/html/);
});

t.test('when the committed document is linted (Redocly recommended rules), then it is clean', async (t) => {
  const { createConfig, lint } = await import('@redocly/openapi-core');
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lint({ ref: committedPath, config });
  // Health probes legitimately have no 4xx answer.
  const relevant = problems.filter(
    (p) =>
      !(p.ruleId === 'operation-4xx-response' && p.location[0]?.pointer?.startsWith('#/paths/~1health~1')),
  );
  t.same(
    relevant.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`),
    [],
  );
});
