import fc from 'fast-check';
import t from 'tap';
import { build } from './helpers/build.js';
import { sharedDeal } from './helpers/deals.js';
import { injectAny } from './helpers/sse.js';

const junk = fc.oneof(
  fc.jsonValue(),
  fc.object({ maxDepth: 3 }),
  fc.record({
    organisation: fc.jsonValue(),
    user: fc.jsonValue(),
    objectives: fc.jsonValue(),
    risks: fc.jsonValue(),
  }),
  fc.record({
    grant_type: fc.constantFrom('password', 'refresh_token', 'client_credentials', '__proto__'),
    username: fc.jsonValue(),
  }),
  fc.dictionary(
    fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'email',
      'role',
      'scopes',
      'token',
      'title',
      'status',
      'value',
      'code',
    ),
    fc.jsonValue(),
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

t.test(
  'when junk is sent to every route of the OpenAPI document, then the answer is 4xx problem+json, never 5xx',
  async (t) => {
    const { app } = await build(t, { config: { RATE_LIMIT_ENABLED: false } });
    const { sales, dealId } = await sharedDeal(app);
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const ids: Record<string, string> = {
      dealId,
      userId: sales.user.id,
      clientId: 'cli_junk',
      milestoneId: 'ms_junk',
      endpointId: 'whe_junk',
    };
    let operations = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const method of Object.keys(methods)) {
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? 'junk');
        // Deleting the signed-in admin would only end the test early; every other route takes junk.
        if (method === 'delete' && url.includes(sales.user.id)) continue;
        operations++;
        await fc.assert(
          fc.asyncProperty(junk, fc.string({ maxLength: 30 }), fc.boolean(), async (body, query, asForm) => {
            const res = await injectAny(app, {
              method: method.toUpperCase() as 'GET',
              url: `${url}?limit=${encodeURIComponent(query)}&cursor=${encodeURIComponent(query)}&status=${encodeURIComponent(query)}`,
              headers: {
                ...sales.auth,
                'content-type': asForm ? 'application/x-www-form-urlencoded' : 'application/json',
              },
              payload: typeof body === 'string' ? body : JSON.stringify(body),
            });
            if (res.statusCode >= 500) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
            if (
              res.statusCode >= 400 &&
              !String(res.headers['content-type']).startsWith('application/problem+json')
            ) {
              throw new Error(`${method} ${url} → ${res.statusCode} without problem+json`);
            }
          }),
          { numRuns: 60 },
        );
      }
    }
    t.ok(operations >= 25, `${operations} operations took junk`);
  },
);
