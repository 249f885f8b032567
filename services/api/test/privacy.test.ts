import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import t from 'tap';
import { build } from './helpers/build.js';
import { assessment, saveAndSubmit, sharedDeal } from './helpers/deals.js';
import { addMember, signUp } from './helpers/identity.js';

const canary = (label: string) => `CANARY-${label}-${randomBytes(6).toString('hex')}`;

t.test('private inputs stay private', async (t) => {
  const { app, logs, testDatabase } = await build(t);
  const { sales, procurement, dealId } = await sharedDeal(app);
  const assessmentCanaries = Array.from({ length: 6 }, (_, i) => canary(`sales-${i}`));
  // A contributor's private view and the side's stakeholder notes are private inputs too (issue 17).
  const teamCanaries = { contribution: canary('contribution'), stakeholder: canary('stakeholder') };
  const salesCanaries = [...assessmentCanaries, ...Object.values(teamCanaries)];
  const salesAssessment = assessment({
    objectives: [
      { category: 'cost_savings', note: assessmentCanaries[0] ?? '' },
      { category: 'speed_to_value', note: assessmentCanaries[1] ?? '' },
      { category: 'scalability', note: assessmentCanaries[2] ?? '' },
    ],
    risks: {
      operational: { likelihood: 1, impact: 1, note: assessmentCanaries[3] ?? '' },
      financial: { likelihood: 5, impact: 5, note: assessmentCanaries[4] ?? '' },
      informationSecurity: { likelihood: 2, impact: 2, note: assessmentCanaries[5] ?? '' },
    },
    nature: { supplyRisk: 1, businessImpact: 1 },
    disclosure: 'detailed',
  });
  // Procurement chose none of sales' unmatched categories except a related one.
  const procurementAssessment = assessment({ disclosure: 'detailed' }, canary('procurement'));
  const contributor = await addMember(app, sales, 'member');
  const teamCall = (auth: { authorization: string }, method: 'PUT' | 'POST', url: string, payload: object) =>
    app.inject({ method, url: `/v1/deals/${dealId}${url}`, headers: auth, payload });
  t.equal(
    (await teamCall(sales.auth, 'PUT', `/team/${contributor.member.id}`, { role: 'contributor' })).statusCode,
    201,
  );
  const contribution = await teamCall(contributor.auth, 'PUT', '/contributions/mine', {
    risks: { financial: { likelihood: 4, impact: 4, note: teamCanaries.contribution } },
    nature: { supplyRisk: 1, businessImpact: 1 },
  });
  t.equal(contribution.statusCode, 200, contribution.body);
  const stakeholder = await teamCall(sales.auth, 'POST', '/stakeholders', {
    name: 'Dana Procurement',
    side: 'procurement',
    role: 'blocker',
    influence: 'high',
    stance: 'opposed',
    notes: teamCanaries.stakeholder,
  });
  t.equal(stakeholder.statusCode, 201, stakeholder.body);
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
    `/v1/deals/${dealId}/team`,
    `/v1/deals/${dealId}/contributions`,
    `/v1/deals/${dealId}/contributions/mine`,
    `/v1/deals/${dealId}/internal-alignment`,
    `/v1/deals/${dealId}/stakeholders`,
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
    // Every table, so that a table added later is scanned without anyone remembering to list it.
    const dump = await testDatabase.database.asSystem(async (trx) => {
      const tables = (
        await sql<{
          name: string;
        }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(trx)
      ).rows.map((row) => row.name);
      const rows: Record<string, unknown[]> = {};
      for (const table of tables)
        rows[table] = (await sql`select * from ${sql.table(table)}`.execute(trx)).rows;
      return rows;
    });
    t.ok(Object.keys(dump).includes('deal_contributions') && Object.keys(dump).includes('deal_stakeholders'));
    const everything = JSON.stringify(dump);
    for (const secret of salesCanaries) t.notMatch(everything, secret, 'no private input in any table');
    const privateTables = JSON.stringify(
      [
        'assessments',
        'assessment_submissions',
        'alignment_reports',
        'deal_events',
        'audit_events',
        'deal_keys',
        'deal_contributions',
        'deal_stakeholders',
      ].map((table) => dump[table]),
    );
    t.notMatch(
      privateTables,
      /cost_savings|speed_to_value|scalability/,
      'no objective category in the clear (nor in stored reports)',
    );
    const stored = await testDatabase.database.asSystem(async (trx) =>
      trx.selectFrom('assessments').select('content').where('deal_id', '=', dealId).execute(),
    );
    for (const row of stored) t.match(row.content, /^v1\.[A-Za-z0-9+/=]+$/);
    t.equal(dump.deal_contributions?.length, 1);
    for (const row of dump.deal_contributions as Array<{ content: string }>)
      t.match(row.content, /^v1\.[A-Za-z0-9+/=]+$/, 'a contribution is sealed like an assessment');
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
        team: [
          ...(await sql`select * from deal_contributions where deal_id = ${dealId}`.execute(trx)).rows,
          ...(await sql`select * from deal_stakeholders where deal_id = ${dealId}`.execute(trx)).rows,
          ...(
            await sql`select * from deal_team_members where deal_id = ${dealId} and organisation_id <> ${procurement.organisation.id}`.execute(
              trx,
            )
          ).rows,
        ],
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
      t.same(seen.team, [], 'nor the other side’s team, contributions or stakeholder map');
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
