import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import t from 'tap';
import {
  type AlignmentReport,
  type Assessment,
  computeAlignment,
  DISCLOSURE_LEVELS,
  type DisclosedReport,
  type DisclosureLevel,
  disclose,
  effectiveDisclosure,
  OBJECTIVE_CATEGORIES,
  OBJECTIVE_CATEGORY_INFO,
  type ObjectiveCategory,
  RECOMMENDATION_CODES,
  RECOMMENDATION_MIN_LEVEL,
  type RecommendationCode,
  RISK_CATEGORIES,
  RISK_UNDERRATED_CODES,
  recommendationMessage,
  SIDES,
  type Side,
} from '../src/index.js';
import { assessment, context, holds, plantedNote } from './arbitraries.js';

const sales: Assessment = {
  objectives: [
    { category: 'cost_savings', note: 'we must close this quarter' },
    { category: 'quality' },
    { category: 'innovation' },
  ],
  risks: {
    operational: { likelihood: 3, impact: 3 },
    financial: { likelihood: 1, impact: 2, note: 'cash is fine' },
    informationSecurity: { likelihood: 5, impact: 5 },
  },
  nature: { supplyRisk: 4, businessImpact: 2 },
  disclosure: 'detailed',
};
const procurement: Assessment = {
  objectives: [
    { category: 'business_value' },
    { category: 'compliance', note: 'our real driver is a 12% saving' },
    { category: 'cost_savings' },
  ],
  risks: {
    operational: { likelihood: 3, impact: 3 },
    financial: { likelihood: 5, impact: 5 },
    informationSecurity: { likelihood: 1, impact: 1 },
  },
  nature: { supplyRisk: 2, businessImpact: 4 },
  disclosure: 'detailed',
};
const report = computeAlignment(sales, procurement, {
  dealCreatedAt: '2026-01-31T10:00:00Z',
  expectedDecisionAt: '2026-05-01T00:00:00Z',
  basedOn: { sales: 1, procurement: 2 },
});

function codes(disclosed: DisclosedReport): RecommendationCode[] {
  return disclosed.recommendations.map((recommendation) => recommendation.code);
}

function message(disclosed: DisclosedReport, code: RecommendationCode): string | undefined {
  return disclosed.recommendations.find((recommendation) => recommendation.code === code)?.message;
}

t.test('levels', async (t) => {
  t.test('summary: score, band, timing and category-free recommendations only', async (t) => {
    const disclosed = disclose(report, 'summary', 'sales');
    t.strictSame(Object.keys(disclosed), [
      'algorithm',
      'disclosure',
      'score',
      'band',
      'timing',
      'recommendations',
    ]);
    t.strictSame(disclosed, {
      algorithm: '2026-11.1',
      disclosure: 'summary',
      score: 28,
      band: 'at_risk',
      timing: { monthsToDecision: 3, engagement: 'late' },
      recommendations: [
        {
          code: 'RISK_VIEWS_DIVERGE',
          message:
            "Your view of at least one risk is far from the buyer's. A risk that alarms one side and blindsides the " +
            'other can stop the deal: walk through the risks together early.',
        },
        {
          code: 'ENGAGE_EARLIER',
          message:
            'The decision is due less than 6 months after this deal was opened, and by the time an RFP is issued most ' +
            'of the work is done. Engage the buyer now on what is still open, and in future engage up to 18 months ' +
            'before formal bidding starts.',
        },
      ],
    });
  });

  t.test(
    'standard: adds counts, shared, per-risk status, nature agreement and the category codes',
    async (t) => {
      const disclosed = disclose(report, 'standard', 'procurement');
      t.strictSame(
        { ...disclosed, recommendations: codes(disclosed) },
        {
          algorithm: '2026-11.1',
          disclosure: 'standard',
          score: 28,
          band: 'at_risk',
          timing: { monthsToDecision: 3, engagement: 'late' },
          objectives: { aligned: 1, related: 1, misaligned: 1, shared: ['cost_savings'] },
          risks: {
            operational: { status: 'aligned' },
            financial: { status: 'major_gap', underratedBy: 'sales' },
            informationSecurity: { status: 'major_gap', underratedBy: 'procurement' },
          },
          nature: { agreed: false, approach: 'competitive' },
          recommendations: [
            'RISK_VIEWS_DIVERGE',
            'RISK_UNDERRATED_FINANCIAL',
            'RISK_UNDERRATED_INFORMATION_SECURITY',
            'NATURE_MISMATCH',
            'EXPECT_COMPETITIVE_PROCESS',
            'ENGAGE_EARLIER',
          ],
        },
      );
      t.notOk('quadrants' in (disclosed.nature ?? {}), 'no quadrants below detailed');
    },
  );

  t.test('detailed: adds each side’s quadrant', async (t) => {
    const disclosed = disclose(report, 'detailed', 'sales');
    t.strictSame(disclosed.nature, {
      agreed: false,
      approach: 'competitive',
      quadrants: { sales: 'bottleneck', procurement: 'leverage' },
    });
  });

  t.test('a level above what both sides consented to is capped at the report’s level', async (t) => {
    const standardOnly = computeAlignment(
      sales,
      { ...procurement, disclosure: 'standard' },
      {
        dealCreatedAt: '2026-01-31T10:00:00Z',
        basedOn: { sales: 1, procurement: 1 },
      },
    );
    t.equal(standardOnly.disclosure, 'standard');
    const disclosed = disclose(standardOnly, 'detailed', 'sales');
    t.equal(disclosed.disclosure, 'standard');
    t.notOk('quadrants' in (disclosed.nature ?? {}));
    t.notOk('timing' in disclosed, 'no decision date, no timing key');
  });

  t.test('effectiveDisclosure is the lower level', async (t) => {
    for (const a of DISCLOSURE_LEVELS) {
      for (const b of DISCLOSURE_LEVELS) {
        const lower = DISCLOSURE_LEVELS.indexOf(a) <= DISCLOSURE_LEVELS.indexOf(b) ? a : b;
        t.equal(effectiveDisclosure(a, b), lower, `${a} + ${b}`);
      }
    }
  });
});

t.test('messages are written for the reader', async (t) => {
  t.test('an underrated risk: the underrating side is told to study it, the other to raise it', async (t) => {
    const forSales = disclose(report, 'standard', 'sales');
    const forProcurement = disclose(report, 'standard', 'procurement');
    // Financial: sales rated it lower. Information security: procurement rated it lower.
    t.match(
      message(forSales, 'RISK_UNDERRATED_FINANCIAL'),
      /^You rate financial risk much lower than the buyer does\. Study it/,
    );
    t.match(
      message(forProcurement, 'RISK_UNDERRATED_FINANCIAL'),
      /^The supplier rates financial risk much lower than you do\. Raise it early/,
    );
    t.match(
      message(forProcurement, 'RISK_UNDERRATED_INFORMATION_SECURITY'),
      /^You rate information-security risk much lower than the supplier does\. Study it/,
    );
    t.match(
      message(forSales, 'RISK_UNDERRATED_INFORMATION_SECURITY'),
      /^The buyer rates information-security risk much lower than you do\. Raise it early/,
    );
  });

  t.test('every code reads differently for the two sides', async (t) => {
    const risks = {
      operational: { underratedBy: 'sales' as const },
      financial: { underratedBy: 'procurement' as const },
      informationSecurity: {},
    };
    for (const code of RECOMMENDATION_CODES) {
      const forSales = recommendationMessage(code, 'sales', risks);
      const forProcurement = recommendationMessage(code, 'procurement', risks);
      t.not(forSales, forProcurement, code);
      t.match(forSales, /buyer/, `${code} speaks to sales about the buyer`);
      t.match(forProcurement, /supplier/, `${code} speaks to procurement about the supplier`);
    }
  });

  t.test('trust and competition advice is worded per side', async (t) => {
    t.match(
      recommendationMessage('BUILD_TRUST', 'sales', report.risks),
      /^The buyer sees this as a strategic purchase/,
    );
    t.match(
      recommendationMessage('BUILD_TRUST', 'procurement', report.risks),
      /^You see this as a strategic purchase/,
    );
    t.match(
      recommendationMessage('EXPECT_COMPETITIVE_PROCESS', 'sales', report.risks),
      /^The buyer sees this as a commodity purchase\. Expect/,
    );
    t.match(
      recommendationMessage('EXPECT_COMPETITIVE_PROCESS', 'procurement', report.risks),
      /^You see this as a commodity purchase/,
    );
  });

  t.test('no message names an objective category or its label', async (t) => {
    const risks = { operational: { underratedBy: 'sales' as const }, financial: {}, informationSecurity: {} };
    for (const code of RECOMMENDATION_CODES) {
      for (const side of SIDES) {
        const text = recommendationMessage(code, side, risks).toLowerCase();
        for (const category of OBJECTIVE_CATEGORIES) {
          t.notOk(text.includes(category), `${code}/${side} avoids ${category}`);
          t.notOk(
            text.includes(OBJECTIVE_CATEGORY_INFO[category].label.toLowerCase()),
            `${code}/${side} avoids "${OBJECTIVE_CATEGORY_INFO[category].label}"`,
          );
        }
      }
    }
  });
});

/** Objective categories and labels as they could appear in JSON text, lower-cased. */
function mentionsOf(category: ObjectiveCategory): string[] {
  return [category, OBJECTIVE_CATEGORY_INFO[category].label.toLowerCase()];
}

function collectKeys(value: unknown, keys: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) collectKeys(item, keys);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      keys.add(key);
      collectKeys(inner, keys);
    }
  }
  return keys;
}

function numericPaths(value: unknown, path = '', found: string[] = []): string[] {
  if (typeof value === 'number') found.push(path);
  else if (Array.isArray(value))
    value.forEach((item, index) => {
      numericPaths(item, `${path}[${index}]`, found);
    });
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value))
      numericPaths(inner, path ? `${path}.${key}` : key, found);
  }
  return found;
}

/** a ⊆ b: every key of a is in b with a subset value; arrays compare as sets. */
function isDeepSubset(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.every((item) => b.some((other) => isDeepStrictEqual(item, other)));
  }
  if (a !== null && typeof a === 'object') {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) return false;
    return Object.entries(a).every(
      ([key, inner]) => Object.hasOwn(b, key) && isDeepSubset(inner, (b as Record<string, unknown>)[key]),
    );
  }
  return a === b;
}

function withoutLevel(disclosed: DisclosedReport): Omit<DisclosedReport, 'disclosure'> {
  const { disclosure: _level, ...rest } = disclosed;
  return rest;
}

const FORBIDDEN_KEYS = [
  'note',
  'notes',
  'likelihood',
  'impact',
  'severity',
  'supplyRisk',
  'businessImpact',
  'priority',
  'gap',
  'componentScores',
  'basedOn',
];
const ALLOWED_NUMBERS = /^(score|objectives\.(aligned|related|misaligned)|timing\.monthsToDecision)$/;

const reportCases = fc.record({
  sales: assessment(plantedNote),
  procurement: assessment(plantedNote),
  context,
});

function everyDisclosure(
  alignmentReport: AlignmentReport,
  check: (disclosed: DisclosedReport, level: DisclosureLevel, reader: Side) => boolean,
): boolean {
  return DISCLOSURE_LEVELS.every((level) =>
    SIDES.every((reader) => check(disclose(alignmentReport, level, reader), level, reader)),
  );
}

t.test('properties', async (t) => {
  holds(
    t,
    'no level names a category only one side chose; summary names none',
    fc.property(reportCases, (generated) => {
      const alignmentReport = computeAlignment(generated.sales, generated.procurement, generated.context);
      const salesCategories = generated.sales.objectives.map((objective) => objective.category);
      const procurementCategories = generated.procurement.objectives.map((objective) => objective.category);
      return everyDisclosure(alignmentReport, (disclosed) => {
        const text = JSON.stringify(disclosed).toLowerCase();
        return OBJECTIVE_CATEGORIES.every((category) => {
          const chosenByBoth = salesCategories.includes(category) && procurementCategories.includes(category);
          const mayAppear = chosenByBoth && disclosed.disclosure !== 'summary';
          return mayAppear || mentionsOf(category).every((mention) => !text.includes(mention));
        });
      });
    }),
  );

  holds(
    t,
    'no level reveals a note, a rating, a priority or any internal number',
    fc.property(reportCases, (generated) => {
      const alignmentReport = computeAlignment(generated.sales, generated.procurement, generated.context);
      const notes = [generated.sales, generated.procurement].flatMap((side) => [
        ...side.objectives.map((objective) => objective.note),
        ...RISK_CATEGORIES.map((category) => side.risks[category].note),
      ]);
      return everyDisclosure(alignmentReport, (disclosed) => {
        const text = JSON.stringify(disclosed);
        const keys = collectKeys(disclosed);
        return (
          notes.every((note) => note === undefined || !text.includes(note)) &&
          FORBIDDEN_KEYS.every((key) => !keys.has(key)) &&
          numericPaths(disclosed).every((path) => ALLOWED_NUMBERS.test(path))
        );
      });
    }),
  );

  holds(
    t,
    'each level shows exactly its parts, absent rather than undefined',
    fc.property(reportCases, (generated) => {
      const alignmentReport = computeAlignment(generated.sales, generated.procurement, generated.context);
      return everyDisclosure(alignmentReport, (disclosed, level) => {
        const expectedLevel = effectiveDisclosure(
          level,
          effectiveDisclosure(generated.sales.disclosure, generated.procurement.disclosure),
        );
        const timing = alignmentReport.timing === undefined ? [] : ['timing'];
        const parts = expectedLevel === 'summary' ? [] : ['objectives', 'risks', 'nature'];
        const natureKeys =
          expectedLevel === 'detailed' ? ['agreed', 'approach', 'quadrants'] : ['agreed', 'approach'];
        return (
          disclosed.disclosure === expectedLevel &&
          isDeepStrictEqual(Object.keys(disclosed).sort(), [
            ...['algorithm', 'band', 'disclosure', 'recommendations', 'score', ...timing, ...parts].sort(),
          ]) &&
          (disclosed.nature === undefined || isDeepStrictEqual(Object.keys(disclosed.nature), natureKeys)) &&
          isDeepStrictEqual(JSON.parse(JSON.stringify(disclosed)), disclosed) &&
          disclosed.recommendations.every(
            (recommendation) =>
              DISCLOSURE_LEVELS.indexOf(RECOMMENDATION_MIN_LEVEL[recommendation.code]) <=
              DISCLOSURE_LEVELS.indexOf(expectedLevel),
          )
        );
      });
    }),
  );

  holds(
    t,
    'summary ⊆ standard ⊆ detailed, for each reader',
    fc.property(reportCases, (generated) => {
      const alignmentReport = computeAlignment(
        { ...generated.sales, disclosure: 'detailed' },
        { ...generated.procurement, disclosure: 'detailed' },
        generated.context,
      );
      return SIDES.every((reader) => {
        const [summary, standard, detailed] = DISCLOSURE_LEVELS.map((level) =>
          withoutLevel(disclose(alignmentReport, level, reader)),
        );
        const hasMajorGap = RISK_CATEGORIES.some(
          (category) => alignmentReport.risks[category].status === 'major_gap',
        );
        const atSummary = summary === undefined ? [] : summary.recommendations.map((r) => r.code);
        return (
          isDeepSubset(summary, standard) &&
          isDeepSubset(standard, detailed) &&
          atSummary.includes('RISK_VIEWS_DIVERGE') === hasMajorGap &&
          atSummary.every((code) => RECOMMENDATION_MIN_LEVEL[code] === 'summary')
        );
      });
    }),
  );

  holds(
    t,
    'RISK_UNDERRATED_* tells the underrating reader to study the risk and the other to raise it',
    fc.property(reportCases, (generated) => {
      const alignmentReport = computeAlignment(generated.sales, generated.procurement, generated.context);
      return SIDES.every((reader) => {
        const disclosed = disclose(alignmentReport, 'detailed', reader);
        return RISK_CATEGORIES.every((category) => {
          const text = message(disclosed, RISK_UNDERRATED_CODES[category]);
          if (alignmentReport.risks[category].status !== 'major_gap' || disclosed.disclosure === 'summary') {
            return text === undefined;
          }
          const readerUnderrates = alignmentReport.risks[category].underratedBy === reader;
          return text?.startsWith(readerUnderrates ? 'You rate' : 'The ') === true;
        });
      });
    }),
  );
});
