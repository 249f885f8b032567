import { randomBytes } from 'node:crypto';
import t from 'tap';
import { build } from './helpers/build.js';
import { signUp } from './helpers/identity.js';

const attempt = (app: Awaited<ReturnType<typeof build>>['app'], username: string, ip = '127.0.0.1') =>
  app.inject({
    method: 'POST',
    url: '/v1/auth/token',
    remoteAddress: ip,
    payload: { grant_type: 'password', username, password: 'definitely wrong password' },
  });

t.test(
  'when one address fails repeatedly on one account, then 429 with Retry-After there, also for the right password',
  async (t) => {
    const { app } = await build(t, {
      config: { LOGIN_FAILURES_PER_ACCOUNT: 3, LOGIN_FAILURES_PER_ADDRESS: 1000 },
    });
    const org = await signUp(app, 'sales');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt(app, org.email, '10.0.0.1')).statusCode);
    t.same(statuses, [401, 401, 401, 429]);
    const limited = await attempt(app, org.email, '10.0.0.1');
    t.equal(limited.statusCode, 429);
    t.match(limited.headers['retry-after'], /^\d+$/);
    t.ok(Number(limited.headers['retry-after']) > 60 * 14, 'until the 15-minute window ends');
    t.equal(limited.json().type, '/problems/rate-limited');
    t.match(limited.json().detail, /from your address .*try again in 1[45] minutes/);
    const right = (ip: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/auth/token',
        remoteAddress: ip,
        payload: { grant_type: 'password', username: org.email, password: 'correct horse battery staple' },
      });
    t.equal((await right('10.0.0.1')).statusCode, 429, 'no password checks from that address');
    t.equal((await right('10.0.0.2')).statusCode, 200, 'the account still signs in from elsewhere');
    const otherAccount = await signUp(app, 'sales');
    t.equal(
      (await attempt(app, otherAccount.email, '10.0.0.1')).statusCode,
      401,
      'other accounts are unaffected',
    );
  },
);

t.test('when one address fails across many accounts, then 429', async (t) => {
  const { app } = await build(t, {
    config: { LOGIN_FAILURES_PER_ADDRESS: 4, LOGIN_FAILURES_PER_ACCOUNT: 1000 },
  });
  const statuses = [];
  for (let i = 0; i < 7; i++)
    statuses.push((await attempt(app, `nobody-${i}@example.test`, '192.0.2.7')).statusCode);
  t.ok(statuses.includes(429), `statuses: ${statuses}`);
  t.equal(
    (await attempt(app, 'someone@example.test', '192.0.2.8')).statusCode,
    401,
    'other addresses are unaffected',
  );
});

t.test('when rate limits are lifted by configuration, then failures are not throttled', async (t) => {
  const { app } = await build(t, { config: { RATE_LIMIT_ENABLED: false, LOGIN_FAILURES_PER_ACCOUNT: 1 } });
  for (let i = 0; i < 4; i++) t.equal((await attempt(app, 'lifted@example.test')).statusCode, 401);
});

t.test('when replicas share Redis, then failures on one count on the other', async (t) => {
  const config = {
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `cg-test-${randomBytes(4).toString('hex')}:`,
    LOGIN_FAILURES_PER_ACCOUNT: 2,
    LOGIN_FAILURES_PER_ADDRESS: 1000,
  };
  const one = await build(t, { config });
  const two = await build(t, { config });
  t.equal((await attempt(one.app, 'shared@example.test')).statusCode, 401);
  t.equal((await attempt(two.app, 'shared@example.test')).statusCode, 401);
  t.equal((await attempt(one.app, 'shared@example.test')).statusCode, 429, 'the count is shared');
});
