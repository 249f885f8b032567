import { randomBytes } from 'node:crypto';
import t from 'tap';
import { build } from './helpers/build.js';
import { signUp } from './helpers/identity.js';

t.test('when a caller exceeds its limit, then 429 with Retry-After and RateLimit headers', async (t) => {
  const { app } = await build(t, { config: { RATE_LIMIT_PER_CALLER: 3, RATE_LIMIT_PER_ADDRESS: 1000 } });
  const org = await signUp(app, 'sales');
  const statuses: number[] = [];
  let last: Awaited<ReturnType<typeof app.inject>> | undefined;
  for (let i = 0; i < 5; i++) {
    last = await app.inject({ method: 'GET', url: '/v1/me', headers: org.auth });
    statuses.push(last.statusCode);
    if (i === 0) {
      t.equal(last.headers['ratelimit-policy'], '"caller";q=3;w=60');
      t.match(last.headers.ratelimit, /^"caller";r=2;t=\d+$/);
    }
  }
  t.same(statuses, [200, 200, 200, 429, 429]);
  t.match(last?.headers['retry-after'], /^\d+$/);
  t.equal(last?.json().type, '/problems/rate-limited');
  const other = await signUp(app, 'sales');
  t.equal(
    (await app.inject({ method: 'GET', url: '/v1/me', headers: other.auth })).statusCode,
    200,
    'other callers are unaffected',
  );
});

t.test('when one address floods, then 429 before authentication', async (t) => {
  const { app } = await build(t, { config: { RATE_LIMIT_PER_ADDRESS: 3 } });
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++)
    statuses.push(
      (await app.inject({ method: 'GET', url: '/v1/me', remoteAddress: '198.51.100.9' })).statusCode,
    );
  t.same(statuses, [401, 401, 401, 429, 429]);
  t.equal(
    (await app.inject({ method: 'GET', url: '/health/live', remoteAddress: '198.51.100.9' })).statusCode,
    200,
    'health is never limited',
  );
});

t.test('when rate limits are lifted, then nothing is limited', async (t) => {
  const { app } = await build(t, {
    config: { RATE_LIMIT_ENABLED: false, RATE_LIMIT_PER_CALLER: 1, RATE_LIMIT_PER_ADDRESS: 1 },
  });
  const org = await signUp(app, 'sales');
  for (let i = 0; i < 3; i++)
    t.equal((await app.inject({ method: 'GET', url: '/v1/me', headers: org.auth })).statusCode, 200);
});

t.test('when replicas share Redis, then a caller’s count is shared', async (t) => {
  const config = {
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `cg-test-${randomBytes(4).toString('hex')}:`,
    RATE_LIMIT_PER_CALLER: 2,
  };
  const one = await build(t, { config });
  const two = await build(t, { config, shareDatabaseOf: one });
  const org = await signUp(one.app, 'procurement');
  t.equal((await one.app.inject({ method: 'GET', url: '/v1/me', headers: org.auth })).statusCode, 200);
  t.equal((await two.app.inject({ method: 'GET', url: '/v1/me', headers: org.auth })).statusCode, 200);
  t.equal((await one.app.inject({ method: 'GET', url: '/v1/me', headers: org.auth })).statusCode, 429);
});
