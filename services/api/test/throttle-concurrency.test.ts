import { randomBytes } from 'node:crypto';
import t, { type Test } from 'tap';
import type { Config } from '../src/config.js';
import { build, type TestApp } from './helpers/build.js';
import { createClient, PASSWORD, signUp } from './helpers/identity.js';

type App = TestApp['app'];
type Reply = Awaited<ReturnType<App['inject']>>;

const WRONG = 'definitely wrong password';

const grant = (app: App, username: string, password: string, remoteAddress: string) =>
  app.inject({
    method: 'POST',
    url: '/v1/auth/token',
    remoteAddress,
    payload: { grant_type: 'password', username, password },
  });

const count = (replies: Reply[], status: number) => replies.filter((r) => r.statusCode === status).length;

/** Every 429 is a problem that says when to try again, in the header and in words. */
function checkRefusals(t: Test, replies: Reply[], maxSeconds: number) {
  const refused = replies.filter((r) => r.statusCode === 429);
  const seconds = refused.map((r) => Number(r.headers['retry-after']));
  t.ok(
    seconds.every((s) => Number.isInteger(s) && s >= 1 && s <= maxSeconds),
    `Retry-After within 1..${maxSeconds}`,
  );
  t.ok(
    refused.every(
      (r) =>
        r.json().type === '/problems/rate-limited' &&
        /try again in \d+ (second|minute)/.test(r.json().detail),
    ),
    'problem+json whose detail says when',
  );
}

/** One app, or two replicas on one database that share a random Redis namespace. */
async function apps(t: Test, mode: 'in-process' | 'redis', config: Partial<Config>) {
  const redis =
    mode === 'redis'
      ? {
          REDIS_URL: 'redis://127.0.0.1:6379',
          REDIS_KEY_PREFIX: `cg-test-${randomBytes(4).toString('hex')}:`,
        }
      : {};
  const one = await build(t, { config: { ...config, ...redis } });
  if (mode === 'in-process') return [one.app];
  const two = await build(t, { config: { ...config, ...redis }, shareDatabaseOf: one });
  return [one.app, two.app];
}

for (const mode of ['in-process', 'redis'] as const) {
  t.test(`${mode}: when 100 wrong passwords for one account arrive at once from one address`, async (t) => {
    const replicas = await apps(t, mode, { LOGIN_FAILURES_PER_ACCOUNT: 10, LOGIN_FAILURES_PER_ADDRESS: 20 });
    const [first] = replicas as [App];
    const org = await signUp(first, 'sales');
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        grant(replicas[i % replicas.length] as App, org.email, WRONG, '203.0.113.5'),
      ),
    );
    t.equal(count(replies, 401), 10, 'exactly the limit reach the password check');
    t.equal(count(replies, 429), 90, 'the rest are refused');
    checkRefusals(t, replies, 900);
    t.equal(
      (await grant(first, org.email, PASSWORD, '203.0.113.5')).statusCode,
      429,
      'that address may not try even the right password',
    );
    t.equal(
      (await grant(replicas.at(-1) as App, org.email, PASSWORD, '198.51.100.77')).statusCode,
      200,
      'the owner at another address signs in',
    );
  });

  t.test(`${mode}: when 100 wrong passwords for many accounts arrive at once from one address`, async (t) => {
    const replicas = await apps(t, mode, {
      LOGIN_FAILURES_PER_ACCOUNT: 10,
      LOGIN_FAILURES_PER_ADDRESS: 20,
      // Room for all 20 checks at once: this test is about the throttle, not the Argon2 queue.
      ARGON2_QUEUE_MAX: 100,
    });
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        grant(replicas[i % replicas.length] as App, `guess-${i}@example.test`, WRONG, '203.0.113.6'),
      ),
    );
    t.equal(count(replies, 401), 20, 'exactly the per-address limit');
    t.equal(count(replies, 429), 80);
    checkRefusals(t, replies, 60);
  });
}

t.test(
  'when an attacker exhausts the account limit at address A, then the owner at B signs in',
  async (t) => {
    const { app } = await build(t, { config: { LOGIN_FAILURES_PER_ACCOUNT: 10 } });
    const org = await signUp(app, 'procurement');
    const attack = await Promise.all(
      Array.from({ length: 40 }, () => grant(app, org.email, WRONG, '192.0.2.66')),
    );
    t.equal(count(attack, 401), 10);
    t.equal(count(attack, 429), 30);
    const owner = await grant(app, org.email, PASSWORD, '198.51.100.20');
    t.equal(owner.statusCode, 200, 'the owner is not locked out');
    t.ok(owner.json().access_token);
    t.equal((await grant(app, org.email, WRONG, '198.51.100.20')).statusCode, 401, 'B has its own count');
  },
);

t.test(
  'when failures from many addresses pass the account ceiling, then checks are spaced out by seconds',
  async (t) => {
    const { app } = await build(t, {
      config: { LOGIN_FAILURES_PER_ACCOUNT: 3, LOGIN_ACCOUNT_CEILING: 6 },
    });
    const org = await signUp(app, 'sales');
    for (const address of ['192.0.2.1', '192.0.2.2'])
      for (let i = 0; i < 3; i++) t.equal((await grant(app, org.email, WRONG, address)).statusCode, 401);
    // At the ceiling: one check per second for the account, whatever the address.
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) => grant(app, org.email, WRONG, `192.0.2.${10 + i}`)),
    );
    t.equal(count(burst, 401), 1, 'one check per pace');
    t.equal(count(burst, 429), 9);
    checkRefusals(t, burst, 1);
    t.match(burst.find((r) => r.statusCode === 429)?.json().detail, /spaced out; try again in 1 second/);
    const owner = await grant(app, org.email, PASSWORD, '198.51.100.30');
    t.equal(owner.statusCode, 429, 'the owner waits too, but briefly');
    t.equal(owner.headers['retry-after'], '1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    t.equal((await grant(app, org.email, PASSWORD, '198.51.100.30')).statusCode, 200, 'then signs in');

    // A sign-in by emailed code (a later issue) reserves with that channel: no ceiling for it.
    const request = { ip: '198.51.100.31' } as Parameters<typeof app.loginThrottle.reserve>[0];
    await t.rejects(
      app.loginThrottle.reserve(request, `user:${org.email}`),
      { name: 'AppError', message: /spaced out/ },
      'the owner’s sign-in holds the pace slot',
    );
    const held = await app.loginThrottle.reserve(request, `user:${org.email}`, { channel: 'emailed-code' });
    await held.release();
  },
);

t.test('when sign-ins succeed, then they give their place back', async (t) => {
  const { app } = await build(t, { config: { LOGIN_FAILURES_PER_ACCOUNT: 3 } });
  const org = await signUp(app, 'sales');
  // An attempt holds its place while it is being checked, so at most the limit run at once...
  const together = await Promise.all(
    Array.from({ length: 3 }, () => grant(app, org.email, PASSWORD, '192.0.2.90')),
  );
  t.same(
    together.map((r) => r.statusCode),
    [200, 200, 200],
  );
  // ...and each success gives it back.
  for (let i = 0; i < 5; i++) t.equal((await grant(app, org.email, PASSWORD, '192.0.2.90')).statusCode, 200);
  const wrong = [];
  for (let i = 0; i < 4; i++) wrong.push((await grant(app, org.email, WRONG, '192.0.2.90')).statusCode);
  t.same(wrong, [401, 401, 401, 429], 'only failures count');
});

t.test('when wrong client secrets arrive at once, then only the limit are checked', async (t) => {
  const { app } = await build(t, { config: { LOGIN_FAILURES_PER_ACCOUNT: 10 } });
  const org = await signUp(app, 'sales');
  const { client } = await createClient(app, org, ['deals:read']);
  const replies = await Promise.all(
    Array.from({ length: 30 }, () =>
      app.inject({
        method: 'POST',
        url: '/v1/auth/token',
        remoteAddress: '203.0.113.50',
        payload: {
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: 'cgs_not_the_secret',
        },
      }),
    ),
  );
  t.equal(count(replies, 401), 10);
  t.equal(count(replies, 429), 20);
  checkRefusals(t, replies, 900);
});

t.test('when wrong passwords arrive at once on the browser session route, then the same', async (t) => {
  const { app } = await build(t, { config: { LOGIN_FAILURES_PER_ACCOUNT: 10 } });
  const org = await signUp(app, 'sales');
  const replies = await Promise.all(
    Array.from({ length: 30 }, () =>
      app.inject({
        method: 'POST',
        url: '/v1/auth/session',
        remoteAddress: '203.0.113.51',
        headers: { 'content-type': 'application/json' },
        payload: { email: org.email, password: WRONG },
      }),
    ),
  );
  t.equal(count(replies, 401), 10);
  t.equal(count(replies, 429), 20);
  checkRefusals(t, replies, 900);
});
