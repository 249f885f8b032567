import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import t from 'tap';
import { build } from './helpers/build.js';
import { type AssessmentBody, assessment, saveAndSubmit, sharedDeal } from './helpers/deals.js';
import { addMember } from './helpers/identity.js';

interface ContributionBody {
  objectives?: { category: string; note?: string }[];
  risks: Partial<AssessmentBody['risks']>;
  nature?: AssessmentBody['nature'];
}

const canary = (label: string) => `CANARY_${label}_${randomBytes(5).toString('hex')}`;

t.test('a buying committee: roles, private contributions, internal spread, consolidation', async (t) => {
  const { app, testDatabase } = await build(t, { config: { WEBHOOK_WORKER_ENABLED: false } });
  const { sales, procurement, dealId } = await sharedDeal(app);
  const ciso = await addMember(app, procurement, 'member');
  const finance = await addMember(app, procurement, 'member');
  const watcher = await addMember(app, procurement, 'member');
  const call = (
    auth: { authorization: string },
    method: 'GET' | 'PUT' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
  ) =>
    app.inject({ method, url: `/v1/deals/${dealId}${url}`, headers: auth, ...(payload ? { payload } : {}) });
  const secrets = { ciso: canary('ciso'), finance: canary('finance'), stakeholder: canary('stakeholder') };

  // Not on the team: reads only.
  t.equal(
    (await call(ciso.auth, 'PUT', '/contributions/mine', { nature: { supplyRisk: 2, businessImpact: 2 } }))
      .statusCode,
    403,
  );
  t.equal((await call(ciso.auth, 'PUT', '/assessment', assessment())).statusCode, 403);

  const candidates = await call(procurement.auth, 'GET', '/team/candidates');
  t.equal(candidates.statusCode, 200, candidates.body);
  t.same(
    candidates
      .json()
      .data.map((person: { userId: string }) => person.userId)
      .sort(),
    [ciso.member.id, finance.member.id, watcher.member.id].sort(),
    'the owner’s colleagues not on the team, and nobody of the other side',
  );
  t.equal((await call(ciso.auth, 'GET', '/team/candidates')).statusCode, 403, 'only owners add people');
  const asked = await call(procurement.auth, 'PUT', `/team/${ciso.member.id}`, {
    role: 'contributor',
    askedParts: ['informationSecurity'],
  });
  t.equal(asked.statusCode, 201, asked.body);
  t.same(asked.json().askedParts, ['informationSecurity']);
  t.equal(
    (await call(procurement.auth, 'PUT', `/team/${finance.member.id}`, { role: 'contributor' })).statusCode,
    201,
  );
  t.equal(
    (await call(procurement.auth, 'PUT', `/team/${watcher.member.id}`, { role: 'viewer' })).statusCode,
    201,
  );
  t.equal(
    (await call(ciso.auth, 'PUT', `/team/${finance.member.id}`, { role: 'owner' })).statusCode,
    403,
    'a contributor does not manage the team',
  );
  t.same(
    (await call(procurement.auth, 'GET', '/team/candidates')).json().data,
    [],
    'everyone is on the team now',
  );

  const tooMuch = await call(ciso.auth, 'PUT', '/contributions/mine', {
    objectives: [{ category: 'quality' }, { category: 'innovation' }, { category: 'compliance' }],
    risks: { informationSecurity: { likelihood: 5, impact: 5 } },
  });
  t.equal(tooMuch.statusCode, 422, 'the CISO is asked for information security only');
  t.same(
    tooMuch.json().errors.map((e: { path: string }) => e.path),
    ['/objectives'],
  );
  const cisoView = await call(ciso.auth, 'PUT', '/contributions/mine', {
    risks: { informationSecurity: { likelihood: 5, impact: 5, note: secrets.ciso } },
  });
  t.equal(cisoView.statusCode, 200, cisoView.body);
  const financeView = await call(finance.auth, 'PUT', '/contributions/mine', {
    objectives: [
      { category: 'business_value', note: secrets.finance },
      { category: 'quality' },
      { category: 'long_term_partnership' },
    ],
    risks: { informationSecurity: { likelihood: 1, impact: 2 }, financial: { likelihood: 2, impact: 2 } },
    nature: { supplyRisk: 4, businessImpact: 4 },
  });
  t.equal(financeView.statusCode, 200, financeView.body);
  t.equal(
    (await call(watcher.auth, 'PUT', '/contributions/mine', { nature: { supplyRisk: 1, businessImpact: 1 } }))
      .statusCode,
    403,
    'a viewer cannot edit',
  );
  t.equal(
    (await call(watcher.auth, 'POST', '/milestones', { title: 'x', ownerSide: 'procurement' })).statusCode,
    403,
    'nor the plan',
  );
  t.equal(
    (await call(ciso.auth, 'POST', '/assessment/submit')).statusCode,
    403,
    'a contributor cannot submit',
  );

  const own = await call(ciso.auth, 'GET', '/contributions');
  t.same(
    own.json().data.map((c: { id: string }) => c.id),
    [cisoView.json().id],
    'a contributor sees its own only',
  );
  t.equal(
    (await call(procurement.auth, 'GET', '/contributions')).json().data.length,
    2,
    'the owner sees every one',
  );

  t.equal((await call(ciso.auth, 'GET', '/internal-alignment')).statusCode, 403, 'not shared yet');
  const spread = await call(procurement.auth, 'GET', '/internal-alignment');
  t.equal(spread.statusCode, 200, spread.body);
  t.match(spread.json().risks.informationSecurity, { spread: 3, status: 'major_gap' });
  t.match(
    spread.json().recommendations[0].message,
    /A member and A member differ by 3 bands on information security risk/,
  );
  t.equal(
    (await call(procurement.auth, 'PUT', '/internal-alignment/sharing', { shared: true })).statusCode,
    200,
  );
  t.equal((await call(ciso.auth, 'GET', '/internal-alignment')).statusCode, 200, 'shared with the team');

  const consolidated = await call(procurement.auth, 'POST', '/assessment/consolidate', {
    objectives: { from: financeView.json().id },
    risks: {
      informationSecurity: { average: [cisoView.json().id, financeView.json().id] },
      financial: { from: financeView.json().id },
      operational: { override: { likelihood: 2, impact: 3 } },
    },
    nature: { from: financeView.json().id },
  });
  t.equal(consolidated.statusCode, 200, consolidated.body);
  t.same(
    consolidated.json().assessment.risks.informationSecurity,
    { likelihood: 3, impact: 4 },
    'mean rounded half up',
  );
  t.same(consolidated.json().sources, [cisoView.json().id, financeView.json().id].sort());
  for (const secret of [secrets.ciso, secrets.finance])
    t.notMatch(
      (await call(watcher.auth, 'GET', '/assessment')).body,
      secret,
      'a contribution’s notes stay in it: the side’s draft, which every member reads, takes none',
    );
  const draft = consolidated.json().assessment;
  const { status: _s, revision: _r, updatedAt: _u, ...content } = draft;
  t.equal(
    (await call(procurement.auth, 'PUT', '/assessment', { ...content, disclosure: 'detailed' })).statusCode,
    200,
  );
  t.equal((await call(procurement.auth, 'POST', '/assessment/submit')).statusCode, 200, 'the owner submits');

  const stakeholder = await call(finance.auth, 'POST', '/stakeholders', {
    name: 'Pat Buyer',
    side: 'procurement',
    role: 'economic_buyer',
    influence: 'high',
    notes: secrets.stakeholder,
  });
  t.equal(stakeholder.statusCode, 201, stakeholder.body);
  t.equal(
    (await call(watcher.auth, 'POST', '/stakeholders', { name: 'x', side: 'sales', role: 'user' }))
      .statusCode,
    403,
  );
  t.equal(
    (await call(watcher.auth, 'GET', '/stakeholders')).json().data[0].notes,
    secrets.stakeholder,
    'a viewer reads',
  );
  const stale = await app.inject({
    method: 'PATCH',
    url: `/v1/deals/${dealId}/stakeholders/${stakeholder.json().id}`,
    headers: { ...finance.auth, 'if-match': '"stale"' },
    payload: { stance: 'supportive' },
  });
  t.equal(stale.statusCode, 412);

  // The other side sees none of it, nor that it exists.
  for (const url of ['/team', '/contributions', '/stakeholders', '/internal-alignment', '/events', '']) {
    const res = await call(sales.auth, 'GET', url);
    for (const value of [...Object.values(secrets), ciso.member.id, 'ctb_', 'Pat Buyer'])
      t.notMatch(res.body, value, `the supplier's GET ${url || '/'} carries nothing of the buyer's team`);
  }
  t.same((await call(sales.auth, 'GET', '/contributions')).json().data, []);
  const dump = await testDatabase.database.asSystem(async (trx) => {
    const rows: unknown[] = [];
    for (const table of [
      'deal_contributions',
      'deal_stakeholders',
      'audit_events',
      'deal_events',
      'assessments',
    ])
      rows.push(...(await sql`select * from ${sql.table(table)}`.execute(trx)).rows);
    return JSON.stringify(rows);
  });
  for (const value of Object.values(secrets)) t.notMatch(dump, value, 'sealed at rest');
  const audit = await testDatabase.database.asSystem((trx) =>
    trx.selectFrom('audit_events').select('detail').where('action', '=', 'assessment.consolidated').execute(),
  );
  t.match(JSON.stringify(audit), cisoView.json().id, 'the audit trail names the contributions used');
});

/** Ids, times and versions differ between any two deals; what is left is what the view says. */
function comparable(body: string, dealId: string): unknown {
  return JSON.parse(
    body
      .replaceAll(dealId, 'DEAL')
      .replace(/\b[a-z]{3,4}_[0-9a-z]{26}\b/g, 'ID')
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, 'TIME')
      .replace(/"(etag|version|cursor|nextCursor)":("[^"]*"|\d+)/g, '"$1":"V"'),
  );
}

t.test("the counterparty's view is the same whether or not the side had contributions", async (t) => {
  const { app } = await build(t, { config: { WEBHOOK_WORKER_ENABLED: false } });
  const { sales, procurement } = await sharedDeal(app);
  const colleagues = [
    await addMember(app, procurement, 'member'),
    await addMember(app, procurement, 'member'),
  ];
  const newDeal = async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/v1/deals',
      headers: sales.auth,
      payload: { title: 'Fleet telematics rollout' },
    });
    const code = (
      await app.inject({
        method: 'POST',
        url: `/v1/deals/${created.json().id}/invitations`,
        headers: sales.auth,
      })
    ).json().code;
    await app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      headers: procurement.auth,
      payload: { code },
    });
    return created.json().id as string;
  };
  const supplierSees = async (dealId: string) => {
    const views: Record<string, unknown> = {};
    for (const url of ['', '/alignment', '/alignment/versions', '/events', '/team', '/milestones']) {
      const res = await app.inject({ method: 'GET', url: `/v1/deals/${dealId}${url}`, headers: sales.auth });
      views[url || '/'] = { status: res.statusCode, body: comparable(res.body, dealId) };
    }
    return views;
  };
  const runDeal = async (dealId: string, buyer: AssessmentBody, contributions: ContributionBody[]) => {
    for (const [index, content] of contributions.entries()) {
      const colleague = colleagues[index] as (typeof colleagues)[number];
      const headers = procurement.auth;
      await app.inject({
        method: 'PUT',
        url: `/v1/deals/${dealId}/team/${colleague.member.id}`,
        headers,
        payload: { role: 'contributor' },
      });
      const res = await app.inject({
        method: 'PUT',
        url: `/v1/deals/${dealId}/contributions/mine`,
        headers: colleague.auth,
        payload: content,
      });
      if (res.statusCode !== 200) throw new Error(`contribution: ${res.statusCode} ${res.body}`);
    }
    if (contributions.length > 0) {
      await app.inject({
        method: 'GET',
        url: `/v1/deals/${dealId}/internal-alignment`,
        headers: procurement.auth,
      });
      await app.inject({
        method: 'PUT',
        url: `/v1/deals/${dealId}/internal-alignment/sharing`,
        headers: procurement.auth,
        payload: { shared: true },
      });
    }
    t.equal((await saveAndSubmit(app, sales, dealId, assessment())).statusCode, 200);
    t.equal((await saveAndSubmit(app, procurement, dealId, buyer)).statusCode, 200);
  };

  const rating = fc.integer({ min: 1, max: 5 });
  const risk = fc.record({ likelihood: rating, impact: rating, note: fc.constant(canary('contribution')) });
  const contribution: fc.Arbitrary<ContributionBody> = fc.record(
    {
      objectives: fc
        .uniqueArray(fc.constantFrom('cost_savings', 'quality', 'innovation', 'compliance', 'scalability'), {
          minLength: 3,
          maxLength: 3,
        })
        .map((categories) => categories.map((category) => ({ category, note: canary('objective') }))),
      risks: fc.record(
        { operational: risk, financial: risk, informationSecurity: risk },
        { requiredKeys: [] },
      ),
      nature: fc.record({ supplyRisk: rating, businessImpact: rating }),
    },
    { requiredKeys: ['risks'] },
  );
  const buyer = fc
    .tuple(rating, rating, rating, rating)
    .map(([likelihood, impact, supplyRisk, businessImpact]) => {
      const body = assessment({ nature: { supplyRisk, businessImpact } });
      return { ...body, risks: { ...body.risks, financial: { likelihood, impact } } };
    });

  await fc.assert(
    fc.asyncProperty(
      buyer,
      fc.array(contribution, { minLength: 1, maxLength: 2 }),
      async (body, contributions) => {
        const plain = await newDeal();
        const teamed = await newDeal();
        await runDeal(plain, body, []);
        await runDeal(teamed, body, contributions);
        const [without, withContributions] = [await supplierSees(plain), await supplierSees(teamed)];
        t.same(withContributions, without, 'the supplier cannot tell that the buyer had contributions');
        return JSON.stringify(withContributions) === JSON.stringify(without);
      },
    ),
    { numRuns: 3 },
  );
});
