import { readdirSync } from 'node:fs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import t, { type Test } from 'tap';
import { SWAGGER_UI_STYLE_HASH } from '../src/plugins/openapi.js';
import { PORTAL_DIST } from '../src/plugins/portal.js';
import { build } from './helpers/build.js';
import { PASSWORD, signUp } from './helpers/identity.js';

/** The CSP header as directive name → sources. */
function policy(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

function hasSecurityHeaders(t: Test, res: LightMyRequestResponse, what: string) {
  const csp = policy(res);
  t.ok(res.headers['content-security-policy'], `${what}: Content-Security-Policy`);
  t.same(csp.get('frame-ancestors'), ["'none'"], `${what}: frame-ancestors 'none'`);
  t.same(csp.get('default-src'), ["'self'"], `${what}: default-src 'self'`);
  t.same(csp.get('object-src'), ["'none'"], `${what}: object-src 'none'`);
  t.same(csp.get('script-src'), ["'self'"], `${what}: scripts from the origin only, nothing inline`);
  t.notOk(csp.get('style-src')?.includes("'unsafe-inline'"), `${what}: no 'unsafe-inline' style`);
  t.equal(res.headers['x-frame-options'], 'DENY', `${what}: X-Frame-Options DENY`);
  t.equal(res.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  t.equal(res.headers['referrer-policy'], 'no-referrer', `${what}: Referrer-Policy`);
  t.ok(res.headers['x-request-id'], `${what}: x-request-id`);
}

t.test('security headers on every kind of reply', async (t) => {
  const { app } = await build(t, {
    beforeReady: (app) => {
      app.get('/test/boom', async () => {
        throw new Error('boom');
      });
    },
  });
  const org = await signUp(app, 'sales');
  const asset = readdirSync(`${PORTAL_DIST}assets`).find((name) => name.endsWith('.js'));

  const replies: [string, InjectOptions][] = [
    ['a public JSON route', { method: 'GET', url: '/health/live' }],
    ['an authenticated JSON route', { method: 'GET', url: '/v1/me', headers: org.auth }],
    ['a 401 problem', { method: 'GET', url: '/v1/me' }],
    ['a 400 problem', { method: 'POST', url: '/v1/deals', headers: org.auth, payload: { title: 7 } }],
    ['a 500 problem', { method: 'GET', url: '/test/boom' }],
    ['a 404 problem', { method: 'GET', url: '/v1/nothing-here' }],
    ['the landing page', { method: 'GET', url: '/' }],
    ['the supplier portal', { method: 'GET', url: '/supplier' }],
    ['a buyer portal page', { method: 'GET', url: '/buyer/deals' }],
    ['a hashed portal asset', { method: 'GET', url: `/assets/${asset}` }],
    ['the favicon', { method: 'GET', url: '/favicon.svg' }],
    ['/docs', { method: 'GET', url: '/docs' }],
    ['/docs/', { method: 'GET', url: '/docs/' }],
    ['a Swagger UI file', { method: 'GET', url: '/docs/static/swagger-ui-bundle.js' }],
    ['/openapi.json', { method: 'GET', url: '/openapi.json' }],
    ['an undecodable URL', { method: 'GET', url: '/v1/deals/%ZZ' }],
    ['a too long id', { method: 'GET', url: `/v1/deals/${'a'.repeat(500)}` }],
  ];
  for (const [what, request] of replies) {
    const res = await app.inject(request);
    t.not(res.statusCode, 0, what);
    hasSecurityHeaders(t, res, `${what} (${res.statusCode})`);
  }

  t.test('when /docs is served, then its one inline style is allowed by hash only', async (t) => {
    for (const url of ['/docs', '/docs/', '/docs/static/swagger-initializer.js']) {
      const csp = policy(await app.inject({ method: 'GET', url }));
      t.same(csp.get('style-src'), ["'self'", SWAGGER_UI_STYLE_HASH], url);
    }
    t.same(
      policy(await app.inject({ method: 'GET', url: '/' })).get('style-src'),
      ["'self'"],
      'the portal: none',
    );
  });

  t.test('when a sign-in succeeds, then the reply carries the headers too', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/auth/session',
      payload: { email: org.email, password: PASSWORD },
    });
    t.equal(res.statusCode, 200);
    hasSecurityHeaders(t, res, 'session');
  });
});

t.test('Cache-Control', async (t) => {
  const { app } = await build(t);
  const org = await signUp(app, 'sales');
  const noStore = (t: Test, res: LightMyRequestResponse, what: string) =>
    t.equal(res.headers['cache-control'], 'no-store', `${what} (${res.statusCode}): no-store`);

  t.test('when a reply carries a token, a secret or a session, then no-store', async (t) => {
    const email = `cache-${Date.now()}@example.test`;
    const signup = await app.inject({
      method: 'POST',
      url: '/v1/signup',
      payload: {
        organisation: { name: 'Cache Test Org', side: 'procurement' },
        user: { email, name: 'Cache Tester', password: PASSWORD },
      },
    });
    t.equal(signup.statusCode, 201);
    noStore(t, signup, 'sign-up');
    const token = await app.inject({
      method: 'POST',
      url: '/v1/auth/token',
      payload: { grant_type: 'password', username: email, password: PASSWORD },
    });
    t.equal(token.statusCode, 200);
    noStore(t, token, 'token');
    const refused = await app.inject({
      method: 'POST',
      url: '/v1/auth/token',
      payload: { grant_type: 'password', username: email, password: 'wrong password entirely' },
    });
    noStore(t, refused, 'a refused token request');
    const revoke = await app.inject({
      method: 'POST',
      url: '/v1/auth/revoke',
      payload: { token: token.json().refresh_token },
    });
    noStore(t, revoke, 'revoke');
    const session = await app.inject({
      method: 'POST',
      url: '/v1/auth/session',
      payload: { email, password: PASSWORD },
    });
    t.equal(session.statusCode, 200);
    noStore(t, session, 'session');
    const cookie = /cg_refresh=([^;]*)/.exec(String(session.headers['set-cookie']))?.[1] ?? '';
    const refreshed = await app.inject({
      method: 'POST',
      url: '/v1/auth/session/refresh',
      cookies: { cg_refresh: cookie },
      payload: {},
    });
    t.equal(refreshed.statusCode, 200);
    noStore(t, refreshed, 'session refresh');
    const out = await app.inject({ method: 'DELETE', url: '/v1/auth/session' });
    noStore(t, out, 'sign-out');
    const client = await app.inject({
      method: 'POST',
      url: '/v1/api-clients',
      headers: org.auth,
      payload: { name: 'CRM sync', scopes: ['deals:read'] },
    });
    t.equal(client.statusCode, 201, client.body);
    t.match(client.json().clientSecret, /^cgs_/);
    noStore(t, client, 'a new API client (its secret shown once)');
  });

  t.test('when a reply is authenticated, then no-store, errors included', async (t) => {
    const created = await app.inject({
      method: 'POST',
      url: '/v1/deals',
      headers: org.auth,
      payload: { title: 'Cache test deal' },
    });
    t.equal(created.statusCode, 201);
    noStore(t, created, 'a created deal');
    for (const url of ['/v1/me', '/v1/deals', `/v1/deals/${created.json().id}`, '/v1/organisation/members']) {
      noStore(t, await app.inject({ method: 'GET', url, headers: org.auth }), url);
    }
    noStore(
      t,
      await app.inject({
        method: 'GET',
        url: '/v1/deals/00000000-0000-4000-8000-000000000000',
        headers: org.auth,
      }),
      'a 404 of an authenticated route',
    );
    noStore(t, await app.inject({ method: 'GET', url: '/v1/me' }), 'a 401 of an authenticated route');
  });

  t.test('when a portal file or the OpenAPI document is served, then it keeps its caching', async (t) => {
    const asset = readdirSync(`${PORTAL_DIST}assets`).find((name) => name.endsWith('.js'));
    const hashed = await app.inject({ method: 'GET', url: `/assets/${asset}` });
    t.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
    for (const url of ['/', '/supplier/deals', '/favicon.svg']) {
      t.equal((await app.inject({ method: 'GET', url })).headers['cache-control'], 'no-cache', url);
    }
    const document = await app.inject({ method: 'GET', url: '/openapi.json' });
    t.equal(document.statusCode, 200);
    t.not(document.headers['cache-control'], 'no-store', '/openapi.json may be cached');
  });
});
