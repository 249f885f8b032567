import { randomBytes } from 'node:crypto';
import { ASSESSMENT_PARTS } from '@cg/domain';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import t from 'tap';
import { build } from './helpers/build.js';
import { assessment, sharedDeal } from './helpers/deals.js';
import type { SignedUp } from './helpers/identity.js';

/*
 * Issue 17, "drafts that behave like drafts": a PUT stores whatever valid parts it gets, a submit
 * of an incomplete draft is a 422 naming exactly the missing parts, and a partial draft is as
 * private as a complete one.
 */

const canary = (label: string) => `CANARY_DRAFT_${label}_${randomBytes(5).toString('hex')}`;

const put = (app: FastifyInstance, party: SignedUp, dealId: string, payload: unknown) =>
  app.inject({
    method: 'PUT',
    url: `/v1/deals/${dealId}/assessment`,
    headers: party.auth,
    payload: payload as object,
  });
const get = (app: FastifyInstance, party: SignedUp, dealId: string) =>
  app.inject({ method: 'GET', url: `/v1/deals/${dealId}/assessment`, headers: party.auth });
const submit = (app: FastifyInstance, party: SignedUp, dealId: string) =>
  app.inject({ method: 'POST', url: `/v1/deals/${dealId}/assessment/submit`, headers: party.auth });

/** The stored content of a reply: the assessment without its state fields. */
function contentOf(body: Record<string, unknown>) {
  const { status: _status, revision: _revision, updatedAt: _updatedAt, ...content } = body;
  return content;
}

const full = assessment();
const PART_SHAPES: Array<[string, Record<string, unknown>, string[]]> = [
  ['an empty draft', {}, [...ASSESSMENT_PARTS]],
  [
    'only the objectives',
    { objectives: full.objectives },
    ASSESSMENT_PARTS.filter((p) => !p.startsWith('/objectives')),
  ],
  [
    'one objective',
    { objectives: [{ category: 'quality', note: 'first' }] },
    ASSESSMENT_PARTS.filter((p) => p !== '/objectives/0'),
  ],
  [
    'objectives with a gap in the middle',
    { objectives: [{ category: 'quality' }, null, { category: 'innovation' }] },
    ASSESSMENT_PARTS.filter((p) => p !== '/objectives/0' && p !== '/objectives/2'),
  ],
  [
    'one risk category',
    { risks: { financial: { likelihood: 4, impact: 5 } } },
    ASSESSMENT_PARTS.filter((p) => p !== '/risks/financial'),
  ],
  ['all the risks', { risks: full.risks }, ASSESSMENT_PARTS.filter((p) => !p.startsWith('/risks'))],
  [
    'nature alone',
    { nature: { supplyRisk: 2, businessImpact: 5 } },
    ASSESSMENT_PARTS.filter((p) => p !== '/nature'),
  ],
  ['disclosure alone', { disclosure: 'summary' }, ASSESSMENT_PARTS.filter((p) => p !== '/disclosure')],
  [
    'everything but the third objective',
    { ...full, objectives: full.objectives.slice(0, 2) },
    ['/objectives/2'],
  ],
];

t.test('partial drafts', async (t) => {
  const { app, testDatabase } = await build(t);

  t.test(
    'when a draft of any part shape is saved, then it is stored as sent and submit names exactly what is missing',
    async (t) => {
      for (const [name, body, missing] of PART_SHAPES) {
        const { sales, dealId } = await sharedDeal(app);
        const saved = await put(app, sales, dealId, body);
        t.equal(saved.statusCode, 200, `${name}: PUT 200`);
        t.match(saved.headers.etag, /^"a\d+"$/, `${name}: ETag`);
        t.strictSame(contentOf(saved.json()), body, `${name}: PUT answers the stored parts`);
        t.match(saved.json(), { status: 'draft', revision: 1 });
        const read = await get(app, sales, dealId);
        t.equal(read.statusCode, 200);
        t.strictSame(contentOf(read.json()), body, `${name}: GET returns the partial draft as stored`);
        const refused = await submit(app, sales, dealId);
        t.equal(refused.statusCode, 422, `${name}: submit 422`);
        t.match(refused.headers['content-type'], /application\/problem\+json/);
        t.match(refused.json(), { type: /unprocessable-request/, status: 422 });
        t.strictSame(
          refused.json().errors.map((issue: { path: string }) => issue.path),
          missing,
          `${name}: exactly the missing parts`,
        );
      }
    },
  );

  t.test('when invalid parts are sent, then 400 lists each bad path and nothing is stored', async (t) => {
    const { sales, dealId } = await sharedDeal(app);
    const cases: Array<[string, unknown, string[]]> = [
      [
        'an out-of-range likelihood and an unknown level',
        { risks: { financial: { likelihood: 9, impact: 2 } }, disclosure: 'everything' },
        ['/body/risks/financial/likelihood', '/body/disclosure'],
      ],
      [
        'a risk category rated by half',
        { risks: { operational: { likelihood: 2 } } },
        ['/body/risks/operational/impact'],
      ],
      ['an unknown category', { objectives: [{ category: 'world_peace' }] }, ['/body/objectives/0/category']],
      [
        'a duplicate category',
        { objectives: [{ category: 'quality' }, null, { category: 'quality' }] },
        ['/body/objectives/2/category'],
      ],
      [
        'four objectives',
        { objectives: [...full.objectives, { category: 'innovation' }] },
        ['/body/objectives'],
      ],
      ['a nature position by half', { nature: { supplyRisk: 3 } }, ['/body/nature/businessImpact']],
      ['an unknown field', { objective: [] }, ['/body']],
      ['an unknown risk category', { risks: { legal: { likelihood: 1, impact: 1 } } }, ['/body/risks']],
    ];
    for (const [name, body, paths] of cases) {
      const res = await put(app, sales, dealId, body);
      t.equal(res.statusCode, 400, `${name}: 400`);
      const reported = res.json().errors.map((issue: { path: string }) => issue.path);
      for (const path of paths)
        t.ok(reported.includes(path), `${name}: names ${path} (got ${reported.join(', ')})`);
    }
    t.equal((await get(app, sales, dealId)).statusCode, 404, 'no draft was stored');
  });

  t.test(
    'when a partial draft is completed step by step, then submit behaves exactly as today',
    async (t) => {
      const { sales, procurement, dealId } = await sharedDeal(app);
      t.equal((await put(app, sales, dealId, { objectives: full.objectives })).statusCode, 200);
      t.equal(
        (await put(app, sales, dealId, { objectives: full.objectives, risks: full.risks })).statusCode,
        200,
      );
      t.strictSame(
        (await submit(app, sales, dealId)).json().errors.map((issue: { path: string }) => issue.path),
        ['/nature', '/disclosure'],
      );
      const complete = await put(app, sales, dealId, full);
      t.strictSame(contentOf(complete.json()), full);
      const first = await submit(app, sales, dealId);
      t.equal(first.statusCode, 200);
      t.match(first.json(), { status: 'submitted', round: 1, outcome: 'submitted' });
      t.equal((await put(app, procurement, dealId, full)).statusCode, 200);
      const closing = await submit(app, procurement, dealId);
      t.match(closing.json(), { status: 'submitted', round: 1, outcome: 'closed' });
      const report = await app.inject({
        method: 'GET',
        url: `/v1/deals/${dealId}/alignment`,
        headers: sales.auth,
      });
      t.match(report.json(), { status: 'ready', score: 100, band: 'strong' });

      // After a report, a half-edited new draft cannot be submitted, and the submitted version stays in force.
      t.equal((await put(app, sales, dealId, { objectives: full.objectives })).statusCode, 200);
      t.equal((await submit(app, sales, dealId)).statusCode, 422);
      const deal = await app.inject({ method: 'GET', url: `/v1/deals/${dealId}`, headers: sales.auth });
      t.match(deal.json().submissions.sales, { submitted: true, revision: 1 });
      t.equal((await put(app, sales, dealId, full)).statusCode, 200);
      t.equal(
        (await submit(app, sales, dealId)).statusCode,
        409,
        'the completed draft unchanged: 409 as before',
      );
    },
  );

  t.test(
    'when one side keeps a partial draft with canaries, then the other side never sees it',
    async (t) => {
      const { sales, procurement, dealId } = await sharedDeal(app);
      const notes = [canary('objective'), canary('risk')];
      const draft = {
        objectives: [{ category: 'scalability', note: notes[0] }],
        risks: { informationSecurity: { likelihood: 5, impact: 5, note: notes[1] } },
      };
      t.equal((await put(app, sales, dealId, draft)).statusCode, 200);
      t.equal(
        (await get(app, procurement, dealId)).statusCode,
        404,
        'the counterparty has no draft of its own',
      );
      t.equal((await submit(app, procurement, dealId)).statusCode, 409, 'nor anything to submit');
      const seen: string[] = [];
      for (const url of [
        `/v1/deals/${dealId}`,
        `/v1/deals/${dealId}/alignment`,
        `/v1/deals/${dealId}/alignment/versions`,
        `/v1/deals/${dealId}/events`,
        '/v1/deals',
        '/v1/audit-events',
      ]) {
        const res = await app.inject({ method: 'GET', url, headers: procurement.auth });
        seen.push(res.body);
      }
      const alignment = JSON.parse(seen[1] ?? '{}');
      t.match(alignment, { status: 'awaiting_submissions' });
      const everything = seen.join('\n');
      for (const note of notes) t.notOk(everything.includes(note), 'no canary reaches the other side');
      t.notOk(everything.includes('scalability'), 'nor the chosen category');
      t.equal((await put(app, procurement, dealId, { disclosure: 'summary' })).statusCode, 200);
      const own = await get(app, procurement, dealId);
      t.strictSame(
        contentOf(own.json()),
        { disclosure: 'summary' },
        'the counterparty reads only its own draft',
      );

      const dump = await testDatabase.database.asSystem(async (trx) => {
        const rows: unknown[] = [];
        for (const table of ['assessments', 'deal_events', 'audit_events'])
          rows.push(...(await sql`select * from ${sql.table(table)}`.execute(trx)).rows);
        return JSON.stringify(rows);
      });
      for (const note of notes) t.notOk(dump.includes(note), 'the partial draft is encrypted at rest');
      const rows = await testDatabase.database.asOrg(
        procurement.organisation.id,
        async (trx) =>
          (await sql<{ side: string }>`select side from assessments where deal_id = ${dealId}`.execute(trx))
            .rows,
      );
      t.strictSame(
        rows.map((row) => row.side),
        ['procurement'],
        'row-level security hides the sales draft',
      );
    },
  );
});
