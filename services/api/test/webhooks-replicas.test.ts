import { sql } from 'kysely';
import t from 'tap';
import type { Config } from '../src/config.js';
import { build, type TestApp } from './helpers/build.js';
import { createDeal, invite } from './helpers/deals.js';
import { type SignedUp, signUp } from './helpers/identity.js';
import { eventually, startReceiver, verifySignature } from './helpers/receiver.js';

// Two API processes on one database, both running the delivery worker, as replicas do. (On
// PostgreSQL these are two connection pools competing for the same rows; on PGlite the two apps
// share its single connection.)
const REPLICA: Partial<Config> = {
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: true,
  WEBHOOK_POLL_INTERVAL_MS: 10,
  WEBHOOK_CONCURRENCY: 4,
  WEBHOOK_RETRY_SCHEDULE_SECONDS: [0, 0, 0],
  RATE_LIMIT_ENABLED: false,
};
const DEALS = 12;

async function joinAndClose(app: TestApp['app'], sales: SignedUp, procurement: SignedUp) {
  const deal = await createDeal(app, sales);
  const { code } = await invite(app, sales, deal.id);
  const accepted = await app.inject({
    method: 'POST',
    url: '/v1/invitations/accept',
    headers: procurement.auth,
    payload: { code },
  });
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.statusCode}`);
  const closed = await app.inject({
    method: 'PATCH',
    url: `/v1/deals/${deal.id}`,
    headers: sales.auth,
    payload: { status: 'won' },
  });
  if (closed.statusCode !== 200) throw new Error(`close failed: ${closed.statusCode}`);
}

t.test('when two processes deliver from one database, then each attempt is sent once', async (t) => {
  // Every webhook-id fails once and then succeeds: exactly two receipts per id (attempts 1 and 2)
  // unless two workers sent the same attempt.
  const receiver = await startReceiver(t, (_receipt, previous) => ({ status: previous === 0 ? 500 : 200 }));
  const one = await build(t, { config: REPLICA });
  const two = await build(t, {
    shareDatabaseOf: one,
    config: { ...REPLICA, MASTER_KEY: one.config.MASTER_KEY },
  });
  const sales = await signUp(one.app, 'sales');
  const procurement = await signUp(one.app, 'procurement');
  const endpoints = [
    { party: sales, path: '/sales' },
    { party: procurement, path: '/procurement' },
  ];
  const secrets = new Map<string, string>();
  for (const { party, path } of endpoints) {
    const res = await one.app.inject({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      headers: party.auth,
      payload: { url: receiver.url(path), events: ['deal.joined', 'deal.closed'] },
    });
    t.equal(res.statusCode, 201);
    secrets.set(path, res.json().secret);
  }

  // Events are made through both processes, while both workers run.
  await Promise.all(
    Array.from({ length: DEALS }, (_, i) => joinAndClose(i % 2 ? two.app : one.app, sales, procurement)),
  );
  const deliveries = DEALS * 2 * endpoints.length;
  await eventually(
    'every delivery to succeed',
    async () => {
      const rows = await one.testDatabase.database.asSystem(
        async (trx) =>
          (
            await sql<{
              n: number;
            }>`select count(*)::int as n from webhook_deliveries where status = 'succeeded'`.execute(trx)
          ).rows,
      );
      return rows[0]?.n === deliveries;
    },
    60_000,
  );

  const byId = new Map<string, number>();
  for (const receipt of receiver.receipts)
    byId.set(receipt.webhookId, (byId.get(receipt.webhookId) ?? 0) + 1);
  t.equal(byId.size, deliveries, 'every delivery arrived');
  t.same(
    [...byId.entries()].filter(([, count]) => count !== 2),
    [],
    'each webhook-id exactly twice: attempt 1 (failed) and attempt 2',
  );
  t.equal(receiver.receipts.length, deliveries * 2);
  for (const { path } of endpoints) {
    const secret = secrets.get(path) ?? '';
    t.ok(
      receiver.for(path).every((receipt) => verifySignature(secret, receipt)),
      `every request to ${path} is signed`,
    );
  }
  const attempts = await one.testDatabase.database.asSystem(
    async (trx) =>
      (
        await sql<{ attempt: number; n: number }>`
          select attempt, count(*)::int as n from webhook_attempts group by attempt order by attempt`.execute(
          trx,
        )
      ).rows,
  );
  t.same(
    attempts,
    [
      { attempt: 1, n: deliveries },
      { attempt: 2, n: deliveries },
    ],
    'the log has attempts 1 and 2 of every delivery, once each',
  );
});
