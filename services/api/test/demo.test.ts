import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPglite } from '@cg/db';
import t from 'tap';
import { DemoRefusedError, fillDemo } from '../scripts/demo.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

t.test(
  'when the demo fills a new DATA_DIR, then a server on it shows every stage to both sides',
  async (t) => {
    const root = mkdtempSync(path.join(tmpdir(), 'cg-demo-test-'));
    t.teardown(() => rmSync(root, { recursive: true, force: true }));
    const dataDir = path.join(root, 'data');
    const result = await fillDemo(dataDir);
    t.equal(result.supplier.side, 'sales');
    t.equal(result.buyer.side, 'procurement');

    // A server as `pnpm start` opens it: the same folder, the secrets the demo left there.
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEBHOOK_WORKER_ENABLED: 'false' });
    const database = await openPglite({ dataDir: path.join(dataDir, 'pgdata') });
    const app = await buildApp({ config, database, logger: createLogger({ level: 'silent' }) });
    t.teardown(async () => {
      await app.close();
      await database.close();
    });
    const signIn = async (email: string, password: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/auth/token',
        payload: { grant_type: 'password', username: email, password },
      });
      t.equal(res.statusCode, 200, `${email} signs in with the printed password`);
      return { authorization: `Bearer ${res.json().access_token}` };
    };
    const supplier = await signIn(result.supplier.email, result.supplier.password);
    const buyer = await signIn(result.buyer.email, result.buyer.password);

    const list = async (headers: Record<string, string>) => {
      const res = await app.inject({ method: 'GET', url: '/v1/deals', headers });
      t.equal(res.statusCode, 200);
      return res.json().data as {
        id: string;
        title: string;
        status: string;
        round: { number: number; reportReady: boolean };
      }[];
    };
    const supplierDeals = await list(supplier);
    t.same(
      supplierDeals.map((deal) => deal.status).sort(),
      ['aligned', 'assessing', 'awaiting_counterparty', 'won'],
      'the supplier sees a deal at every stage',
    );
    const buyerDeals = await list(buyer);
    t.same(
      buyerDeals.map((deal) => deal.status).sort(),
      ['aligned', 'assessing', 'won'],
      'the buyer sees the deals it joined; the invitation it has not accepted is not one yet',
    );

    const aligned = supplierDeals.find((deal) => deal.status === 'aligned');
    t.equal(aligned?.round.number, 3, 'the aligned deal is in its third round');
    t.equal(aligned?.round.reportReady, true);
    const report = await app.inject({
      method: 'GET',
      url: `/v1/deals/${aligned?.id}/alignment`,
      headers: buyer,
    });
    t.equal(report.statusCode, 200, 'its report reads');
    t.equal(report.json().round, 3, 'the report is the third round’s');
    const won = supplierDeals.find((deal) => deal.status === 'won');
    const wonReport = await app.inject({
      method: 'GET',
      url: `/v1/deals/${won?.id}/alignment`,
      headers: supplier,
    });
    t.equal(wonReport.statusCode, 200, 'the won deal has its report');

    for (const deal of supplierDeals) {
      const res = await app.inject({
        method: 'GET',
        url: `/v1/deals/${deal.id}/milestones`,
        headers: supplier,
      });
      t.equal(res.statusCode, 200);
      const expected = result.deals.find((made) => made.id === deal.id)?.milestones;
      t.ok(expected && expected > 0, `${deal.title} has milestones`);
      t.equal(res.json().data.length, expected, `${deal.title}: its milestones read back`);
    }

    const accept = await app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      headers: buyer,
      payload: { code: result.pendingInvitationCode },
    });
    t.equal(accept.statusCode, 200, 'the printed invitation code lets the buyer join the waiting deal');
  },
);

t.test('when DATA_DIR already holds anything, then the demo refuses it and leaves it alone', async (t) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-demo-test-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  writeFileSync(path.join(dataDir, 'notes.txt'), 'mine');
  await t.rejects(fillDemo(dataDir), DemoRefusedError);
  await t.rejects(fillDemo(dataDir), /already holds data/);
});
