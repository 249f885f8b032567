import t from 'tap';
import {
  ALGORITHM_VERSION,
  DISCLOSURE_LEVELS,
  IMPACT_LABELS,
  KRALJIC_QUADRANT_INFO,
  KRALJIC_QUADRANTS,
  LIKELIHOOD_LABELS,
  OBJECTIVE_CATEGORIES,
  OBJECTIVE_CATEGORY_INFO,
  RECOMMENDATION_CODES,
  RECOMMENDATION_MIN_LEVEL,
  RELATED_PAIRS,
  RISK_BANDS,
  RISK_CATEGORIES,
  RISK_CATEGORY_LABELS,
  SIDES,
} from '../src/index.js';

t.test('the taxonomy is the one DOMAIN.md defines, versioned with the algorithm', async (t) => {
  t.equal(ALGORITHM_VERSION, '2026-11.1');
  t.strictSame(SIDES, ['sales', 'procurement']);
  t.strictSame(OBJECTIVE_CATEGORIES, [
    'cost_savings',
    'business_value',
    'risk_reduction',
    'compliance',
    'speed_to_value',
    'quality',
    'innovation',
    'long_term_partnership',
    'supply_continuity',
    'sustainability',
    'scalability',
  ]);
  t.strictSame(RISK_CATEGORIES, ['operational', 'financial', 'informationSecurity']);
  t.strictSame(DISCLOSURE_LEVELS, ['summary', 'standard', 'detailed']);
  t.strictSame(KRALJIC_QUADRANTS, ['strategic', 'leverage', 'bottleneck', 'non_critical']);
});

t.test('every category has a label and a one-line explanation', async (t) => {
  t.strictSame(Object.keys(OBJECTIVE_CATEGORY_INFO), [...OBJECTIVE_CATEGORIES]);
  t.strictSame(OBJECTIVE_CATEGORY_INFO.cost_savings, {
    label: 'Cost savings',
    explanation: 'Lower total cost of ownership for the buyer.',
  });
  const labels = new Set<string>();
  for (const category of OBJECTIVE_CATEGORIES) {
    const { label, explanation } = OBJECTIVE_CATEGORY_INFO[category];
    t.ok(label.length > 0 && !labels.has(label), `${category} has a distinct label`);
    labels.add(label);
    t.match(explanation, /^[A-Z].*\.$/, `${category} explanation is one sentence`);
    t.notMatch(explanation, /\n/);
  }
  t.strictSame(Object.keys(RISK_CATEGORY_LABELS), [...RISK_CATEGORIES]);
});

t.test('the 9 related pairs are distinct pairs of different taxonomy categories', async (t) => {
  t.equal(RELATED_PAIRS.length, 9);
  const seen = new Set<string>();
  for (const [a, b] of RELATED_PAIRS) {
    t.ok(OBJECTIVE_CATEGORIES.includes(a) && OBJECTIVE_CATEGORIES.includes(b), `${a}–${b} in the taxonomy`);
    t.not(a, b);
    const key = [a, b].sort().join('|');
    t.notOk(seen.has(key), `${a}–${b} listed once`);
    seen.add(key);
  }
});

t.test('rating scales and bands', async (t) => {
  t.strictSame(LIKELIHOOD_LABELS, ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']);
  t.strictSame(IMPACT_LABELS, ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe']);
  t.strictSame(
    RISK_BANDS.map((band) => [band.band, band.minSeverity, band.maxSeverity]),
    [
      ['low', 1, 4],
      ['medium', 5, 9],
      ['high', 10, 16],
      ['critical', 20, 25],
    ],
  );
  // Every product of two ratings falls in exactly one band.
  for (let likelihood = 1; likelihood <= 5; likelihood++) {
    for (let impact = 1; impact <= 5; impact++) {
      const severity = likelihood * impact;
      const bands = RISK_BANDS.filter((band) => severity >= band.minSeverity && severity <= band.maxSeverity);
      t.equal(bands.length, 1, `severity ${severity}`);
    }
  }
});

t.test('quadrant classes', async (t) => {
  t.strictSame(
    KRALJIC_QUADRANTS.map((quadrant) => KRALJIC_QUADRANT_INFO[quadrant].purchaseClass),
    ['strategic', 'commodity', 'strategic', 'commodity'],
  );
});

t.test('every recommendation code has a minimum level', async (t) => {
  t.strictSame(Object.keys(RECOMMENDATION_MIN_LEVEL).sort(), [...RECOMMENDATION_CODES].sort());
  t.strictSame(
    RECOMMENDATION_CODES.filter((code) => RECOMMENDATION_MIN_LEVEL[code] === 'summary'),
    ['OBJECTIVES_MISALIGNED', 'RISK_VIEWS_DIVERGE', 'ENGAGE_EARLIER'],
  );
});
