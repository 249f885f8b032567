import { randomBytes } from 'node:crypto';
import { WEBHOOK_EVENT_TYPES } from '@cg/contracts';
import { createTestDatabase } from '@cg/db/testing';
import t from 'tap';
import {
  assessmentVariant,
  call,
  type HttpParty,
  inParallel,
  NoAnswerError,
  putAssessmentOver,
  sharedDealOver,
  signUpOver,
  submitOver,
  waitFor,
} from './helpers/http-api.js';
import { type ServerProcess, startServer } from './helpers/process.js';
import { startReceiver, verifySignature } from './helpers/receiver.js';
import { checkRoundInvariants, loadRoundRows } from './helpers/round-invariants.js';

/*
 * Issue 8, faults: the API process is killed (SIGKILL) in the middle of many concurrent
 * submissions and webhook deliveries, then started again on the same database. Nothing may be
 * half-written (a round's submissions, report and events commit together or not at all), the
 * flow must be able to continue, and every webhook event must still reach its receiver.
 */

const DEALS = 16;
/** How each timeline type maps to a webhook type (the rest are not in the webhook catalogue). */
const webhookTypeOf = (timelineType: string) =>
  timelineType.startsWith('milestone.')
    ? 'milestone.changed'
    : (WEBHOOK_EVENT_TYPES as readonly string[]).includes(timelineType)
      ? timelineType
      : undefined;

if (!process.env.TEST_DATABASE_URL) {
  t.pass('PostgreSQL fault tests run when TEST_DATABASE_URL is set');
} else {
  t.test(
    'when the API process is killed mid-flow and started again, then no round is half-written and no webhook delivery is lost',
    async (t) => {
      const testDatabase = await createTestDatabase();
      const servers: ServerProcess[] = [];
      t.teardown(async () => {
        if (!t.passing()) {
          for (const server of servers) t.comment(`server output (end):\n${server.output().slice(-4000)}`);
        }
        for (const server of servers) server.child.kill('SIGKILL');
        await Promise.all(servers.map((server) => server.exited));
        await testDatabase.drop();
      });
      if (!testDatabase.url) throw new Error('a PostgreSQL test database has a URL');
      const env = {
        DATABASE_URL: testDatabase.url,
        JWT_SECRET: randomBytes(32).toString('base64url'),
        MASTER_KEY: randomBytes(32).toString('base64'),
        RATE_LIMIT_ENABLED: 'false',
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
        WEBHOOK_POLL_INTERVAL_MS: '50',
        WEBHOOK_TIMEOUT_MS: '5000',
        WEBHOOK_CONCURRENCY: '32',
        WEBHOOK_RETRY_SCHEDULE_SECONDS: '0,0.2,0.5,1,1,1,1,1,1,1',
      };

      // The receiver answers 204, except that, while `hanging`, it never answers the first attempt
      // of every fourth delivery: some are in flight (claimed, unsettled) when the process dies.
      let hanging = false;
      let firstAttempts = 0;
      const hungAt = new Map<string, number>();
      /** The webhook-ids of the deliveries whose attempt was still waiting for its answer at the kill. */
      const inFlightAtKill: string[] = [];
      /** `<path> <event id>` of every request answered 2xx: the event was delivered. */
      const delivered = new Set<string>();
      const receiver = await startReceiver(t, (receipt, previous) => {
        if (previous === 0 && hanging && firstAttempts++ % 4 === 0) {
          hungAt.set(receipt.webhookId, Date.now());
          return { status: 204, hang: true };
        }
        try {
          delivered.add(`${receipt.path} ${JSON.parse(receipt.body).id}`);
        } catch {
          // not JSON: the signature check reports it
        }
        return { status: 204 };
      });

      const first = await startServer(env);
      servers.push(first);
      const sales = await signUpOver(first.address, 'sales');
      const procurement = await signUpOver(first.address, 'procurement');
      const secrets = new Map<string, string>();
      for (const party of [sales, procurement]) {
        const endpoint = await call(first.address, 'POST', '/v1/webhook-endpoints', {
          auth: party.auth,
          body: { url: receiver.url(`/${party.side}`), events: WEBHOOK_EVENT_TYPES },
        });
        if (endpoint.status !== 201) throw new Error(`subscribe failed: ${endpoint.status} ${endpoint.text}`);
        secrets.set(`/${party.side}`, endpoint.json.secret);
      }

      const dealIds = await inParallel(
        Array.from({ length: DEALS }, (_, i) => i),
        4,
        async (i) => {
          const dealId = await sharedDealOver(() => first.address, sales, procurement, `Kill deal ${i}`);
          await putAssessmentOver(first.address, sales, dealId, assessmentVariant(0));
          await putAssessmentOver(first.address, procurement, dealId, assessmentVariant(0));
          return dealId;
        },
      );

      await t.test('when SIGKILL arrives during concurrent submissions and deliveries', async (t) => {
        let submitted = 0;
        let inFlight = 0;
        const refused: string[] = [];
        let killed = false;
        const submit = async (party: HttpParty, dealId: string) => {
          inFlight++;
          try {
            const reply = await submitOver(first.address, party, dealId);
            if (reply.status === 200) submitted++;
            else refused.push(`${reply.status} ${reply.text}`);
          } finally {
            inFlight--;
          }
        };
        const revise = async (party: HttpParty, dealId: string, round: number) => {
          await putAssessmentOver(first.address, party, dealId, assessmentVariant(round));
          await submit(party, dealId);
        };
        /** Round 1 by both sides at once, then rounds opened and closed by both revising at once. */
        const flow = async (dealId: string) => {
          try {
            await Promise.all([submit(sales, dealId), submit(procurement, dealId)]);
            for (let round = 2; round <= 5; round++) {
              await Promise.all([revise(sales, dealId, round), revise(procurement, dealId, round)]);
            }
          } catch (error) {
            // Only the kill may interrupt a flow.
            if (!(killed && error instanceof NoAnswerError)) throw error;
          }
        };

        hanging = true;
        const flows = dealIds.map(flow);
        // A hung attempt stays in flight until WEBHOOK_TIMEOUT_MS (5 s): these are younger than 4 s.
        const stillHanging = () => [...hungAt].filter(([, at]) => Date.now() - at < 4000).map(([id]) => id);
        await waitFor(
          'submissions in flight, some done, and deliveries hanging',
          () => submitted >= 60 && inFlight >= 4 && stillHanging().length >= 2,
          30_000,
          5,
        );
        killed = true;
        first.child.kill('SIGKILL');
        inFlightAtKill.push(...stillHanging());
        const exit = await first.exited;
        hanging = false;
        t.equal(exit.signal, 'SIGKILL', 'the process was killed');
        await Promise.all(flows);
        t.same(refused, [], 'every submission answered before the kill was accepted');
        t.ok(
          submitted < DEALS * 10,
          `the kill interrupted the flow (${submitted} of ${DEALS * 10} submissions)`,
        );
      });

      const second = await startServer(env);
      servers.push(second);
      const base = second.address;

      const loadRows = () => loadRoundRows(testDatabase.database, dealIds);

      await t.test('then no round is half-written', async (t) => {
        const rows = await loadRows();
        t.same(checkRoundInvariants(rows), [], 'every invariant holds on every deal');
        t.ok(rows.reports.length > 0, `some rounds closed before the kill (${rows.reports.length} reports)`);
      });

      await t.test('then every deal can finish its open round on the restarted process', async (t) => {
        const before = await loadRows();
        const outcomes = await inParallel(before.deals, 4, async (deal) => {
          if (deal.report_ready) return 'ready';
          let outcome = '';
          for (const party of [sales, procurement]) {
            const mine = party.side === 'sales' ? deal.sales_round_revision : deal.procurement_round_revision;
            if (mine !== null) continue;
            const reply = await submitOver(base, party, deal.id);
            if (reply.status !== 200) return `${deal.id}: ${reply.status} ${reply.text}`;
            outcome = reply.json.outcome;
          }
          return outcome === 'closed' ? 'closed' : `${deal.id}: ended with ${outcome}`;
        });
        t.same(
          outcomes.filter((o) => o !== 'ready' && o !== 'closed'),
          [],
          'each open round closed with the missing submissions',
        );
        const after = await loadRows();
        t.same(checkRoundInvariants(after), [], 'the invariants still hold');
        t.ok(
          after.deals.every((deal) => deal.report_ready),
          'every deal has the report of its current round',
        );
      });

      await t.test('then every webhook event reaches both parties’ endpoints', async (t) => {
        const { events } = await loadRows();
        const expected = events
          .filter((event) => webhookTypeOf(event.type))
          .flatMap((event) => ['/sales', '/procurement'].map((path) => ({ path, event })));
        const missing = () => expected.filter(({ path, event }) => !delivered.has(`${path} ${event.id}`));
        const unsettled = () =>
          testDatabase.database.asSystem((trx) =>
            trx
              .selectFrom('webhook_deliveries')
              .select(['id', 'status', 'attempts'])
              .where('deal_id', 'in', dealIds)
              .where('status', '!=', 'succeeded')
              .execute(),
          );
        // Deliveries claimed by the killed process are taken over when their lease runs out
        // (WEBHOOK_TIMEOUT_MS + 30 s after the claim).
        await waitFor(
          'every event delivered to both endpoints',
          async () => missing().length === 0 && (await unsettled()).length === 0,
          90_000,
          250,
        ).catch(() => undefined);
        t.same(
          missing().map(({ path, event }) => `${path} ${event.type} ${event.id}`),
          [],
          `each of the ${expected.length} deliveries was answered 2xx by its receiver`,
        );
        t.same(await unsettled(), [], 'every delivery is recorded as succeeded');
        const outbox = await testDatabase.database.asSystem((trx) =>
          trx.selectFrom('webhook_deliveries').select('id').where('deal_id', 'in', dealIds).execute(),
        );
        t.equal(outbox.length, expected.length, 'the outbox holds one delivery per event and endpoint');
        const attemptsOf = (id: string) => receiver.receipts.filter((r) => r.webhookId === id).length;
        t.ok(inFlightAtKill.length >= 2, `${inFlightAtKill.length} deliveries were in flight at the kill`);
        t.same(
          inFlightAtKill.filter((id) => attemptsOf(id) < 2),
          [],
          'each was attempted again after the restart, with the same webhook-id',
        );
        t.same(
          [...hungAt.keys()].filter((id) => attemptsOf(id) < 2),
          [],
          `each of the ${hungAt.size} unanswered first attempts was followed by another`,
        );
        const unsigned = receiver.receipts.filter(
          (receipt) => !verifySignature(secrets.get(receipt.path) ?? '', receipt),
        );
        t.equal(unsigned.length, 0, 'every request is signed with its endpoint’s secret');
      });
    },
  );
}
