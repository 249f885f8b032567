import t from 'tap';
import { build } from './helpers/build.js';
import { PASSWORD, signUp } from './helpers/identity.js';

const cookieOf = (setCookie: string | string[] | undefined) => {
  const header = Array.isArray(setCookie) ? setCookie.join('\n') : (setCookie ?? '');
  return /cg_refresh=([^;]*)/.exec(header)?.[1];
};

t.test('browser sessions', async (t) => {
  const { app } = await build(t);
  const org = await signUp(app, 'sales');

  t.test(
    'when a browser signs in, then the refresh token is only in an httpOnly, SameSite=Strict cookie',
    async (t) => {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/auth/session',
        payload: { email: org.email, password: PASSWORD },
      });
      t.equal(res.statusCode, 200);
      t.match(res.json(), { access_token: /^ey/, token_type: 'Bearer', expires_in: 900 });
      t.equal(res.json().refresh_token, undefined);
      const setCookie = String(res.headers['set-cookie']);
      t.match(setCookie, /HttpOnly/);
      t.match(setCookie, /SameSite=Strict/);
      t.match(setCookie, /Path=\/v1\/auth\/session/);
      const cookie = cookieOf(res.headers['set-cookie']);
      t.match(cookie, /^cgr_/);

      const refreshed = await app.inject({
        method: 'POST',
        url: '/v1/auth/session/refresh',
        cookies: { cg_refresh: cookie ?? '' },
        payload: {},
      });
      t.equal(refreshed.statusCode, 200);
      const next = cookieOf(refreshed.headers['set-cookie']);
      t.ok(next && next !== cookie, 'the cookie rotates');

      const replay = await app.inject({
        method: 'POST',
        url: '/v1/auth/session/refresh',
        cookies: { cg_refresh: cookie ?? '' },
        payload: {},
      });
      t.equal(replay.statusCode, 401, 'a replayed cookie is refused');
      t.match(String(replay.headers['set-cookie']), /cg_refresh=;/, 'and cleared');
    },
  );

  t.test('when a browser signs out, then the session cannot be refreshed', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/auth/session',
      payload: { email: org.email, password: PASSWORD },
    });
    const cookie = cookieOf(res.headers['set-cookie']) ?? '';
    const out = await app.inject({
      method: 'DELETE',
      url: '/v1/auth/session',
      cookies: { cg_refresh: cookie },
    });
    t.equal(out.statusCode, 204);
    const again = await app.inject({
      method: 'POST',
      url: '/v1/auth/session/refresh',
      cookies: { cg_refresh: cookie },
      payload: {},
    });
    t.equal(again.statusCode, 401);
  });

  t.test('when there is no cookie or a form is posted, then it is refused', async (t) => {
    const none = await app.inject({ method: 'POST', url: '/v1/auth/session/refresh', payload: {} });
    t.equal(none.statusCode, 401);
    const res = await app.inject({
      method: 'POST',
      url: '/v1/auth/session',
      payload: { email: org.email, password: PASSWORD },
    });
    const form = await app.inject({
      method: 'POST',
      url: '/v1/auth/session/refresh',
      cookies: { cg_refresh: cookieOf(res.headers['set-cookie']) ?? '' },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    t.equal(form.statusCode, 415, 'a cross-site form cannot refresh (JSON only)');
  });
});
