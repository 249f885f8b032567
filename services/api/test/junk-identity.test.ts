import fc from 'fast-check';
import t from 'tap';
import { build } from './helpers/build.js';
import { signUp } from './helpers/identity.js';

const junk = fc.oneof(
  fc.jsonValue(),
  fc.object({ maxDepth: 3 }),
  fc.record({ organisation: fc.jsonValue(), user: fc.jsonValue() }),
  fc.record({
    grant_type: fc.constantFrom('password', 'refresh_token', 'client_credentials', '__proto__'),
    username: fc.jsonValue(),
  }),
  fc.dictionary(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'email', 'role', 'scopes', 'token'),
    fc.jsonValue(),
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

t.test('when junk is sent to every identity route, then the answer is 4xx, never 5xx', async (t) => {
  const { app } = await build(t, { config: { RATE_LIMIT_ENABLED: false } });
  const admin = await signUp(app, 'sales');
  const routes: Array<{ method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; auth: boolean }> = [
    { method: 'POST', url: '/v1/signup', auth: false },
    { method: 'POST', url: '/v1/auth/token', auth: false },
    { method: 'POST', url: '/v1/auth/revoke', auth: false },
    { method: 'GET', url: '/v1/me', auth: true },
    { method: 'GET', url: '/v1/organisation/members', auth: true },
    { method: 'POST', url: '/v1/organisation/members', auth: true },
    { method: 'PATCH', url: `/v1/organisation/members/${admin.user.id}`, auth: true },
    { method: 'DELETE', url: '/v1/organisation/members/usr_junk', auth: true },
    { method: 'GET', url: '/v1/api-clients', auth: true },
    { method: 'POST', url: '/v1/api-clients', auth: true },
    { method: 'DELETE', url: '/v1/api-clients/cli_junk', auth: true },
    { method: 'GET', url: '/v1/audit-events', auth: true },
  ];
  for (const route of routes) {
    await fc.assert(
      fc.asyncProperty(junk, fc.string({ maxLength: 30 }), fc.boolean(), async (body, query, asForm) => {
        const res = await app.inject({
          method: route.method,
          url: `${route.url}?limit=${encodeURIComponent(query)}&cursor=${encodeURIComponent(query)}`,
          headers: {
            ...(route.auth ? admin.auth : {}),
            'content-type': asForm ? 'application/x-www-form-urlencoded' : 'application/json',
          },
          payload: typeof body === 'string' ? body : JSON.stringify(body),
        });
        if (res.statusCode >= 500)
          throw new Error(`${route.method} ${route.url} → ${res.statusCode} ${res.body}`);
        if (
          res.statusCode >= 400 &&
          !String(res.headers['content-type']).startsWith('application/problem+json')
        ) {
          throw new Error(`${route.method} ${route.url} → ${res.statusCode} without problem+json`);
        }
      }),
      { numRuns: 120 },
    );
    t.pass(`${route.method} ${route.url}`);
  }
});
