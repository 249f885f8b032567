import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import t from 'tap';
import {
  type AlignmentContext,
  type AlignmentReport,
  type Assessment,
  affinity,
  computeAlignment,
  type DisclosureLevel,
  engagementFor,
  KRALJIC_QUADRANT_INFO,
  kraljicQuadrant,
  OBJECTIVE_CATEGORIES,
  type Objective,
  type ObjectiveCategory,
  RECOMMENDATION_CODES,
  RELATED_PAIRS,
  RISK_CATEGORIES,
  RISK_UNDERRATED_CODES,
  type RiskCategory,
  riskBandIndex,
  SIDES,
  scoreBand,
} from '../src/index.js';
import { assessment, context, FIXED_CONTEXT, holds, rating } from './arbitraries.js';

type Ratings = readonly [likelihood: number, impact: number];

/** A compact way to write an assessment in an example. */
function assessmentOf(spec: {
  objectives: readonly [ObjectiveCategory, ObjectiveCategory, ObjectiveCategory];
  risks: readonly [operational: Ratings, financial: Ratings, informationSecurity: Ratings];
  nature: readonly [supplyRisk: number, businessImpact: number];
  disclosure?: DisclosureLevel;
}): Assessment {
  const [first, second, third] = spec.objectives;
  const [operational, financial, informationSecurity] = spec.risks;
  return {
    objectives: [
      { category: first, note: 'why this matters to us' },
      { category: second },
      { category: third },
    ],
    risks: {
      operational: { likelihood: operational[0], impact: operational[1] },
      financial: { likelihood: financial[0], impact: financial[1], note: '' },
      informationSecurity: { likelihood: informationSecurity[0], impact: informationSecurity[1] },
    },
    nature: { supplyRisk: spec.nature[0], businessImpact: spec.nature[1] },
    disclosure: spec.disclosure ?? 'detailed',
  };
}

/** The overall score formula of DOMAIN.md, as written there. */
const formula = (objectives: number, risks: number, nature: number): number =>
  Math.round(100 * (0.5 * objectives + 0.35 * risks + 0.15 * nature));

t.test('hand-computed reports', async (t) => {
  t.test('identical assessments align fully', async (t) => {
    const both = assessmentOf({
      objectives: ['cost_savings', 'quality', 'compliance'],
      risks: [
        [2, 3], // 6: medium
        [1, 2], // 2: low
        [4, 4], // 16: high
      ],
      nature: [2, 4], // supply risk low, impact high: leverage (commodity)
    });
    const report = computeAlignment(both, structuredClone(both), {
      dealCreatedAt: '2026-01-15T09:00:00Z',
      expectedDecisionAt: '2027-09-15T09:00:00Z', // 12 + 8 = 20 whole months
      basedOn: { sales: 3, procurement: 7 },
    });
    t.strictSame(report, {
      algorithm: '2026-11.1',
      basedOn: { sales: 3, procurement: 7 },
      disclosure: 'detailed',
      // 100 × (0.5 × 1 + 0.35 × 1 + 0.15 × 1)
      score: 100,
      band: 'strong',
      componentScores: {
        objectives: (1 * 3 * 3 + 1 * 2 * 2 + 1 * 1 * 1) / 14,
        risks: 1 - 0 / 9,
        nature: 1,
      },
      // shared in taxonomy order: cost_savings (1st), compliance (4th), quality (6th)
      objectives: {
        aligned: 3,
        related: 0,
        misaligned: 0,
        shared: ['cost_savings', 'compliance', 'quality'],
      },
      risks: {
        operational: { status: 'aligned', gap: 0 },
        financial: { status: 'aligned', gap: 0 },
        informationSecurity: { status: 'aligned', gap: 0 },
      },
      nature: {
        quadrants: { sales: 'leverage', procurement: 'leverage' },
        agreed: true,
        approach: 'competitive',
      },
      timing: { monthsToDecision: 20, engagement: 'ideal' },
      recommendations: ['EXPECT_COMPETITIVE_PROCESS'],
    });
  });

  t.test('one shared objective, two major risk gaps, different classes, late engagement', async (t) => {
    const sales = assessmentOf({
      objectives: ['cost_savings', 'quality', 'innovation'],
      risks: [
        [3, 3], // 9: medium
        [1, 2], // 2: low
        [5, 5], // 25: critical
      ],
      nature: [4, 2], // supply risk high, impact low: bottleneck (strategic)
      disclosure: 'detailed',
    });
    const procurement = assessmentOf({
      objectives: ['business_value', 'compliance', 'cost_savings'],
      risks: [
        [3, 3], // 9: medium
        [5, 5], // 25: critical
        [1, 1], // 1: low
      ],
      nature: [2, 4], // supply risk low, impact high: leverage (commodity)
      disclosure: 'standard',
    });
    const report = computeAlignment(sales, procurement, {
      dealCreatedAt: '2026-01-31T10:00:00Z',
      // May 31 10:00 would be 4 months; May 1 is before it: 3 whole months
      expectedDecisionAt: '2026-05-01T00:00:00Z',
      basedOn: { sales: 1, procurement: 2 },
    });
    // Best matchings: cost_savings↔cost_savings 1×3×1 = 3, innovation↔business_value 0.5×1×3 = 1.5,
    // quality↔compliance 0 → 4.5; or cost_savings↔business_value 0.5×3×3 = 4.5 and nothing else → 4.5.
    const objectiveScore = (1 * 3 * 1 + 0.5 * 1 * 3 + 0) / 14;
    // Gaps: operational medium–medium 0, financial low–critical 3, information security critical–low 3.
    const riskScore = 1 - (0 + 3 + 3) / 9;
    // bottleneck vs leverage: different quadrants, different classes.
    const natureScore = 0;
    t.equal(formula(objectiveScore, riskScore, natureScore), 28); // 16.07 + 11.67 + 0 = 27.74
    t.strictSame(report, {
      algorithm: '2026-11.1',
      basedOn: { sales: 1, procurement: 2 },
      disclosure: 'standard', // the lower of detailed and standard
      score: 28,
      band: 'at_risk',
      componentScores: { objectives: objectiveScore, risks: riskScore, nature: natureScore },
      // The matching with most same pairs: cost_savings↔cost_savings; then innovation↔business_value.
      objectives: { aligned: 1, related: 1, misaligned: 1, shared: ['cost_savings'] },
      risks: {
        operational: { status: 'aligned', gap: 0 },
        financial: { status: 'major_gap', gap: 3, underratedBy: 'sales' },
        informationSecurity: { status: 'major_gap', gap: 3, underratedBy: 'procurement' },
      },
      nature: {
        quadrants: { sales: 'bottleneck', procurement: 'leverage' },
        agreed: false,
        approach: 'competitive', // procurement's class is commodity
      },
      timing: { monthsToDecision: 3, engagement: 'late' },
      recommendations: [
        'RISK_VIEWS_DIVERGE',
        'RISK_UNDERRATED_FINANCIAL',
        'RISK_UNDERRATED_INFORMATION_SECURITY',
        'NATURE_MISMATCH',
        'EXPECT_COMPETITIVE_PROCESS',
        'ENGAGE_EARLIER',
      ],
    });
  });

  t.test('the two-of-three rule overrides a strong score', async (t) => {
    const shared = {
      risks: [
        [2, 2],
        [3, 3],
        [4, 4],
      ],
      nature: [4, 5],
    } as const; // 4 low, 9 medium, 16 high; strategic
    const sales = assessmentOf({
      objectives: ['cost_savings', 'quality', 'innovation'],
      ...shared,
      disclosure: 'summary',
    });
    const procurement = assessmentOf({
      objectives: ['cost_savings', 'sustainability', 'speed_to_value'],
      ...shared,
    });
    const report = computeAlignment(sales, procurement, {
      dealCreatedAt: '2026-01-15T09:00:00Z',
      expectedDecisionAt: null,
      basedOn: { sales: 1, procurement: 1 },
    });
    // Only cost_savings↔cost_savings 1×3×3 = 9 scores: quality, innovation, sustainability and
    // speed_to_value are pairwise unrelated.
    const objectiveScore = (1 * 3 * 3) / 14;
    t.equal(formula(objectiveScore, 1, 1), 82); // 32.14 + 35 + 15 = 82.14, which alone would be strong
    t.strictSame(report, {
      algorithm: '2026-11.1',
      basedOn: { sales: 1, procurement: 1 },
      disclosure: 'summary',
      score: 82,
      band: 'slim', // misaligned = 2
      componentScores: { objectives: objectiveScore, risks: 1, nature: 1 },
      objectives: { aligned: 1, related: 0, misaligned: 2, shared: ['cost_savings'] },
      risks: {
        operational: { status: 'aligned', gap: 0 },
        financial: { status: 'aligned', gap: 0 },
        informationSecurity: { status: 'aligned', gap: 0 },
      },
      nature: {
        quadrants: { sales: 'strategic', procurement: 'strategic' },
        agreed: true,
        approach: 'collaborative',
      },
      recommendations: ['OBJECTIVES_MISALIGNED', 'BUILD_TRUST'],
    });
    t.notOk('timing' in report, 'no decision date, no timing');
  });

  t.test('related objectives only, minor gaps, same class in different quadrants', async (t) => {
    const sales = assessmentOf({
      objectives: ['risk_reduction', 'business_value', 'scalability'],
      risks: [
        [2, 2], // 4: low
        [3, 4], // 12: high
        [4, 5], // 20: critical
      ],
      nature: [1, 4], // leverage (commodity)
      disclosure: 'standard',
    });
    const procurement = assessmentOf({
      objectives: ['compliance', 'innovation', 'quality'],
      risks: [
        [2, 3], // 6: medium
        [2, 4], // 8: medium
        [5, 5], // 25: critical
      ],
      nature: [2, 2], // non_critical (commodity)
      disclosure: 'detailed',
    });
    const report = computeAlignment(sales, procurement, {
      dealCreatedAt: '2026-03-31T00:00:00Z',
      expectedDecisionAt: '2026-09-30T00:00:00Z', // March 31 + 6 months, clamped to September 30: 6
      basedOn: { sales: 4, procurement: 1 },
    });
    // Matchings (sales → procurement), weights 3,2,1 each side:
    //   rr↔compliance 0.5×3×3 = 4.5, bv↔innovation 0.5×2×2 = 2, scal↔quality 0   → 6.5 (best)
    //   rr↔compliance 4.5, bv↔quality 0, scal↔innovation 0.5×1×2 = 1            → 5.5
    //   rr↔quality 0.5×3×1 = 1.5, bv↔innovation 2, scal↔compliance 0            → 3.5
    //   rr↔quality 1.5, bv↔compliance 0, scal↔innovation 1                       → 2.5
    //   rr↔innovation 0 with either of the rest                                  → 0
    const objectiveScore = (0.5 * 3 * 3 + 0.5 * 2 * 2 + 0) / 14;
    // Gaps: operational low–medium 1 (sales lower), financial high–medium 1 (procurement lower),
    // information security critical–critical 0.
    const riskScore = 1 - (1 + 1 + 0) / 9;
    const natureScore = 0.5; // leverage vs non_critical: same class (commodity)
    t.equal(formula(objectiveScore, riskScore, natureScore), 58); // 23.21 + 27.22 + 7.5 = 57.94
    t.strictSame(report, {
      algorithm: '2026-11.1',
      basedOn: { sales: 4, procurement: 1 },
      disclosure: 'standard',
      score: 58,
      band: 'workable',
      componentScores: { objectives: objectiveScore, risks: riskScore, nature: natureScore },
      // scalability relates only to innovation, which business_value needs too: at most 2 related.
      objectives: { aligned: 0, related: 2, misaligned: 1, shared: [] },
      risks: {
        operational: { status: 'minor_gap', gap: 1, underratedBy: 'sales' },
        financial: { status: 'minor_gap', gap: 1, underratedBy: 'procurement' },
        informationSecurity: { status: 'aligned', gap: 0 },
      },
      nature: {
        quadrants: { sales: 'leverage', procurement: 'non_critical' },
        agreed: true,
        approach: 'competitive',
      },
      timing: { monthsToDecision: 6, engagement: 'adequate' },
      recommendations: ['EXPECT_COMPETITIVE_PROCESS'],
    });
  });

  t.test('an exact half rounds up', async (t) => {
    const risks = [
      [1, 1],
      [1, 1],
      [1, 1],
    ] as const;
    const sales = assessmentOf({
      objectives: ['cost_savings', 'quality', 'scalability'],
      risks,
      nature: [5, 5],
    });
    const procurement = assessmentOf({
      objectives: ['compliance', 'business_value', 'innovation'],
      risks,
      nature: [1, 1],
    });
    const report = computeAlignment(sales, procurement, {
      ...FIXED_CONTEXT,
      expectedDecisionAt: '2027-07-15T08:59:59Z', // one second short of 18 months: 17
    });
    // cost_savings↔business_value 0.5×3×2 = 3, scalability↔innovation 0.5×1×1 = 0.5, quality↔compliance 0
    const objectiveScore = (0.5 * 3 * 2 + 0.5 * 1 * 1) / 14;
    // 100 × (0.5 × 3.5/14 + 0.35 × 1 + 0.15 × 0) = 12.5 + 35 = 47.5 exactly → 48
    t.equal(report.score, 48);
    t.equal(report.band, 'at_risk');
    t.equal(report.componentScores.objectives, objectiveScore);
    t.strictSame(report.objectives, { aligned: 0, related: 2, misaligned: 1, shared: [] });
    t.strictSame(report.nature, {
      quadrants: { sales: 'strategic', procurement: 'non_critical' },
      agreed: false,
      approach: 'competitive',
    });
    t.strictSame(report.timing, { monthsToDecision: 17, engagement: 'adequate' });
    t.strictSame(report.recommendations, ['NATURE_MISMATCH', 'EXPECT_COMPETITIVE_PROCESS']);
  });

  t.test('counts come from the most-same matching even when another matching scores higher', async (t) => {
    const risks = [
      [1, 1],
      [1, 1],
      [1, 1],
    ] as const;
    const sales = assessmentOf({
      objectives: ['cost_savings', 'sustainability', 'scalability'],
      risks,
      nature: [1, 1],
    });
    const procurement = assessmentOf({
      objectives: ['business_value', 'quality', 'cost_savings'],
      risks,
      nature: [1, 1],
    });
    const report = computeAlignment(sales, procurement, FIXED_CONTEXT);
    // Score: cost_savings↔business_value 0.5×3×3 = 4.5 beats cost_savings↔cost_savings 1×3×1 = 3.
    t.equal(report.componentScores.objectives, 4.5 / 14);
    // Counts: the matching with cost_savings↔cost_savings; sustainability and scalability relate to
    // neither business_value nor quality.
    t.strictSame(report.objectives, { aligned: 1, related: 0, misaligned: 2, shared: ['cost_savings'] });
    t.equal(report.band, 'slim');
  });
});

t.test('rules', async (t) => {
  t.test(
    'affinity is 1 for the same category, 0.5 for a related pair either way round, else 0',
    async (t) => {
      t.equal(affinity('quality', 'quality'), 1);
      t.equal(affinity('quality', 'risk_reduction'), 0.5);
      t.equal(affinity('risk_reduction', 'quality'), 0.5);
      t.equal(affinity('quality', 'compliance'), 0);
      let related = 0;
      for (const a of OBJECTIVE_CATEGORIES) {
        for (const b of OBJECTIVE_CATEGORIES) {
          t.equal(affinity(a, b), affinity(b, a), `${a}/${b} symmetric`);
          if (affinity(a, b) === 0.5) related++;
        }
      }
      t.equal(related, 9 * 2, 'exactly the 9 pairs, counted both ways');
    },
  );

  t.test('severity bands: low 1–4, medium 5–9, high 10–16, critical 20–25', async (t) => {
    const expected: Record<number, number> = { 1: 0, 4: 0, 5: 1, 9: 1, 10: 2, 16: 2, 20: 3, 25: 3 };
    for (let likelihood = 1; likelihood <= 5; likelihood++) {
      for (let impact = 1; impact <= 5; impact++) {
        const severity = likelihood * impact;
        const band = severity <= 4 ? 0 : severity <= 9 ? 1 : severity <= 16 ? 2 : 3;
        t.equal(riskBandIndex(likelihood, impact), band, `${likelihood}×${impact} = ${severity}`);
        if (severity in expected) t.equal(band, expected[severity]);
      }
    }
  });

  t.test('Kraljic quadrants: 3 and above is high', async (t) => {
    t.equal(kraljicQuadrant(3, 3), 'strategic');
    t.equal(kraljicQuadrant(2, 3), 'leverage');
    t.equal(kraljicQuadrant(3, 2), 'bottleneck');
    t.equal(kraljicQuadrant(2, 2), 'non_critical');
    t.equal(KRALJIC_QUADRANT_INFO.strategic.purchaseClass, 'strategic');
    t.equal(KRALJIC_QUADRANT_INFO.bottleneck.purchaseClass, 'strategic');
    t.equal(KRALJIC_QUADRANT_INFO.leverage.purchaseClass, 'commodity');
    t.equal(KRALJIC_QUADRANT_INFO.non_critical.purchaseClass, 'commodity');
  });

  t.test('score bands and the two-of-three override', async (t) => {
    t.equal(scoreBand(100, 0), 'strong');
    t.equal(scoreBand(75, 1), 'strong');
    t.equal(scoreBand(74, 0), 'workable');
    t.equal(scoreBand(50, 0), 'workable');
    t.equal(scoreBand(49, 0), 'at_risk');
    t.equal(scoreBand(25, 0), 'at_risk');
    t.equal(scoreBand(24, 0), 'slim');
    t.equal(scoreBand(0, 0), 'slim');
    t.equal(scoreBand(100, 2), 'slim');
    t.equal(scoreBand(100, 3), 'slim');
  });

  t.test('engagement: late under 6 months, ideal from 18', async (t) => {
    t.equal(engagementFor(0), 'late');
    t.equal(engagementFor(5), 'late');
    t.equal(engagementFor(6), 'adequate');
    t.equal(engagementFor(17), 'adequate');
    t.equal(engagementFor(18), 'ideal');
    t.equal(engagementFor(60), 'ideal');
  });

  t.test('timing', async (t) => {
    const base = assessmentOf({
      objectives: ['cost_savings', 'quality', 'compliance'],
      risks: [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      nature: [1, 1],
    });
    const timing = (dealCreatedAt: string, expectedDecisionAt?: string | null) => {
      const alignmentContext: AlignmentContext =
        expectedDecisionAt === undefined
          ? { dealCreatedAt, basedOn: { sales: 1, procurement: 1 } }
          : { dealCreatedAt, expectedDecisionAt, basedOn: { sales: 1, procurement: 1 } };
      return computeAlignment(base, base, alignmentContext).timing;
    };
    t.strictSame(timing('2026-01-15T00:00:00Z', '2026-07-15T00:00:00Z'), {
      monthsToDecision: 6,
      engagement: 'adequate',
    });
    t.strictSame(timing('2026-01-15T00:00:00Z', '2026-07-14T23:59:59Z'), {
      monthsToDecision: 5,
      engagement: 'late',
    });
    t.strictSame(timing('2026-01-31T00:00:00Z', '2026-02-28T00:00:00Z'), {
      monthsToDecision: 1,
      engagement: 'late',
    });
    t.strictSame(timing('2026-01-01T00:00:00Z', '2027-07-01T00:00:00Z'), {
      monthsToDecision: 18,
      engagement: 'ideal',
    });
    // Offsets are instants: 2026-07-01T01:00+02:00 is 2026-06-30T23:00Z, before the 6-month mark.
    t.strictSame(timing('2026-01-01T00:00:00Z', '2026-07-01T01:00:00+02:00'), {
      monthsToDecision: 5,
      engagement: 'late',
    });
    t.strictSame(timing('2026-06-01T00:00:00Z', '2026-01-01T00:00:00Z'), {
      monthsToDecision: 0,
      engagement: 'late',
    });
    t.equal(timing('2026-01-01T00:00:00Z', null), undefined);
    t.equal(timing('2026-01-01T00:00:00Z'), undefined);
    t.throws(() => timing('yesterday', '2026-01-01T00:00:00Z'), RangeError);
    t.throws(() => timing('2026-01-01T00:00:00Z', 'soon'), RangeError);
  });

  t.test('invalid assessments are refused, not computed', async (t) => {
    const valid = assessmentOf({
      objectives: ['cost_savings', 'quality', 'compliance'],
      risks: [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      nature: [1, 1],
    });
    const broken: Array<[string, (a: Assessment) => void]> = [
      ['duplicate category', (a) => (a.objectives[2].category = 'cost_savings')],
      ['two objectives', (a) => (a.objectives as Objective[]).pop()],
      ['unknown category', (a) => (a.objectives[1].category = 'world_peace' as ObjectiveCategory)],
      ['likelihood 0', (a) => (a.risks.operational.likelihood = 0)],
      ['impact 6', (a) => (a.risks.financial.impact = 6)],
      ['fractional rating', (a) => (a.risks.informationSecurity.impact = 2.5)],
      ['supply risk 0', (a) => (a.nature.supplyRisk = 0)],
      ['business impact 6', (a) => (a.nature.businessImpact = 6)],
      ['unknown disclosure', (a) => (a.disclosure = 'everything' as DisclosureLevel)],
    ];
    for (const [name, breakIt] of broken) {
      const invalid = structuredClone(valid);
      breakIt(invalid);
      t.throws(() => computeAlignment(invalid, valid, FIXED_CONTEXT), RangeError, `${name} (sales)`);
      t.throws(() => computeAlignment(valid, invalid, FIXED_CONTEXT), RangeError, `${name} (procurement)`);
    }
  });
});

/** An independent, slow reference implementation of the objectives part, straight from DOMAIN.md. */
function referenceObjectives(sales: Assessment, procurement: Assessment) {
  const salesCategories = sales.objectives.map((objective) => objective.category);
  const procurementCategories = procurement.objectives.map((objective) => objective.category);
  const weights = [3, 2, 1];
  const permutations = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0],
  ];
  let best = 0;
  let bestCounts = { same: -1, related: -1 };
  for (const permutation of permutations) {
    let weighted = 0;
    let same = 0;
    let related = 0;
    permutation.forEach((target, index) => {
      const a = salesCategories[index] as ObjectiveCategory;
      const b = procurementCategories[target] as ObjectiveCategory;
      const value = affinity(a, b);
      weighted += value * (weights[index] ?? 0) * (weights[target] ?? 0);
      if (value === 1) same++;
      if (value === 0.5) related++;
    });
    best = Math.max(best, weighted);
    if (same > bestCounts.same || (same === bestCounts.same && related > bestCounts.related)) {
      bestCounts = { same, related };
    }
  }
  return { score: best / 14, aligned: bestCounts.same, related: bestCounts.related };
}

function swapRisks(report: AlignmentReport): AlignmentReport['risks'] {
  const swapped = structuredClone(report.risks);
  for (const category of RISK_CATEGORIES) {
    const risk = swapped[category];
    if (risk.underratedBy !== undefined)
      risk.underratedBy = risk.underratedBy === 'sales' ? 'procurement' : 'sales';
  }
  return swapped;
}

const pair = fc.tuple(assessment(), assessment());

t.test('properties', async (t) => {
  holds(
    t,
    'identical assessments score 100 and strong',
    fc.property(assessment(), context, (both, alignmentContext) => {
      const report = computeAlignment(both, structuredClone(both), alignmentContext);
      return report.score === 100 && report.band === 'strong' && report.objectives.misaligned === 0;
    }),
  );

  holds(
    t,
    'the score does not depend on which side submitted which assessment',
    fc.property(pair, context, ([a, b], alignmentContext) => {
      const forward = computeAlignment(a, b, alignmentContext);
      const backward = computeAlignment(b, a, alignmentContext);
      return isDeepStrictEqual(
        {
          score: backward.score,
          band: backward.band,
          components: backward.componentScores,
          objectives: backward.objectives,
          risks: swapRisks(backward),
          agreed: backward.nature.agreed,
        },
        {
          score: forward.score,
          band: forward.band,
          components: forward.componentScores,
          objectives: forward.objectives,
          risks: forward.risks,
          agreed: forward.nature.agreed,
        },
      );
    }),
  );

  holds(
    t,
    "replacing an objective unrelated to all of the other side's by one the other side chose never lowers the score",
    fc.property(
      pair,
      fc.nat(2),
      fc.nat(2),
      fc.constantFrom(...SIDES),
      ([a, b], replacedIndex, borrowedIndex, sideOfA) => {
        const bCategories = b.objectives.map((objective) => objective.category);
        const replaced = a.objectives[replacedIndex as 0 | 1 | 2].category;
        const borrowed = bCategories[borrowedIndex] as ObjectiveCategory;
        fc.pre(bCategories.every((category) => affinity(replaced, category) === 0));
        fc.pre(a.objectives.every((objective) => objective.category !== borrowed));
        const improved = structuredClone(a);
        improved.objectives[replacedIndex as 0 | 1 | 2].category = borrowed;
        const score = (x: Assessment) =>
          (sideOfA === 'sales'
            ? computeAlignment(x, b, FIXED_CONTEXT)
            : computeAlignment(b, x, FIXED_CONTEXT)
          ).score;
        return score(improved) >= score(a);
      },
    ),
  );

  holds(
    t,
    'widening a risk gap never raises the score',
    fc.property(
      pair,
      fc.constantFrom<RiskCategory>(...RISK_CATEGORIES),
      fc.constantFrom(...SIDES),
      rating,
      rating,
      ([sales, procurement], category, changedSide, likelihood, impact) => {
        const before = computeAlignment(sales, procurement, FIXED_CONTEXT);
        const changedSales = structuredClone(sales);
        const changedProcurement = structuredClone(procurement);
        const changed = changedSide === 'sales' ? changedSales : changedProcurement;
        changed.risks[category] = { likelihood, impact };
        const after = computeAlignment(changedSales, changedProcurement, FIXED_CONTEXT);
        fc.pre(after.risks[category].gap > before.risks[category].gap);
        return after.score <= before.score && after.componentScores.risks < before.componentScores.risks;
      },
    ),
  );

  holds(
    t,
    'two or more misaligned objectives always give slim',
    fc.property(pair, ([sales, procurement]) => {
      const report = computeAlignment(sales, procurement, FIXED_CONTEXT);
      return report.objectives.misaligned < 2 || report.band === 'slim';
    }),
  );

  holds(
    t,
    'the same inputs give the same report, whatever the key order of the input objects',
    fc.property(pair, context, ([sales, procurement], alignmentContext) => {
      const reversedKeys = <T>(value: T): T =>
        JSON.parse(JSON.stringify(value), (_key, inner: unknown) =>
          inner !== null && typeof inner === 'object' && !Array.isArray(inner)
            ? Object.fromEntries(Object.entries(inner).reverse())
            : inner,
        );
      const first = computeAlignment(sales, procurement, alignmentContext);
      const second = computeAlignment(
        reversedKeys(sales),
        reversedKeys(procurement),
        reversedKeys(alignmentContext),
      );
      return (
        isDeepStrictEqual(second, first) &&
        JSON.stringify(computeAlignment(sales, procurement, alignmentContext)) === JSON.stringify(first)
      );
    }),
  );

  holds(
    t,
    'the report agrees with a slow reference implementation and the formula',
    fc.property(pair, context, ([sales, procurement], alignmentContext) => {
      const report = computeAlignment(sales, procurement, alignmentContext);
      const reference = referenceObjectives(sales, procurement);
      const salesCategories = new Set(sales.objectives.map((objective) => objective.category));
      const shared = OBJECTIVE_CATEGORIES.filter((category) =>
        procurement.objectives.some(
          (objective) => objective.category === category && salesCategories.has(category),
        ),
      );
      let totalGap = 0;
      for (const category of RISK_CATEGORIES) {
        const salesBand = riskBandIndex(sales.risks[category].likelihood, sales.risks[category].impact);
        const procurementBand = riskBandIndex(
          procurement.risks[category].likelihood,
          procurement.risks[category].impact,
        );
        const gap = Math.abs(salesBand - procurementBand);
        totalGap += gap;
        const risk = report.risks[category];
        if (risk.gap !== gap) return false;
        if (risk.status !== (gap === 0 ? 'aligned' : gap === 1 ? 'minor_gap' : 'major_gap')) return false;
        const lower = salesBand < procurementBand ? 'sales' : 'procurement';
        if (risk.underratedBy !== (gap === 0 ? undefined : lower)) return false;
      }
      const salesQuadrant = kraljicQuadrant(sales.nature.supplyRisk, sales.nature.businessImpact);
      const procurementQuadrant = kraljicQuadrant(
        procurement.nature.supplyRisk,
        procurement.nature.businessImpact,
      );
      const salesClass = KRALJIC_QUADRANT_INFO[salesQuadrant].purchaseClass;
      const procurementClass = KRALJIC_QUADRANT_INFO[procurementQuadrant].purchaseClass;
      const nature = salesQuadrant === procurementQuadrant ? 1 : salesClass === procurementClass ? 0.5 : 0;
      const exact = 100 * (0.5 * reference.score + 0.35 * (1 - totalGap / 9) + 0.15 * nature);
      return (
        Number.isInteger(report.score) &&
        Math.abs(report.score - exact) <= 0.5 + 1e-9 &&
        report.componentScores.objectives === reference.score &&
        report.objectives.aligned === reference.aligned &&
        report.objectives.related === reference.related &&
        report.objectives.misaligned === 3 - reference.aligned - reference.related &&
        JSON.stringify(report.objectives.shared) === JSON.stringify(shared) &&
        report.nature.agreed === (salesClass === procurementClass) &&
        report.nature.approach === (procurementClass === 'strategic' ? 'collaborative' : 'competitive') &&
        report.algorithm === '2026-11.1' &&
        report.basedOn.sales === alignmentContext.basedOn.sales &&
        report.basedOn.procurement === alignmentContext.basedOn.procurement
      );
    }),
  );

  holds(
    t,
    'recommendations follow their triggers, in code order',
    fc.property(pair, context, ([sales, procurement], alignmentContext) => {
      const report = computeAlignment(sales, procurement, alignmentContext);
      const majorGap = (category: RiskCategory) => report.risks[category].status === 'major_gap';
      const expected = RECOMMENDATION_CODES.filter((code) => {
        switch (code) {
          case 'OBJECTIVES_MISALIGNED':
            return report.objectives.misaligned >= 2;
          case 'RISK_VIEWS_DIVERGE':
            return RISK_CATEGORIES.some(majorGap);
          case 'NATURE_MISMATCH':
            return !report.nature.agreed;
          case 'BUILD_TRUST':
            return KRALJIC_QUADRANT_INFO[report.nature.quadrants.procurement].purchaseClass === 'strategic';
          case 'EXPECT_COMPETITIVE_PROCESS':
            return KRALJIC_QUADRANT_INFO[report.nature.quadrants.procurement].purchaseClass === 'commodity';
          case 'ENGAGE_EARLIER':
            return report.timing !== undefined && report.timing.monthsToDecision < 6;
          default:
            return RISK_CATEGORIES.some(
              (category) => RISK_UNDERRATED_CODES[category] === code && majorGap(category),
            );
        }
      });
      return JSON.stringify(report.recommendations) === JSON.stringify(expected);
    }),
  );
});

/*
 * A brute force over every one-to-one matching, independent of the implementation's tables: its
 * own affinity from RELATED_PAIRS, its own enumeration of the 3! matchings.
 */
function plainAffinity(a: ObjectiveCategory, b: ObjectiveCategory): number {
  if (a === b) return 1;
  const related = RELATED_PAIRS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  return related ? 0.5 : 0;
}

/** Every ordering of `items`, built by taking each item first in turn. */
function allOrderings<T>(items: readonly T[]): T[][] {
  if (items.length === 0) return [[]];
  return items.flatMap((item, index) =>
    allOrderings(items.filter((_, other) => other !== index)).map((rest) => [item, ...rest]),
  );
}

interface PlainMatching {
  weighted: number;
  same: number;
  related: number;
}

/** Sales objective i is paired with procurement objective partners[i]. */
function plainMatching(sales: ObjectiveCategory[], procurement: ObjectiveCategory[], partners: number[]) {
  const weights = [3, 2, 1];
  const matching: PlainMatching = { weighted: 0, same: 0, related: 0 };
  partners.forEach((partner, index) => {
    const value = plainAffinity(sales[index] as ObjectiveCategory, procurement[partner] as ObjectiveCategory);
    matching.weighted += value * (weights[index] as number) * (weights[partner] as number);
    if (value === 1) matching.same++;
    if (value === 0.5) matching.related++;
  });
  return matching;
}

function bruteForceObjectives(sales: Assessment, procurement: Assessment) {
  const salesCategories = sales.objectives.map((objective) => objective.category);
  const procurementCategories = procurement.objectives.map((objective) => objective.category);
  const matchings = allOrderings([0, 1, 2]).map((partners) =>
    plainMatching(salesCategories, procurementCategories, partners),
  );
  const score = Math.max(...matchings.map((matching) => matching.weighted)) / 14;
  // Most same-category pairs first, then most related pairs.
  const [preferred] = matchings.sort((x, y) => y.same - x.same || y.related - x.related);
  const same = preferred?.same ?? 0;
  const related = preferred?.related ?? 0;
  const shared = OBJECTIVE_CATEGORIES.filter(
    (category) => salesCategories.includes(category) && procurementCategories.includes(category),
  );
  return { score, counts: { aligned: same, related, misaligned: 3 - same - related, shared } };
}

/** Categories drawn from a small, densely related pool, so that shared and related pairs are common. */
const denseCategories = fc
  .shuffledSubarray<ObjectiveCategory>(
    ['cost_savings', 'business_value', 'innovation', 'scalability', 'risk_reduction', 'compliance'],
    { minLength: 3, maxLength: 3 },
  )
  .map((categories) => categories as [ObjectiveCategory, ObjectiveCategory, ObjectiveCategory]);

const denseAssessment = fc.tuple(assessment(), denseCategories).map(([base, categories]) => {
  const dense = structuredClone(base);
  dense.objectives.forEach((objective, index) => {
    objective.category = categories[index] as ObjectiveCategory;
  });
  return dense;
});

t.test('objectives equal a brute force over all one-to-one matchings', async (t) => {
  for (const [name, side] of [
    ['any categories', assessment()],
    ['densely related categories', denseAssessment],
  ] as const) {
    holds(
      t,
      name,
      fc.property(side, side, (sales, procurement) => {
        const report = computeAlignment(sales, procurement, FIXED_CONTEXT);
        const expected = bruteForceObjectives(sales, procurement);
        return (
          report.componentScores.objectives === expected.score &&
          isDeepStrictEqual(report.objectives, expected.counts)
        );
      }),
    );
  }
});
