import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { build } from './helpers/build.js';
import { PASSWORD, signUp } from './helpers/identity.js';

/*
 * The refresh cookie is Secure whenever the browser reached the API over https: PUBLIC_URL says
 * so, or the request itself arrived over https — directly, or through a proxy that terminates
 * TLS and says `X-Forwarded-Proto: https`, believed only with TRUST_PROXY=true.
 */

async function sessionCookie(app: FastifyInstance, email: string, headers: Record<string, string> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/auth/session',
    headers,
    payload: { email, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = [res.headers['set-cookie']].flat().find((line) => line?.startsWith('cg_refresh='));
  if (!cookie) throw new Error('no refresh cookie');
  return { cookie, value: /cg_refresh=([^;]*)/.exec(cookie)?.[1] ?? '' };
}

const isSecure = (cookie: string) => /;\s*Secure(;|$)/i.test(cookie);
const HTTPS = { 'x-forwarded-proto': 'https' };

t.test('the refresh cookie’s Secure attribute', async (t) => {
  const proxied = await build(t, { config: { TRUST_PROXY: true } });
  const { email } = await signUp(proxied.app, 'sales');
  const direct = await build(t, { config: { TRUST_PROXY: false }, shareDatabaseOf: proxied });
  const published = await build(t, {
    config: { TRUST_PROXY: false, PUBLIC_URL: 'https://deals.example.com' },
    shareDatabaseOf: proxied,
  });

  t.test('when a trusted proxy says https, then Secure', async (t) => {
    const { cookie, value } = await sessionCookie(proxied.app, email, HTTPS);
    t.ok(isSecure(cookie), cookie);
    t.match(cookie, /HttpOnly/);
    t.match(cookie, /SameSite=Strict/);
    const refreshed = await proxied.app.inject({
      method: 'POST',
      url: '/v1/auth/session/refresh',
      headers: HTTPS,
      cookies: { cg_refresh: value },
      payload: {},
    });
    t.equal(refreshed.statusCode, 200);
    t.ok(isSecure(String(refreshed.headers['set-cookie'])), 'the rotated cookie too');
  });

  t.test('when a trusted proxy says http or nothing, then not Secure (plain-http development)', async (t) => {
    t.notOk(isSecure((await sessionCookie(proxied.app, email)).cookie), 'no header');
    t.notOk(
      isSecure((await sessionCookie(proxied.app, email, { 'x-forwarded-proto': 'http' })).cookie),
      'http',
    );
  });

  t.test('when the proxy is not trusted, then its X-Forwarded-Proto is ignored', async (t) => {
    const { cookie } = await sessionCookie(direct.app, email, HTTPS);
    t.notOk(isSecure(cookie), cookie);
  });

  t.test('when PUBLIC_URL is https, then always Secure', async (t) => {
    t.ok(isSecure((await sessionCookie(published.app, email)).cookie), 'without a header');
    t.ok(isSecure((await sessionCookie(published.app, email, HTTPS)).cookie), 'with one');
  });
});
