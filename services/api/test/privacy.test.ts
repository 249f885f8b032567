import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import t from 'tap';
import { build } from './helpers/build.js';
import { assessment, saveAndSubmit, sharedDeal } from './helpers/deals.js';
import { signUp } from './helpers/identity.js';

const canary = (label: string) => `CANARY-${label}-${randomBytes(6).toString('hex')}`;

t.test('private inputs stay private', async (t) => {
  const { app, logs, testDatabase } = await build(t);
  const { sales, procurement, dealId } = await sharedDeal(app);
  const salesCanaries = Array.from({ length: 6 }, (_, i) => canary(`sales-${i}`));
  const salesAssessment = assessment({
    objectives: [
      { category: 'cost_savings', note: salesCanaries[0] ?? '' },
      { category: 'speed_to_value', note: salesCanaries[1] ?? '' },
      { category: 'scalability', note: salesCanaries[2] ?? '' },
    ],
    risks: {
      operational: { likelihood: 1, impact: 1, note: salesCanaries[3] ?? '' },
      financial: { likelihood: 5, impact: 5, note: salesCanaries[4] ?? '' },
      informationSecurity: { likelihood: 2, impact: 2, note: salesCanaries[5] ?? '' },
    },
    nature: { supplyRisk: 1, businessImpact: 1 },
    disclosure: 'detailed',
  });
  // Procurement chose none of sales' unmatched categories except a related one.
  const procurementAssessment = assessment({ disclosure: 'detailed' }, canary('procurement'));
  t.equal((await saveAndSubmit(app, sales, dealId, salesAssessment)).statusCode, 200);
  t.equal((await saveAndSubmit(app, procurement, dealId, procurementAssessment)).statusCode, 200);
  // A second round so versions, pending rounds and round notices are all exercised.
  t.equal(
    (await saveAndSubmit(app, sales, dealId, { ...salesAssessment, disclosure: 'standard' })).statusCode,
    200,
  );

  const outsiderSameSide = await signUp(app, 'sales');
  const outsiderOtherSide = await signUp(app, 'procurement');
  const readers = { counterparty: procurement, outsiderSameSide, outsiderOtherSide };
  const urls = [
    `/v1/deals/${dealId}`,
    '/v1/deals',
    `/v1/deals/${dealId}/alignment`,
    `/v1/deals/${dealId}/alignment/versions`,
    `/v1/deals/${dealId}/events`,
    `/v1/deals/${dealId}/assessment`,
    '/v1/audit-events',
    '/v1/me',
  ];

  t.test(
    'when the counterparty or outsiders fetch everything, then no sales note and no unmatched category appears',
    async (t) => {
      for (const [who, reader] of Object.entries(readers)) {
        for (const url of urls) {
          const res = await app.inject({ method: 'GET', url, headers: reader.auth });
          for (const secret of salesCanaries) t.notMatch(res.body, secret, `${who} GET ${url}`);
          // Sales' unmatched objectives (procurement chose business_value, quality, long_term_partnership).
          t.notMatch(
            res.body,
            /cost_savings|speed_to_value|scalability/,
            `${who} GET ${url}: no unmatched category`,
          );
        }
        const submit = await app.inject({
          method: 'POST',
          url: `/v1/deals/${dealId}/assessment/submit`,
          headers: reader.auth,
        });
        for (const secret of salesCanaries) t.notMatch(submit.body, secret, `${who} submit error`);
      }
      const report = await app.inject({
        method: 'GET',
        url: `/v1/deals/${dealId}/alignment`,
        headers: procurement.auth,
      });
      t.notMatch(
        report.body,
        /"likelihood"|"impact"|"supplyRisk"|"businessImpact"|"note"/,
        'no numbers or notes from an assessment',
      );
    },
  );

  t.test('when outsiders ask for the deal, then it does not exist for them', async (t) => {
    for (const reader of [outsiderSameSide, outsiderOtherSide]) {
      for (const url of urls.filter((u) => u.includes(dealId))) {
        const res = await app.inject({ method: 'GET', url, headers: reader.auth });
        t.equal(res.statusCode, 404, url);
      }
    }
  });

  t.test(
    'when the counterparty asks for "the" assessment, then it gets its own, never the other',
    async (t) => {
      const res = await app.inject({
        method: 'GET',
        url: `/v1/deals/${dealId}/assessment`,
        headers: procurement.auth,
      });
      t.equal(res.statusCode, 200);
      t.same(
        res.json().objectives.map((o: { category: string }) => o.category),
        ['business_value', 'quality', 'long_term_partnership'],
      );
    },
  );

  t.test('when the server log is read, then it holds no note', async (t) => {
    const log = logs.join('\n');
    for (const secret of [...salesCanaries]) t.notMatch(log, secret);
  });

  t.test('when the raw tables are read, then the private content is ciphertext only', async (t) => {
    const dump = await testDatabase.database.asSystem(async (trx) => {
      const tables = [
        'assessments',
        'assessment_submissions',
        'alignment_reports',
        'deal_events',
        'audit_events',
        'deal_keys',
      ];
      const rows: unknown[] = [];
      for (const table of tables)
        rows.push(...(await sql`select * from ${sql.table(table)}`.execute(trx)).rows);
      return JSON.stringify(rows);
    });
    for (const secret of salesCanaries) t.notMatch(dump, secret);
    t.notMatch(
      dump,
      /cost_savings|speed_to_value|scalability/,
      'no objective category in the clear (nor in stored reports)',
    );
    const stored = await testDatabase.database.asSystem(async (trx) =>
      trx.selectFrom('assessments').select('content').where('deal_id', '=', dealId).execute(),
    );
    for (const row of stored) t.match(row.content, /^v1\.[A-Za-z0-9+/=]+$/);
  });

  t.test(
    'when the request role queries the other side’s rows by hand, then PostgreSQL hides them',
    async (t) => {
      const seen = await testDatabase.database.asOrg(procurement.organisation.id, async (trx) => ({
        assessments: (
          await sql<{ side: string }>`select side from assessments where deal_id = ${dealId}`.execute(trx)
        ).rows,
        submissions: (
          await sql<{
            side: string;
          }>`select side from assessment_submissions where deal_id = ${dealId}`.execute(trx)
        ).rows,
        invitations: (await sql`select * from invitations where deal_id = ${dealId}`.execute(trx)).rows,
        viaFunction: (await sql`select * from round_submissions(${dealId})`.execute(trx)).rows,
      }));
      t.same(
        new Set(seen.assessments.map((r) => r.side)),
        new Set(['procurement']),
        'only its own assessment',
      );
      t.ok(
        seen.submissions.every((r) => r.side === 'procurement'),
        'only its own submissions',
      );
      t.same(seen.invitations, [], 'invitations belong to the side that issued them');
      t.same(seen.viaFunction, [], 'the privileged function answers only while a round is being closed');
      const outsider = await testDatabase.database.asOrg(
        outsiderOtherSide.organisation.id,
        async (trx) => (await sql`select * from round_submissions(${dealId})`.execute(trx)).rows,
      );
      t.same(outsider, []);
      const before = await testDatabase.database.asSystem((trx) =>
        trx
          .selectFrom('assessments')
          .select('content')
          .where('deal_id', '=', dealId)
          .where('side', '=', 'sales')
          .executeTakeFirstOrThrow(),
      );
      await testDatabase.database.asOrg(procurement.organisation.id, (trx) =>
        sql`update assessments set content = 'overwritten' where deal_id = ${dealId} and side = 'sales'`.execute(
          trx,
        ),
      );
      const after = await testDatabase.database.asSystem((trx) =>
        trx
          .selectFrom('assessments')
          .select('content')
          .where('deal_id', '=', dealId)
          .where('side', '=', 'sales')
          .executeTakeFirstOrThrow(),
      );
      t.equal(after.content, before.content, 'and cannot overwrite them');
    },
  );
});
