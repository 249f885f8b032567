import fc from 'fast-check';
import t from 'tap';
import {
  CONTRIBUTION_PARTS,
  type Contribution,
  type ContributionContent,
  type ContributionPart,
  consolidate,
  contributionPartsOf,
  internalFindingMessage,
  internalSpread,
  RISK_BANDS,
  RISK_CATEGORIES,
} from '../src/index.js';
import { assessment, holds, plantedNote, rating } from './arbitraries.js';

/** A contribution of a random subset of the parts, cut from a valid assessment. */
function contributionOf(id: string, note = plantedNote): fc.Arbitrary<Contribution> {
  return fc.tuple(assessment(note), fc.subarray([...CONTRIBUTION_PARTS])).map(([full, parts]) => {
    const content: ContributionContent = {};
    for (const part of parts) {
      if (part === 'objectives') content.objectives = full.objectives;
      else if (part === 'nature') content.nature = full.nature;
      else content.risks = { ...content.risks, [part]: full.risks[part] };
    }
    return { id, content };
  });
}

const team = (min = 0, max = 6): fc.Arbitrary<Contribution[]> =>
  fc
    .integer({ min, max })
    .chain((size) =>
      size === 0
        ? fc.constant([])
        : fc.tuple(...Array.from({ length: size }, (_, i) => contributionOf(`ctb_${i}`))),
    );

const ctb = (id: string, content: ContributionContent): Contribution => ({ id, content });

t.test('internal spread by example', async (t) => {
  const finance = ctb('finance', { risks: { financial: { likelihood: 1, impact: 1 } } });
  const ciso = ctb('ciso', {
    risks: { financial: { likelihood: 4, impact: 4 }, informationSecurity: { likelihood: 5, impact: 5 } },
  });
  const spread = internalSpread([finance, ciso]);
  t.equal(spread.contributors, 2);
  t.equal(
    spread.risks.financial.spread,
    RISK_BANDS.findIndex((band) => band.band === 'high'),
  );
  t.equal(spread.risks.financial.status, 'major_gap');
  t.equal(spread.risks.financial.lowest, 'finance');
  t.equal(spread.risks.financial.highest, 'ciso');
  t.equal(spread.risks.informationSecurity.views.length, 1, 'one view is no spread');
  t.equal(spread.risks.informationSecurity.status, 'aligned');
  t.strictSame(spread.findings, [
    { code: 'INTERNAL_RISK_SPREAD', category: 'financial', between: ['finance', 'ciso'], bands: 2 },
  ]);
  const names: Record<string, string> = { finance: 'Fiona (finance)', ciso: 'Sam (CISO)' };
  t.equal(
    internalFindingMessage(spread.findings[0] as (typeof spread.findings)[number], (id) => names[id] ?? id),
    'Fiona (finance) and Sam (CISO) differ by 2 bands on financial risk: settle it inside your side before you submit.',
  );

  const split = internalSpread([
    ctb('a', { nature: { supplyRisk: 5, businessImpact: 5 } }),
    ctb('b', { nature: { supplyRisk: 1, businessImpact: 1 } }),
  ]);
  t.notOk(split.nature.agreed);
  t.strictSame(split.findings, [{ code: 'INTERNAL_NATURE_SPLIT', strategic: ['a'], commodity: ['b'] }]);

  const diverge = internalSpread([
    ctb('a', {
      objectives: [{ category: 'cost_savings' }, { category: 'quality' }, { category: 'innovation' }],
    }),
    ctb('b', {
      objectives: [
        { category: 'sustainability' },
        { category: 'compliance' },
        { category: 'supply_continuity' },
      ],
    }),
  ]);
  t.equal(diverge.objectives.pairs.length, 1);
  t.ok((diverge.objectives.pairs[0]?.misaligned ?? 0) >= 2);
  t.equal(diverge.findings[0]?.code, 'INTERNAL_OBJECTIVES_DIVERGE');
  t.strictSame(internalSpread([]).findings, [], 'no contributions, nothing to say');
  t.throws(
    () => internalSpread([ctb('x', { risks: { financial: { likelihood: 9, impact: 1 } } })]),
    RangeError,
  );
});

t.test('internal spread properties', async (t) => {
  holds(
    t,
    'every pair of objective views is measured once, and a finding names people only by id',
    fc.property(team(), (contributions) => {
      const spread = internalSpread(contributions);
      const views = contributions.filter((c) => c.content.objectives).length;
      if (spread.objectives.pairs.length !== (views * (views - 1)) / 2) return false;
      if (spread.objectives.pairs.some((pair) => pair.score < 0 || pair.score > 1)) return false;
      const text =
        JSON.stringify(spread) + spread.findings.map((f) => internalFindingMessage(f, (id) => id)).join();
      return !text.includes('private-note-');
    }),
  );
  holds(
    t,
    'a risk spread is the distance between the lowest and the highest band, and a finding exactly when it is two or more',
    fc.property(team(), (contributions) => {
      const spread = internalSpread(contributions);
      return RISK_CATEGORIES.every((category) => {
        const risk = spread.risks[category];
        const indexes = risk.views.map((view) => RISK_BANDS.findIndex((band) => band.band === view.band));
        const expected = indexes.length < 2 ? 0 : Math.max(...indexes) - Math.min(...indexes);
        const flagged = spread.findings.some(
          (f) => f.code === 'INTERNAL_RISK_SPREAD' && f.category === category,
        );
        return risk.spread === expected && flagged === expected >= 2;
      });
    }),
  );
  holds(
    t,
    'the spread does not depend on the order of the contributions',
    fc.property(
      team(1).chain((contributions) =>
        fc.tuple(
          fc.constant(contributions),
          fc.shuffledSubarray(contributions, { minLength: contributions.length }),
        ),
      ),
      ([contributions, shuffled]) => {
        const a = internalSpread(contributions);
        const b = internalSpread(shuffled);
        return (
          RISK_CATEGORIES.every((category) => a.risks[category].spread === b.risks[category].spread) &&
          a.nature.agreed === b.nature.agreed &&
          a.findings.length === b.findings.length
        );
      },
    ),
  );
  holds(
    t,
    'people who all say the same thing have nothing to settle',
    fc.property(contributionOf('ctb_0'), fc.integer({ min: 2, max: 5 }), (one, copies) => {
      const same = Array.from({ length: copies }, (_, i) => ({ id: `ctb_${i}`, content: one.content }));
      const spread = internalSpread(same);
      return spread.findings.length === 0 && spread.objectives.pairs.every((pair) => pair.score === 1);
    }),
  );
});

t.test('consolidation by example', async (t) => {
  const a = ctb('a', {
    objectives: [
      { category: 'cost_savings', note: 'a' },
      { category: 'quality' },
      { category: 'innovation' },
    ],
    risks: { financial: { likelihood: 1, impact: 2 } },
  });
  const b = ctb('b', {
    objectives: [{ category: 'quality' }, { category: 'speed_to_value' }, { category: 'cost_savings' }],
    risks: { financial: { likelihood: 2, impact: 5 } },
    nature: { supplyRisk: 4, businessImpact: 4 },
  });
  const result = consolidate([a, b], {
    objectives: { combine: ['a', 'b'] },
    risks: { financial: { average: ['a', 'b'] }, operational: { override: { likelihood: 3, impact: 3 } } },
    nature: { from: 'b' },
  });
  t.ok(result.ok);
  if (!result.ok) return;
  // Weights 3-2-1: quality 2+3, cost_savings 3+1, speed_to_value 2, innovation 1.
  t.strictSame(result.draft.objectives, [
    { category: 'quality' },
    { category: 'cost_savings' },
    { category: 'speed_to_value' },
  ]);
  t.strictSame(result.draft.risks, {
    financial: { likelihood: 2, impact: 4 },
    operational: { likelihood: 3, impact: 3 },
  });
  t.strictSame(result.draft.nature, { supplyRisk: 4, businessImpact: 4 });
  t.strictSame(result.sources, ['a', 'b']);
  t.equal(result.rules.financial, 'mean of 2 views, rounded half up');
  t.equal(result.rules.operational, 'set by the owner');

  const wrong = consolidate([a, b], {
    objectives: { combine: [] },
    risks: { financial: { average: ['a', 'a'] }, informationSecurity: { from: 'a' } },
    nature: { from: 'nobody' },
  });
  t.notOk(wrong.ok);
  if (wrong.ok) return;
  t.strictSame(
    wrong.problems.map((problem) => problem.path),
    [
      '/objectives/combine',
      '/risks/financial/average/1',
      '/risks/informationSecurity/from/0',
      '/nature/from/0',
    ],
    'every problem is reported at once, each at its own path',
  );
});

t.test('consolidation properties', async (t) => {
  holds(
    t,
    'picking a contribution copies its categories and ratings without its notes, and records the source',
    fc.property(team(1), fc.nat(), (contributions, seed) => {
      const picked = contributions[seed % contributions.length] as Contribution;
      const parts = contributionPartsOf(picked.content);
      const plan = {
        ...(parts.includes('objectives') ? { objectives: { from: picked.id } } : {}),
        risks: Object.fromEntries(
          RISK_CATEGORIES.filter((category) => parts.includes(category)).map((category) => [
            category,
            { from: picked.id },
          ]),
        ),
        ...(parts.includes('nature') ? { nature: { from: picked.id } } : {}),
      };
      const result = consolidate(contributions, plan);
      if (!result.ok) return false;
      const rating = (value?: { likelihood: number; impact: number }) =>
        value ? `${value.likelihood}/${value.impact}` : undefined;
      return (
        result.draft.objectives?.map((o) => o.category).join() ===
          picked.content.objectives?.map((o) => o.category).join() &&
        JSON.stringify(result.draft.nature) === JSON.stringify(picked.content.nature) &&
        RISK_CATEGORIES.every(
          (category) => rating(result.draft.risks?.[category]) === rating(picked.content.risks?.[category]),
        ) &&
        !JSON.stringify(result).includes('private-note-') &&
        result.sources.join() === (parts.length > 0 ? picked.id : '')
      );
    }),
  );
  holds(
    t,
    'an average lies between the lowest and highest view and is the view itself when all agree',
    fc.property(fc.array(fc.tuple(rating, rating), { minLength: 1, maxLength: 8 }), (ratings) => {
      const contributions = ratings.map(([likelihood, impact], i) =>
        ctb(`c${i}`, { risks: { operational: { likelihood, impact } } }),
      );
      const result = consolidate(contributions, {
        risks: { operational: { average: contributions.map((c) => c.id) } },
      });
      if (!result.ok) return false;
      const averaged = result.draft.risks?.operational;
      if (!averaged) return false;
      const likelihoods = ratings.map(([l]) => l);
      const impacts = ratings.map(([, i]) => i);
      const within = (value: number, values: number[]) =>
        value >= Math.min(...values) && value <= Math.max(...values);
      const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
      return (
        within(averaged.likelihood, likelihoods) &&
        within(averaged.impact, impacts) &&
        Math.abs(averaged.likelihood - mean(likelihoods)) <= 0.5 &&
        Math.abs(averaged.impact - mean(impacts)) <= 0.5
      );
    }),
  );
  holds(
    t,
    'combining objectives gives three distinct categories, drops every note, and keeps a single view as it is',
    fc.property(team(1), (contributions) => {
      const withObjectives = contributions.filter((c) => c.content.objectives);
      if (withObjectives.length === 0) return true;
      const result = consolidate(contributions, { objectives: { combine: withObjectives.map((c) => c.id) } });
      if (!result.ok || !result.draft.objectives) return false;
      const categories = result.draft.objectives.map((objective) => objective.category);
      const single =
        withObjectives.length > 1 ||
        categories.join() === withObjectives[0]?.content.objectives?.map((o) => o.category).join();
      return new Set(categories).size === 3 && !JSON.stringify(result).includes('private-note-') && single;
    }),
  );
  holds(
    t,
    'a part a contribution does not hold is a problem, never a silent gap',
    fc.property(team(1), fc.constantFrom<ContributionPart>(...CONTRIBUTION_PARTS), (contributions, part) => {
      const lacking = contributions.find((c) => !contributionPartsOf(c.content).includes(part));
      if (!lacking) return true;
      const plan =
        part === 'objectives'
          ? { objectives: { from: lacking.id } }
          : part === 'nature'
            ? { nature: { from: lacking.id } }
            : { risks: { [part]: { from: lacking.id } } };
      const result = consolidate(contributions, plan);
      return !result.ok && result.problems.length === 1;
    }),
  );
});
