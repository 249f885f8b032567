import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@cg/db/testing';
import { Redis } from 'ioredis';
import t from 'tap';
import {
  assessmentVariant,
  call,
  inParallel,
  putAssessmentOver,
  roundRobin,
  sharedDealOver,
  signUpOver,
  submitOver,
} from './helpers/http-api.js';
import { type ServerProcess, startServer } from './helpers/process.js';
import { checkRoundInvariants, loadRoundRows } from './helpers/round-invariants.js';

/*
 * Issue 8, faults: two API processes on one database, behind round-robin (requests alternate
 * between the two addresses). Rounds must close exactly once when both sides submit at the same
 * moment through different processes, and rate limits must be one count across the processes
 * (shared through Redis).
 */

const REDIS_URL = 'redis://127.0.0.1:6379';
const DEALS = 12;
/** Per caller and minute: above what each party of the rounds test sends, small enough to reach. */
const LIMIT = 200;
const ROUNDS = 3;

type TestLike = { teardown(fn: () => unknown): void; passing(): boolean; comment(message: string): void };

/** Two server processes on the test database with the same secrets and settings. */
async function startPair(t: TestLike, testDatabase: TestDatabase, extra: Record<string, string>) {
  if (!testDatabase.url) throw new Error('a PostgreSQL test database has a URL');
  const env = {
    DATABASE_URL: testDatabase.url,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    MASTER_KEY: randomBytes(32).toString('base64'),
    REDIS_URL,
    REDIS_KEY_PREFIX: `cg-faults-${randomBytes(4).toString('hex')}:`,
    ...extra,
  };
  const servers: ServerProcess[] = [];
  t.teardown(async () => {
    if (!t.passing()) {
      for (const server of servers) t.comment(`server output (end):\n${server.output().slice(-4000)}`);
    }
    for (const server of servers) server.child.kill('SIGKILL');
    await Promise.all(servers.map((server) => server.exited));
  });
  const started = await Promise.allSettled([startServer(env), startServer(env)]);
  for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
  for (const result of started) if (result.status === 'rejected') throw result.reason;
  return { servers, env, addresses: servers.map((server) => server.address) };
}

if (!process.env.TEST_DATABASE_URL) {
  t.pass('PostgreSQL fault tests run when TEST_DATABASE_URL is set');
} else {
  t.test('two API processes on one database', async (t) => {
    const testDatabase = await createTestDatabase();
    t.teardown(() => testDatabase.drop());
    const { addresses, env } = await startPair(t, testDatabase, { RATE_LIMIT_PER_CALLER: String(LIMIT) });
    const [one, two] = addresses as [string, string];
    const next = roundRobin(addresses);

    await t.test(
      'when both sides submit at once through different processes, then each round closes exactly once',
      async (t) => {
        const sales = await signUpOver(next(), 'sales');
        const procurement = await signUpOver(next(), 'procurement');
        const dealIds = await inParallel(
          Array.from({ length: DEALS }, (_, i) => i),
          4,
          async (i) => {
            const dealId = await sharedDealOver(next, sales, procurement, `Replicated deal ${i}`);
            await putAssessmentOver(next(), sales, dealId, assessmentVariant(0));
            await putAssessmentOver(next(), procurement, dealId, assessmentVariant(0));
            return dealId;
          },
        );

        const notExactlyOnce: string[] = [];
        for (let round = 1; round <= ROUNDS; round++) {
          // Each side goes through its own process; the processes swap sides every round.
          const [viaSales, viaProcurement] = round % 2 === 1 ? [one, two] : [two, one];
          if (round > 1) {
            await inParallel(dealIds, 8, async (dealId) => {
              await putAssessmentOver(viaSales, sales, dealId, assessmentVariant(round));
              await putAssessmentOver(viaProcurement, procurement, dealId, assessmentVariant(round + 10));
            });
          }
          const outcomes = await Promise.all(
            dealIds.map(async (dealId) => {
              const replies = await Promise.all([
                submitOver(viaSales, sales, dealId),
                submitOver(viaProcurement, procurement, dealId),
              ]);
              return { dealId, replies };
            }),
          );
          for (const { dealId, replies } of outcomes) {
            const seen = replies.map((reply) => (reply.status === 200 ? reply.json.outcome : reply.status));
            const opening = round === 1 ? 'submitted' : 'opened';
            if ([...seen].sort().join() !== ['closed', opening].sort().join())
              notExactlyOnce.push(`${dealId} round ${round}: ${seen.join(', ')}`);
          }
        }
        t.same(notExactlyOnce, [], 'every round: one submission closed it, the other opened or waited');

        const rows = await loadRoundRows(testDatabase.database, dealIds);
        t.equal(rows.reports.length, DEALS * ROUNDS, `${DEALS * ROUNDS} reports: one per deal and round`);
        const perRound = new Map<string, number>();
        for (const report of rows.reports) {
          const key = `${report.deal_id} ${report.round}`;
          perRound.set(key, (perRound.get(key) ?? 0) + 1);
        }
        t.same(
          [...perRound].filter(([, count]) => count !== 1),
          [],
          'no round has a second report',
        );
        t.ok(
          rows.deals.every((deal) => deal.round === ROUNDS && deal.report_ready),
          `every deal is in round ${ROUNDS} with its report`,
        );
        t.same(checkRoundInvariants(rows), [], 'every round invariant holds');
      },
    );

    await t.test(
      'when a caller alternates between the processes, then its rate limit is one count',
      async (t) => {
        const caller = await signUpOver(next(), 'procurement');
        const EXTRA = 6;
        // Alternating between the processes, a few at a time. Counted per process, each would have
        // seen (LIMIT + EXTRA) / 2 requests: all 200.
        const replies = await inParallel(Array.from({ length: LIMIT + EXTRA }), 4, () =>
          call(next(), 'GET', '/v1/me', { auth: caller.auth }),
        );
        const statuses = replies.map((reply) => reply.status);
        t.equal(statuses.filter((s) => s === 200).length, LIMIT, `${LIMIT} requests are allowed`);
        t.equal(statuses.filter((s) => s === 429).length, EXTRA, `the ${EXTRA} beyond the limit are refused`);
        const refused = replies.find((reply) => reply.status === 429);
        t.match(refused?.headers.get('content-type'), /^application\/problem\+json/);
        t.equal(refused?.json?.type, '/problems/rate-limited');
        t.match(refused?.headers.get('retry-after'), /^\d+$/);
        t.equal(refused?.headers.get('ratelimit-policy'), `"caller";q=${LIMIT};w=60`);

        const redis = new Redis(REDIS_URL, { lazyConnect: true });
        await redis.connect();
        t.teardown(() => redis.disconnect());
        const keys = await redis.keys(`${env.REDIS_KEY_PREFIX}*`);
        t.ok(keys.length > 0, 'the counts live in Redis under the configured prefix');
        if (keys.length > 0) await redis.del(...keys);
      },
    );
  });
}
