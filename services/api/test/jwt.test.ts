import t from 'tap';
import { build } from './helpers/build.js';
import { signUp } from './helpers/identity.js';
import { handmadeJwt, sessionOf } from './helpers/jwt.js';

const header = { alg: 'HS256', typ: 'JWT' };

/** A well-made access token's claims for a new organisation's admin, valid for `seconds`. */
async function setUp(t: Parameters<typeof build>[0], seconds: number) {
  const { app, config } = await build(t);
  const org = await signUp(app, 'sales');
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: org.user.id,
    org: org.organisation.id,
    kind: 'user',
    sid: sessionOf(org.accessToken),
    typ: 'access',
    iss: config.JWT_ISSUER,
    aud: config.JWT_AUDIENCE,
    iat: now,
    exp: now + seconds,
  };
  const me = (token: string) =>
    app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });
  return { app, config, now, claims, me };
}

t.test('access tokens are checked strictly', async (t) => {
  const { app, config, now, claims, me } = await setUp(t, 300);

  t.equal(
    (await me(handmadeJwt(header, claims, config.JWT_SECRET))).statusCode,
    200,
    'a well-made token is accepted (control)',
  );

  const refused: Array<[string, string]> = [
    ['alg none', handmadeJwt({ alg: 'none', typ: 'JWT' }, claims, null)],
    ['forged signature', handmadeJwt(header, claims, 'an-attacker-secret-of-sufficient-length')],
    ['expired', handmadeJwt(header, { ...claims, iat: now - 2000, exp: now - 1000 }, config.JWT_SECRET)],
    ['wrong audience', handmadeJwt(header, { ...claims, aud: 'another-api' }, config.JWT_SECRET)],
    ['wrong issuer', handmadeJwt(header, { ...claims, iss: 'someone-else' }, config.JWT_SECRET)],
    ['another algorithm', handmadeJwt({ alg: 'HS512', typ: 'JWT' }, claims, config.JWT_SECRET, 'sha512')],
    ['no token type', handmadeJwt(header, { ...claims, typ: undefined }, config.JWT_SECRET)],
    ['a refresh-type token', handmadeJwt(header, { ...claims, typ: 'refresh' }, config.JWT_SECRET)],
    ['no expiry', handmadeJwt(header, { ...claims, exp: undefined }, config.JWT_SECRET)],
    ['garbage', 'not.a.jwt'],
  ];
  for (const [label, token] of refused) {
    const res = await me(token);
    t.equal(res.statusCode, 401, label);
    t.equal(res.json().type, '/problems/invalid-token', label);
    t.match(res.headers['www-authenticate'], /error="invalid_token"/, label);
  }

  const missing = await app.inject({ method: 'GET', url: '/v1/me' });
  t.equal(missing.statusCode, 401);
  t.equal(missing.json().type, '/problems/unauthenticated');
  const basic = await app.inject({
    method: 'GET',
    url: '/v1/me',
    headers: { authorization: 'Basic dXNlcjpwYXNz' },
  });
  t.equal(basic.statusCode, 401);
});

t.test(
  'when a token that was accepted expires, then it is refused although verified tokens are cached',
  async (t) => {
    const { config, now, claims, me: meWith } = await setUp(t, 2);
    const token = handmadeJwt(header, claims, config.JWT_SECRET);
    const me = () => meWith(token);
    t.equal((await me()).statusCode, 200);
    t.equal((await me()).statusCode, 200, 'again, from the cache');
    await new Promise((resolve) => setTimeout(resolve, (now + 2) * 1000 - Date.now() + 100));
    const res = await me();
    t.equal(res.statusCode, 401, 'refused once expired');
    t.equal(res.json().type, '/problems/invalid-token');
  },
);
