import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import t, { type Test } from 'tap';
import { AppError } from '../src/lib/problems.js';
import { hashPassword, setArgon2QueueMax } from '../src/modules/identity/passwords.js';
import { build, type TestApp } from './helpers/build.js';
import { PASSWORD, signUp, uniqueEmail } from './helpers/identity.js';

type App = TestApp['app'];
type Reply = Awaited<ReturnType<App['inject']>>;

const signup = (app: App, remoteAddress: string) =>
  app.inject({
    method: 'POST',
    url: '/v1/signup',
    remoteAddress,
    payload: {
      organisation: { name: `Burst ${randomBytes(3).toString('hex')}`, side: 'sales' },
      user: { email: uniqueEmail('burst'), name: 'Burst Admin', password: PASSWORD },
    },
  });

const count = (replies: Reply[], status: number) => replies.filter((r) => r.statusCode === status).length;

function saysWhen(t: Test, replies: Reply[], status: number, type: string) {
  const refused = replies.filter((r) => r.statusCode === status);
  t.ok(refused.length > 0, `some ${status}`);
  t.ok(
    refused.every(
      (r) => /^\d+$/.test(String(r.headers['retry-after'])) && Number(r.headers['retry-after']) >= 1,
    ),
    'each with Retry-After',
  );
  t.ok(
    refused.every(
      (r) =>
        String(r.headers['content-type']).startsWith('application/problem+json') &&
        r.json().type === `/problems/${type}` &&
        /try again in \d+ (second|minute)/.test(r.json().detail),
    ),
    'each a problem whose detail says when',
  );
}

t.test(
  'when 40 sign-ups arrive at once from one address, then the limit pass and the rest get 429',
  async (t) => {
    const { app } = await build(t, { config: { SIGNUPS_PER_ADDRESS: 5 } });
    const replies = await Promise.all(Array.from({ length: 40 }, () => signup(app, '203.0.113.80')));
    t.equal(count(replies, 201), 5);
    t.equal(count(replies, 429), 35);
    t.equal(replies.filter((r) => r.statusCode >= 500).length, 0, 'never 5xx');
    saysWhen(t, replies, 429, 'rate-limited');
    t.match(replies.find((r) => r.statusCode === 429)?.json().detail, /5 an hour/);
    t.ok(
      Number(replies.find((r) => r.statusCode === 429)?.headers['retry-after']) > 3000,
      'until the hour is over',
    );
    t.equal((await signup(app, '203.0.113.81')).statusCode, 201, 'other addresses are unaffected');
  },
);

t.test('when sign-ups come from many addresses, then the total per minute is bounded', async (t) => {
  const { app } = await build(t, { config: { SIGNUPS_PER_MINUTE: 4 } });
  const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => signup(app, `198.51.100.${i + 1}`)));
  t.equal(count(replies, 201), 4);
  t.equal(count(replies, 429), 8);
  saysWhen(t, replies, 429, 'rate-limited');
});

t.test('when replicas share Redis, then the sign-up count is shared', async (t) => {
  const config = {
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `cg-test-${randomBytes(4).toString('hex')}:`,
    SIGNUPS_PER_ADDRESS: 3,
  };
  const one = await build(t, { config });
  const two = await build(t, { config, shareDatabaseOf: one });
  const replies = await Promise.all(
    Array.from({ length: 20 }, (_, i) => signup(i % 2 ? two.app : one.app, '203.0.113.90')),
  );
  t.equal(count(replies, 201), 3);
  t.equal(count(replies, 429), 17);
});

t.test('when the Argon2 queue is full, then hashing is refused at once with 503', async (t) => {
  t.teardown(() => setArgon2QueueMax(undefined));
  setArgon2QueueMax(1);
  const slots = availableParallelism();
  const outcomes = await Promise.allSettled(
    Array.from({ length: slots + 4 }, (_, i) => hashPassword(`queued password ${i}`)),
  );
  t.equal(outcomes.filter((o) => o.status === 'fulfilled').length, slots + 1, 'one per core and one waiting');
  const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
  t.equal(refused.length, 3);
  t.ok(refused.every((error) => error instanceof AppError && error.status === 503));
  t.same((refused[0] as AppError).extras.headers, { 'retry-after': '1' });
});

t.test(
  'when sign-ups overflow a tiny Argon2 queue, then 503 with Retry-After, not a long wait',
  async (t) => {
    const { app } = await build(t, { config: { ARGON2_QUEUE_MAX: 0, SIGNUPS_PER_ADDRESS: 16 } });
    const started = Date.now();
    const replies = await Promise.all(Array.from({ length: 16 }, () => signup(app, '203.0.113.100')));
    const took = Date.now() - started;
    t.same([...new Set(replies.map((r) => r.statusCode))].sort(), [201, 503], 'each either created or shed');
    saysWhen(t, replies, 503, 'service-unavailable');
    t.ok(took < 5000, `the burst is answered quickly (${took} ms)`);
    // A shed sign-up hashed nothing, so it gave its place back: the address can still sign up.
    const created = count(replies, 201);
    const more = [];
    for (let i = created; i < 16; i++) more.push((await signup(app, '203.0.113.100')).statusCode);
    t.same(
      more,
      more.map(() => 201),
      'shed attempts did not use up the address’s sign-ups',
    );
    t.equal((await signup(app, '203.0.113.100')).statusCode, 429, 'and then the limit applies');
  },
);

t.test(
  'when sign-ins overflow a tiny Argon2 queue, then 503, and a shed attempt is no failure',
  async (t) => {
    const { app } = await build(t, { config: { ARGON2_QUEUE_MAX: 0, LOGIN_FAILURES_PER_ACCOUNT: 3 } });
    const org = await signUp(app, 'sales');
    const grant = (password: string, remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/auth/token',
        remoteAddress,
        payload: { grant_type: 'password', username: org.email, password },
      });
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => grant(PASSWORD, `203.0.113.${120 + i}`)),
    );
    t.ok(count(burst, 503) > 0, 'some are shed');
    t.equal(count(burst, 200) + count(burst, 503), 12, 'the rest sign in');
    saysWhen(t, burst, 503, 'service-unavailable');

    const wrong = await Promise.all(
      Array.from({ length: 12 }, () => grant('wrong password', '203.0.113.140')),
    );
    t.ok(count(wrong, 401) <= 3, 'at most the three places of the address and account are checked');
    t.equal(count(wrong, 401) + count(wrong, 503) + count(wrong, 429), 12, 'the rest shed or refused');
    // Only the 401s count: the address has exactly the places the shed attempts left.
    const left = [];
    for (let i = count(wrong, 401); i < 3; i++)
      left.push((await grant('wrong password', '203.0.113.140')).statusCode);
    t.same(
      left,
      left.map(() => 401),
    );
    t.equal((await grant('wrong password', '203.0.113.140')).statusCode, 429);
  },
);

t.test('when members are added in a burst, then the same Argon2 limit sheds with 503', async (t) => {
  const { app } = await build(t, { config: { ARGON2_QUEUE_MAX: 0 } });
  const org = await signUp(app, 'sales');
  const replies = await Promise.all(
    Array.from({ length: 12 }, () =>
      app.inject({
        method: 'POST',
        url: '/v1/organisation/members',
        headers: org.auth,
        payload: { email: uniqueEmail('member'), name: 'A member', role: 'member', password: PASSWORD },
      }),
    ),
  );
  t.same([...new Set(replies.map((r) => r.statusCode))].sort(), [201, 503]);
  saysWhen(t, replies, 503, 'service-unavailable');
});
