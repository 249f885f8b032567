import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import t from 'tap';
import type { Config } from '../src/config.js';
import { claimDueDeliveries } from '../src/modules/webhooks/repository.js';
import { build, type TestApp } from './helpers/build.js';
import { assessment, createDeal, invite, saveAndSubmit } from './helpers/deals.js';
import { type SignedUp, signUp } from './helpers/identity.js';
import { eventually, type Receipt, startReceiver, verifySignature } from './helpers/receiver.js';

// Deliveries to a receiver on 127.0.0.1 (so private networks are allowed here), polled often and
// retried quickly. Nothing below waits for a fixed time: it polls for an outcome with a deadline.
const FAST: Partial<Config> = {
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: true,
  WEBHOOK_POLL_INTERVAL_MS: 50,
  WEBHOOK_RETRY_SCHEDULE_SECONDS: [0, 0.2, 0.2],
};
// Two databases for the whole file (a fresh one costs seconds on PGlite); tests keep apart by
// signing up organisations of their own. `delivering` runs a worker. On `quiet` none runs unless a
// test starts a process on it, so a test decides which process delivers; every test leaves no
// delivery pending there.
const delivering = await build(t, { config: FAST });
const quiet = await build(t, { config: { ...FAST, WEBHOOK_WORKER_ENABLED: false } });
/** Another process on the quiet database (same master key, as replicas have). */
const processOnQuiet = (t: Teardown, config: Partial<Config> = {}) =>
  build(t, { shareDatabaseOf: quiet, config: { ...FAST, MASTER_KEY: quiet.config.MASTER_KEY, ...config } });

const ALL_EVENTS = [
  'deal.joined',
  'assessment.submitted',
  'round.opened',
  'alignment.ready',
  'milestone.changed',
  'deal.closed',
];

type Teardown = Parameters<typeof build>[0];

interface Endpoint {
  id: string;
  secret: string;
}

async function subscribe(app: TestApp['app'], party: SignedUp, url: string, events: string[]) {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/webhook-endpoints',
    headers: party.auth,
    payload: { url, events },
  });
  if (res.statusCode !== 201) throw new Error(`subscribe failed: ${res.statusCode} ${res.body}`);
  return res.json() as Endpoint;
}

async function closeDeal(app: TestApp['app'], party: SignedUp, dealId: string, status = 'won') {
  const res = await app.inject({
    method: 'PATCH',
    url: `/v1/deals/${dealId}`,
    headers: party.auth,
    payload: { status },
  });
  if (res.statusCode !== 200) throw new Error(`close failed: ${res.statusCode} ${res.body}`);
}

/** A deal of `owner` alone, closed at once: one `deal.closed` event. */
async function closedDeal(app: TestApp['app'], owner: SignedUp) {
  const deal = await createDeal(app, owner);
  await closeDeal(app, owner, deal.id, 'withdrawn');
  return deal.id;
}

interface Attempt {
  deliveryId: string;
  attempt: number;
  eventId: string;
  eventType: string;
  dealId: string;
  attemptedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  outcome: 'succeeded' | 'retrying' | 'failed';
  nextRetryAt: string | null;
}

async function deliveryLog(app: TestApp['app'], party: SignedUp, endpointId: string): Promise<Attempt[]> {
  const res = await app.inject({
    method: 'GET',
    url: `/v1/webhook-endpoints/${endpointId}/deliveries?limit=100`,
    headers: party.auth,
  });
  if (res.statusCode !== 200) throw new Error(`deliveries failed: ${res.statusCode} ${res.body}`);
  return res.json().data;
}

const payloadOf = (receipt: Receipt) =>
  JSON.parse(receipt.body) as { id: string; type: string; createdAt: string; data: Record<string, unknown> };

t.test(
  'a deal’s events reach the subscribed endpoints of both parties, signed, with no private content',
  async (t) => {
    const receiver = await startReceiver(t);
    const { app, testDatabase } = delivering;
    const sales = await signUp(app, 'sales');
    const procurement = await signUp(app, 'procurement');
    const salesEndpoint = await subscribe(app, sales, receiver.url('/sales'), ALL_EVENTS);
    const procurementEndpoint = await subscribe(app, procurement, receiver.url('/procurement'), [
      'alignment.ready',
      'deal.closed',
    ]);
    const outsider = await signUp(app, 'sales');
    await subscribe(app, outsider, receiver.url('/outsider'), ALL_EVENTS);

    const canaries = Array.from({ length: 3 }, () => `CANARY-${randomBytes(6).toString('hex')}`);
    const deal = await createDeal(app, sales, { title: 'Fleet telematics', description: canaries[2] });
    const { code } = await invite(app, sales, deal.id);
    const accepted = await app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      headers: procurement.auth,
      payload: { code },
    });
    t.equal(accepted.statusCode, 200);
    t.equal((await saveAndSubmit(app, sales, deal.id, assessment({}, canaries[0]))).statusCode, 200);
    t.equal((await saveAndSubmit(app, procurement, deal.id, assessment({}, canaries[1]))).statusCode, 200);
    const revised = assessment({ disclosure: 'standard' }, canaries[0]);
    t.equal((await saveAndSubmit(app, sales, deal.id, revised)).statusCode, 200, 'a second round opens');
    await closeDeal(app, procurement, deal.id, 'lost');

    const timeline = (
      await app.inject({ method: 'GET', url: `/v1/deals/${deal.id}/events?limit=100`, headers: sales.auth })
    ).json().data as { id: string; type: string }[];
    const expectedSales = timeline
      .filter((e) => ALL_EVENTS.includes(e.type))
      .map((e) => e.id)
      .sort();
    t.same(
      timeline.filter((e) => !ALL_EVENTS.includes(e.type)).map((e) => e.type),
      ['invitation.issued', 'deal.created'],
      'the events outside the catalogue',
    );
    const settled = await eventually('every delivery of the deal to succeed', async () => {
      const rows = await testDatabase.database.asSystem(
        async (trx) =>
          (
            await sql<{
              status: string;
            }>`select status from webhook_deliveries where deal_id = ${deal.id}`.execute(trx)
          ).rows,
      );
      return rows.length > 0 && rows.every((row) => row.status === 'succeeded') && rows;
    });
    t.equal(settled.length, expectedSales.length + 2, 'one delivery per subscribed event and endpoint');

    const salesReceipts = receiver.for('/sales');
    const procurementReceipts = receiver.for('/procurement');
    t.same(
      salesReceipts.map((r) => payloadOf(r).id).sort(),
      expectedSales,
      'sales got every catalogue event once',
    );
    t.same(salesReceipts.map((r) => payloadOf(r).type).sort(), [
      'alignment.ready',
      'assessment.submitted',
      'assessment.submitted',
      'assessment.submitted',
      'deal.closed',
      'deal.joined',
      'round.opened',
    ]);
    t.same(
      procurementReceipts.map((r) => payloadOf(r).type).sort(),
      ['alignment.ready', 'deal.closed'],
      'procurement got only what it subscribed to',
    );
    t.same(receiver.for('/outsider'), [], 'an organisation that is no party gets nothing');

    t.test('when the requests are verified independently, then every signature holds', async (t) => {
      for (const receipt of salesReceipts)
        t.ok(verifySignature(salesEndpoint.secret, receipt), receipt.webhookId);
      for (const receipt of procurementReceipts) {
        t.ok(verifySignature(procurementEndpoint.secret, receipt), receipt.webhookId);
        t.notOk(verifySignature(salesEndpoint.secret, receipt), 'another endpoint’s secret does not verify');
      }
      for (const receipt of [...salesReceipts, ...procurementReceipts]) {
        t.match(receipt.webhookId, /^whd_[0-9a-z]{26}$/);
        t.match(receipt.timestamp, /^\d{10}$/, 'Unix seconds');
        t.match(receipt.signature, /^v1,[A-Za-z0-9+/]{43}=$/, 'one v1 signature');
        t.equal(receipt.headers['content-type'], 'application/json');
      }
      const ids = new Set([...salesReceipts, ...procurementReceipts].map((r) => r.webhookId));
      t.equal(
        ids.size,
        salesReceipts.length + procurementReceipts.length,
        'one webhook-id per event and endpoint',
      );
    });

    t.test(
      'when the payloads are read, then they name the deal and the event, and nothing private',
      async (t) => {
        const allowed = ['dealId', 'side', 'round', 'version', 'status', 'milestoneId', 'action'];
        for (const receipt of [...salesReceipts, ...procurementReceipts]) {
          for (const canary of canaries) t.notMatch(receipt.body, canary);
          t.notMatch(receipt.body, /note|objectives|risks|likelihood|title|Fleet/i);
          const payload = payloadOf(receipt);
          t.same(Object.keys(payload), ['id', 'type', 'createdAt', 'data']);
          t.equal(payload.data.dealId, deal.id);
          t.ok(
            Object.keys(payload.data).every((key) => allowed.includes(key)),
            Object.keys(payload.data).join(','),
          );
          t.equal(new Date(payload.createdAt).toISOString(), payload.createdAt);
        }
        const byType = (type: string) => salesReceipts.map(payloadOf).filter((p) => p.type === type);
        t.match(byType('deal.joined'), [{ data: { dealId: deal.id, side: 'procurement' } }]);
        t.match(byType('alignment.ready'), [{ data: { side: null, round: 1, version: 1 } }]);
        t.match(byType('round.opened'), [{ data: { side: 'sales', round: 2 } }]);
        t.match(byType('deal.closed'), [{ data: { side: 'procurement', status: 'lost' } }]);
      },
    );
  },
);

t.test(
  'when an endpoint fails twice and then succeeds, then it gets the same webhook-id three times',
  async (t) => {
    const receiver = await startReceiver(t, (_receipt, previous) => ({ status: previous < 2 ? 500 : 200 }));
    const { app } = delivering;
    const owner = await signUp(app, 'sales');
    const endpoint = await subscribe(app, owner, receiver.url('/flaky'), ['deal.closed']);
    const dealId = await closedDeal(app, owner);

    const log = await eventually('three logged attempts', async () => {
      const attempts = await deliveryLog(app, owner, endpoint.id);
      return attempts.length === 3 && attempts;
    });
    t.equal(receiver.receipts.length, 3);
    const [first] = receiver.receipts;
    t.ok(
      receiver.receipts.every((r) => r.webhookId === first?.webhookId),
      'the same webhook-id each time',
    );
    t.ok(
      receiver.receipts.every((r) => r.body === first?.body),
      'the same body each time',
    );
    for (const receipt of receiver.receipts)
      t.ok(verifySignature(endpoint.secret, receipt), 'signed each time');

    t.test('when the delivery log is read, then it lists each attempt, newest first', async (t) => {
      const eventId = payloadOf(first as Receipt).id;
      const common = { deliveryId: first?.webhookId, eventId, eventType: 'deal.closed', dealId, error: null };
      t.match(log, [
        { ...common, attempt: 3, statusCode: 200, outcome: 'succeeded', nextRetryAt: null },
        { ...common, attempt: 2, statusCode: 500, outcome: 'retrying', nextRetryAt: String },
        { ...common, attempt: 1, statusCode: 500, outcome: 'retrying', nextRetryAt: String },
      ]);
      for (const entry of log) {
        t.equal(new Date(entry.attemptedAt).toISOString(), entry.attemptedAt);
        t.ok(Number.isInteger(entry.durationMs) && entry.durationMs >= 0);
      }
      t.same(Object.keys(log[0] as Attempt).sort(), [
        'attempt',
        'attemptedAt',
        'dealId',
        'deliveryId',
        'durationMs',
        'error',
        'eventId',
        'eventType',
        'nextRetryAt',
        'outcome',
        'statusCode',
      ]);
      const page = await app.inject({
        method: 'GET',
        url: `/v1/webhook-endpoints/${endpoint.id}/deliveries?limit=2`,
        headers: owner.auth,
      });
      const rest = await app.inject({
        method: 'GET',
        url: `/v1/webhook-endpoints/${endpoint.id}/deliveries?limit=2&cursor=${page.json().nextCursor}`,
        headers: owner.auth,
      });
      t.same(
        [...page.json().data, ...rest.json().data].map((a: Attempt) => a.attempt),
        [3, 2, 1],
        'pages',
      );
    });
  },
);

t.test('when the schedule runs out, then the delivery fails and no further attempt is made', async (t) => {
  const receiver = await startReceiver(t, () => ({ status: 503 }));
  const { app } = delivering;
  const owner = await signUp(app, 'procurement');
  const endpoint = await subscribe(app, owner, receiver.url('/down'), ['deal.closed']);
  await closedDeal(app, owner);
  const log = await eventually('a failed attempt', async () => {
    const attempts = await deliveryLog(app, owner, endpoint.id);
    return attempts.some((a) => a.outcome === 'failed') && attempts;
  });
  t.same(
    log.map((a) => [a.attempt, a.statusCode, a.outcome]),
    [
      [3, 503, 'failed'],
      [2, 503, 'retrying'],
      [1, 503, 'retrying'],
    ],
  );
  t.equal(receiver.receipts.length, 3, 'three attempts: the length of the schedule');
});

t.test(
  'when an endpoint answers with Retry-After, then the next attempt waits at least that long',
  async (t) => {
    const receiver = await startReceiver(t, (_receipt, previous) =>
      previous === 0 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 200 },
    );
    const { app } = delivering;
    const owner = await signUp(app, 'sales');
    const endpoint = await subscribe(app, owner, receiver.url('/busy'), ['deal.closed']);
    await closedDeal(app, owner);
    const log = await eventually('a successful second attempt', async () => {
      const attempts = await deliveryLog(app, owner, endpoint.id);
      return attempts.some((a) => a.outcome === 'succeeded') && attempts;
    });
    const first = log.find((a) => a.attempt === 1);
    t.match(first, { statusCode: 429, outcome: 'retrying' });
    const scheduledAfter = Date.parse(first?.nextRetryAt ?? '') - Date.parse(first?.attemptedAt ?? '');
    t.ok(scheduledAfter >= 2000, `retry scheduled ${scheduledAfter} ms after the attempt, not after 0.2 s`);
    t.equal(receiver.receipts.length, 2);
  },
);

t.test(
  'when an endpoint answers 410 Gone, then it is disabled and what waited for it is cancelled',
  async (t) => {
    const receiver = await startReceiver(t, () => ({ status: 410 }));
    // Two events are queued while no worker runs; then one worker, one delivery at a time.
    const setup = quiet;
    const owner = await signUp(setup.app, 'sales');
    const endpoint = await subscribe(setup.app, owner, receiver.url('/gone'), ['deal.closed']);
    await closedDeal(setup.app, owner);
    await closedDeal(setup.app, owner);
    const { app, testDatabase } = await build(t, {
      shareDatabaseOf: setup,
      config: { ...FAST, MASTER_KEY: setup.config.MASTER_KEY, WEBHOOK_CONCURRENCY: 1 },
    });
    const disabled = await eventually('the endpoint to be disabled', async () => {
      const res = await app.inject({
        method: 'GET',
        url: `/v1/webhook-endpoints/${endpoint.id}`,
        headers: owner.auth,
      });
      return res.json().status === 'disabled' && res.json();
    });
    t.match(disabled, { status: 'disabled', disabledAt: String, disabledReason: /410/ });
    const statuses = await testDatabase.database.asSystem(
      async (trx) =>
        (
          await sql<{ status: string }>`
          select status from webhook_deliveries where endpoint_id = ${endpoint.id} order by id`.execute(trx)
        ).rows,
    );
    t.same(
      statuses.map((row) => row.status),
      ['failed', 'cancelled'],
    );
    t.equal(receiver.receipts.length, 1, 'nothing more was sent');
    t.match(await deliveryLog(app, owner, endpoint.id), [{ attempt: 1, statusCode: 410, outcome: 'failed' }]);

    await closedDeal(app, owner);
    const queued = await testDatabase.database.asSystem(
      async (trx) =>
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from webhook_deliveries where endpoint_id = ${endpoint.id}`.execute(
            trx,
          )
        ).rows[0]?.n,
    );
    t.equal(queued, 2, 'later events are not queued for a disabled endpoint');
    const audit = await app.inject({ method: 'GET', url: '/v1/audit-events', headers: owner.auth });
    t.match(
      audit.json().data.find((e: { action: string }) => e.action === 'webhook_endpoint.disabled'),
      { actor: { type: 'system', id: null }, subject: { type: 'webhook_endpoint', id: endpoint.id } },
    );
  },
);

t.test(
  'when the secret has been rotated, then each request carries two signatures that both verify',
  async (t) => {
    const receiver = await startReceiver(t);
    const { app } = delivering;
    const owner = await signUp(app, 'procurement');
    const endpoint = await subscribe(app, owner, receiver.url('/rotated'), ['deal.closed']);
    const rotated = (
      await app.inject({
        method: 'POST',
        url: `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`,
        headers: owner.auth,
      })
    ).json() as Endpoint;
    await closedDeal(app, owner);
    const [receipt] = await eventually('a delivery', () => receiver.receipts.length > 0 && receiver.receipts);
    if (!receipt) throw new Error('no receipt');
    const signatures = receipt.signature.split(' ');
    t.equal(signatures.length, 2);
    for (const signature of signatures) {
      const single = { ...receipt, signature };
      t.ok(
        verifySignature(rotated.secret, single) !== verifySignature(endpoint.secret, single),
        'each signature is made with exactly one of the two secrets',
      );
    }
    t.ok(verifySignature(rotated.secret, receipt), 'the new secret verifies');
    t.ok(verifySignature(endpoint.secret, receipt), 'the old secret still verifies');
    t.notOk(
      verifySignature(`whsec_${randomBytes(32).toString('base64')}`, receipt),
      'another secret does not',
    );
    t.notOk(
      verifySignature(rotated.secret, { ...receipt, body: `${receipt.body} ` }),
      'a changed body does not',
    );
  },
);

t.test('restarts lose nothing', async (t) => {
  t.test('when a delivery is pending at shutdown, then the next process delivers it', async (t) => {
    const receiver = await startReceiver(t);
    const first = await processOnQuiet(t, { WEBHOOK_WORKER_ENABLED: false });
    const owner = await signUp(first.app, 'sales');
    const endpoint = await subscribe(first.app, owner, receiver.url('/restart'), ['deal.closed']);
    await closedDeal(first.app, owner);
    await first.app.close();
    t.equal(receiver.receipts.length, 0, 'not delivered before the restart');

    const second = await build(t, {
      shareDatabaseOf: first,
      config: { ...FAST, MASTER_KEY: first.config.MASTER_KEY },
    });
    const [receipt] = await eventually(
      'the delivery',
      () => receiver.receipts.length > 0 && receiver.receipts,
    );
    t.ok(receipt && verifySignature(endpoint.secret, receipt));
    const log = await eventually('the logged attempt', async () => {
      const attempts = await deliveryLog(second.app, owner, endpoint.id);
      return attempts.length > 0 && attempts;
    });
    t.match(log, [{ attempt: 1, outcome: 'succeeded', deliveryId: receipt?.webhookId }]);
  });

  t.test(
    'when an attempt is in flight at shutdown, then it is made again with the same webhook-id',
    async (t) => {
      const receiver = await startReceiver(t, (_receipt, previous) =>
        previous === 0 ? { status: 200, hang: true } : { status: 200 },
      );
      const first = await processOnQuiet(t);
      const owner = await signUp(first.app, 'procurement');
      const endpoint = await subscribe(first.app, owner, receiver.url('/in-flight'), ['deal.closed']);
      await closedDeal(first.app, owner);
      await eventually('the first request to arrive', () => receiver.receipts.length === 1);
      await first.app.close();

      const second = await build(t, {
        shareDatabaseOf: first,
        config: { ...FAST, MASTER_KEY: first.config.MASTER_KEY },
      });
      await eventually('the second request', () => receiver.receipts.length === 2);
      const [interrupted, again] = receiver.receipts;
      t.equal(again?.webhookId, interrupted?.webhookId);
      t.ok(again && verifySignature(endpoint.secret, again));
      const log = await eventually('two logged attempts', async () => {
        const attempts = await deliveryLog(second.app, owner, endpoint.id);
        return attempts.length === 2 && attempts;
      });
      t.match(log, [
        { attempt: 2, outcome: 'succeeded', statusCode: 200 },
        { attempt: 1, outcome: 'retrying', statusCode: null, error: /interrupted/ },
      ]);
    },
  );

  t.test(
    'when a process dies holding a lease, then the lease runs out and another process delivers',
    async (t) => {
      const receiver = await startReceiver(t);
      const first = await processOnQuiet(t, { WEBHOOK_WORKER_ENABLED: false });
      const owner = await signUp(first.app, 'sales');
      const endpoint = await subscribe(first.app, owner, receiver.url('/crashed'), ['deal.closed']);
      await closedDeal(first.app, owner);
      // What a worker does before it sends; it then "dies" without settling the attempt.
      const claimed = await first.testDatabase.database.asSystem((trx) =>
        claimDueDeliveries(trx, { limit: 10, leaseSeconds: 0.3 }),
      );
      t.equal(claimed.length, 1, 'nothing else was pending');
      t.equal(claimed[0]?.endpoint_id, endpoint.id);

      const second = await build(t, {
        shareDatabaseOf: first,
        config: { ...FAST, MASTER_KEY: first.config.MASTER_KEY },
      });
      const [receipt] = await eventually(
        'the delivery',
        () => receiver.receipts.length > 0 && receiver.receipts,
      );
      t.equal(receipt?.webhookId, claimed[0]?.id, 'the same webhook-id');
      const log = await eventually('the logged attempt', async () => {
        const attempts = await deliveryLog(second.app, owner, endpoint.id);
        return attempts.length > 0 && attempts;
      });
      t.match(log, [{ attempt: 2, outcome: 'succeeded' }]);
      t.equal(log.length, 1, 'the lost attempt was never settled');
    },
  );
});

t.test('when an endpoint’s address is private at delivery time, then nothing is sent', async (t) => {
  const receiver = await startReceiver(t);
  // Saved while private networks were allowed; delivered by a process where they are not.
  const lenient = quiet;
  const owner = await signUp(lenient.app, 'sales');
  const port = new URL(receiver.url('/')).port;
  const targets = {
    http: receiver.url('/plain-http'),
    address: `https://127.0.0.1:${port}/address`,
    name: `https://localhost:${port}/name`,
  };
  const endpoints = Object.fromEntries(
    await Promise.all(
      Object.entries(targets).map(async ([key, url]) => [
        key,
        await subscribe(lenient.app, owner, url, ['deal.closed']),
      ]),
    ),
  ) as Record<keyof typeof targets, Endpoint>;
  await closedDeal(lenient.app, owner);
  const strict = await build(t, {
    shareDatabaseOf: lenient,
    config: {
      ...FAST,
      MASTER_KEY: lenient.config.MASTER_KEY,
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: false,
      WEBHOOK_RETRY_SCHEDULE_SECONDS: [0],
    },
  });
  for (const [key, reason] of [
    ['http', /^refused: The URL must use https/],
    ['address', /^refused: .*non-public address/],
    ['name', /^refused: .*non-public address/],
  ] as const) {
    const log = await eventually(`the refused attempt to ${key}`, async () => {
      const attempts = await deliveryLog(strict.app, owner, endpoints[key].id);
      return attempts.length > 0 && attempts;
    });
    t.match(log, [{ attempt: 1, outcome: 'failed', statusCode: null, error: reason }], key);
  }
  t.equal(receiver.receipts.length, 0);
});
