import t from 'tap';
import { build, type TestApp } from './helpers/build.js';
import { sharedDeal } from './helpers/deals.js';
import { login, PASSWORD, type SignedUp } from './helpers/identity.js';

/*
 * An access token belongs to the sign-in session that issued it (its refresh-token family). When
 * the session ends — sign-out, revocation, a detected refresh-token reuse — its access tokens are
 * refused from the next request on, like a removed member's, including reads answered from the
 * read cache; the user's other sessions go on.
 */

type App = TestApp['app'];
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const me = (app: App, token: string) => app.inject({ method: 'GET', url: '/v1/me', headers: bearer(token) });
const alignment = (app: App, token: string, dealId: string) =>
  app.inject({ method: 'GET', url: `/v1/deals/${dealId}/alignment`, headers: bearer(token) });

async function browserSession(app: App, party: SignedUp) {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/auth/session',
    payload: { email: party.email, password: PASSWORD },
  });
  const cookie = /cg_refresh=([^;]*)/.exec(String(res.headers['set-cookie']))?.[1] ?? '';
  return { accessToken: res.json().access_token as string, cookie };
}

t.test('when a browser signs out, then its access token is refused at once, cached reads too', async (t) => {
  const { app } = await build(t);
  const { sales, dealId } = await sharedDeal(app);
  const session = await browserSession(app, sales);
  t.equal((await alignment(app, session.accessToken, dealId)).statusCode, 200);
  t.equal((await alignment(app, session.accessToken, dealId)).statusCode, 200, 'now from the cache');

  const out = await app.inject({
    method: 'DELETE',
    url: '/v1/auth/session',
    cookies: { cg_refresh: session.cookie },
  });
  t.equal(out.statusCode, 204);

  const refused = await alignment(app, session.accessToken, dealId);
  t.equal(refused.statusCode, 401, 'the cached read refuses the ended session');
  t.equal(refused.json().type, '/problems/invalid-token');
  t.equal((await me(app, session.accessToken)).statusCode, 401);
  t.equal((await me(app, sales.accessToken)).statusCode, 200, 'the user’s other session goes on');
  t.equal((await alignment(app, sales.accessToken, dealId)).statusCode, 200);
});

t.test('when a refresh token is revoked, then the access tokens of its family stop', async (t) => {
  const { app } = await build(t);
  const { sales } = await sharedDeal(app);
  const other = await login(app, sales.email);
  const revoked = await app.inject({
    method: 'POST',
    url: '/v1/auth/revoke',
    payload: { token: sales.refreshToken },
  });
  t.equal(revoked.statusCode, 200);
  t.equal((await me(app, sales.accessToken)).statusCode, 401);
  t.equal((await me(app, other.accessToken)).statusCode, 200, 'another sign-in is its own session');
});

t.test(
  'when a spent refresh token is presented again, then every access token of its family stops',
  async (t) => {
    const { app } = await build(t);
    const { sales, dealId } = await sharedDeal(app);
    t.equal((await alignment(app, sales.accessToken, dealId)).statusCode, 200);
    const refresh = (token: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/auth/token',
        payload: { grant_type: 'refresh_token', refresh_token: token },
      });
    const rotated = await refresh(sales.refreshToken);
    t.equal(rotated.statusCode, 200);
    const thief = rotated.json().access_token as string;
    t.equal((await me(app, thief)).statusCode, 200);

    const reuse = await refresh(sales.refreshToken);
    t.equal(reuse.statusCode, 401, 'the reuse is refused');
    for (const token of [sales.accessToken, thief]) {
      t.equal((await me(app, token)).statusCode, 401, 'and the family’s access tokens stop');
      t.equal((await alignment(app, token, dealId)).statusCode, 401);
    }
  },
);

t.test('when a user token names no session, then it is refused', async (t) => {
  const { app } = await build(t);
  const { sales } = await sharedDeal(app);
  const sessionless = app.signAccessToken({
    kind: 'user',
    id: sales.user.id,
    organisationId: sales.organisation.id,
  });
  t.equal((await me(app, sessionless)).statusCode, 401);
  const foreign = app.signAccessToken({
    kind: 'user',
    id: sales.user.id,
    organisationId: sales.organisation.id,
    sessionId: 'rtf_not_a_session',
  });
  t.equal((await me(app, foreign)).statusCode, 401);
});

if (process.env.TEST_DATABASE_URL) {
  t.test('when a session ends through another replica, then this one refuses its token too', async (t) => {
    const one = await build(t);
    const two = await build(t, { shareDatabaseOf: one, ownConnections: true });
    const { sales, dealId } = await sharedDeal(one.app);
    const session = await browserSession(one.app, sales);
    t.equal((await alignment(two.app, session.accessToken, dealId)).statusCode, 200);
    t.equal((await alignment(two.app, session.accessToken, dealId)).statusCode, 200, 'cached on two');
    const out = await one.app.inject({
      method: 'DELETE',
      url: '/v1/auth/session',
      cookies: { cg_refresh: session.cookie },
    });
    t.equal(out.statusCode, 204);
    // The other process learns of it from PostgreSQL's notification, well under a second.
    let status = 0;
    for (let i = 0; i < 50 && status !== 401; i++) {
      status = (await alignment(two.app, session.accessToken, dealId)).statusCode;
      if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    t.equal(status, 401);
  });
}
