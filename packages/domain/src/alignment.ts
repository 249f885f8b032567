import { type Assessment, assessmentProblems, categoryIndex, isRating } from './assessment.js';
import { effectiveDisclosure } from './disclosure.js';
import { type RecommendationCode, RISK_UNDERRATED_CODES } from './recommendations.js';
import {
  ALGORITHM_VERSION,
  APPROACH_BY_CLASS,
  type Approach,
  DISCLOSURE_LEVELS,
  type DisclosureLevel,
  type Engagement,
  IDEAL_ENGAGEMENT_MONTHS,
  KRALJIC_HIGH_THRESHOLD,
  KRALJIC_QUADRANT_INFO,
  type KraljicQuadrant,
  LATE_ENGAGEMENT_MONTHS,
  MAX_TOTAL_RISK_GAP,
  MISALIGNED_SLIM_THRESHOLD,
  OBJECTIVE_CATEGORIES,
  type ObjectiveCategory,
  PRIORITY_WEIGHTS,
  RATING_MAX,
  RELATED_PAIRS,
  RISK_BANDS,
  type RiskStatus,
  SCORE_BAND_MIN_SCORE,
  type ScoreBand,
  type Side,
} from './taxonomy.js';
import { wholeMonthsBetween } from './time.js';

export interface RiskAlignment {
  status: RiskStatus;
  /** Difference of the two sides' band indexes, 0–3. Internal: never disclosed. */
  gap: number;
  /** The side whose band is lower; present exactly when gap ≥ 1. */
  underratedBy?: Side;
}

export interface Timing {
  /** Whole calendar months (UTC) from the deal's creation to its expected decision, never negative. */
  monthsToDecision: number;
  engagement: Engagement;
}

export interface AlignmentContext {
  /** RFC 3339. */
  dealCreatedAt: string;
  /** RFC 3339; absent or null when the deal has no expected decision date (then no timing). */
  expectedDecisionAt?: string | null;
  /** The revision of each side's assessment the report is computed from. */
  basedOn: { sales: number; procurement: number };
}

/**
 * The full report, for the service only: it holds component scores and gaps that no disclosure
 * level shows. What a side may read is `disclose(report, level, side)`.
 */
export interface AlignmentReport {
  algorithm: string;
  basedOn: { sales: number; procurement: number };
  /** The lower of the two sides' chosen levels: the most either side may ever be shown of this report. */
  disclosure: DisclosureLevel;
  /** 0–100. */
  score: number;
  band: ScoreBand;
  /** Each 0–1, weighted 0.5 / 0.35 / 0.15 into the score. */
  componentScores: { objectives: number; risks: number; nature: number };
  objectives: {
    aligned: number;
    related: number;
    misaligned: number;
    /** The categories both sides chose, in taxonomy order. */
    shared: ObjectiveCategory[];
  };
  risks: { operational: RiskAlignment; financial: RiskAlignment; informationSecurity: RiskAlignment };
  nature: {
    quadrants: { sales: KraljicQuadrant; procurement: KraljicQuadrant };
    /** Both sides put the purchase in the same class (strategic or commodity). */
    agreed: boolean;
    /** Follows procurement's class. */
    approach: Approach;
  };
  timing?: Timing;
  /** In RECOMMENDATION_CODES order. */
  recommendations: RecommendationCode[];
}

/*
 * Precomputed tables. The hot path works on taxonomy indexes and small integers only: a report
 * costs a few dozen typed-array reads and allocates little beyond the report itself.
 */

const CATEGORY_COUNT = OBJECTIVE_CATEGORIES.length;

/** affinity × 2 (2 same, 1 related, 0 unrelated) so that scores stay in exact integer arithmetic. */
const AFFINITY_HALVES = new Uint8Array(CATEGORY_COUNT * CATEGORY_COUNT);
/**
 * Per pair, its contribution to the matching-preference key 4 × same + related: a matching with
 * more same-category pairs always wins, ties go to more related pairs (related ≤ 3 < 4).
 */
const MATCH_KEY = new Uint8Array(CATEGORY_COUNT * CATEGORY_COUNT);
for (let index = 0; index < CATEGORY_COUNT; index++) {
  AFFINITY_HALVES[index * CATEGORY_COUNT + index] = 2;
  MATCH_KEY[index * CATEGORY_COUNT + index] = 4;
}
for (const [first, second] of RELATED_PAIRS) {
  const a = categoryIndex(first);
  const b = categoryIndex(second);
  AFFINITY_HALVES[a * CATEGORY_COUNT + b] = 1;
  AFFINITY_HALVES[b * CATEGORY_COUNT + a] = 1;
  MATCH_KEY[a * CATEGORY_COUNT + b] = 1;
  MATCH_KEY[b * CATEGORY_COUNT + a] = 1;
}

/** affinity(a, b) as DOMAIN.md defines it: 1 same category, 0.5 related pair, 0 otherwise. */
export function affinity(a: ObjectiveCategory, b: ObjectiveCategory): number {
  return (AFFINITY_HALVES[categoryIndex(a) * CATEGORY_COUNT + categoryIndex(b)] ?? 0) / 2;
}

const [W1, W2, W3] = PRIORITY_WEIGHTS;
/** Σ w(i)² = 14: the weighted affinity of two identical lists. */
const MAX_WEIGHTED_AFFINITY = W1 * W1 + W2 * W2 + W3 * W3;

/** Band index (0 low … 3 critical) by (likelihood − 1) × 5 + (impact − 1). */
const BAND_BY_RATINGS = new Uint8Array(RATING_MAX * RATING_MAX);
for (let likelihood = 1; likelihood <= RATING_MAX; likelihood++) {
  for (let impact = 1; impact <= RATING_MAX; impact++) {
    const severity = likelihood * impact;
    BAND_BY_RATINGS[(likelihood - 1) * RATING_MAX + impact - 1] = RISK_BANDS.findIndex(
      (band) => severity >= band.minSeverity && severity <= band.maxSeverity,
    );
  }
}

/** The index into RISK_BANDS of likelihood × impact; NaN unless both are integers 1–5. */
export function riskBandIndex(likelihood: number, impact: number): number {
  if (!isRating(likelihood) || !isRating(impact)) return Number.NaN;
  return BAND_BY_RATINGS[(likelihood - 1) * RATING_MAX + impact - 1] ?? Number.NaN;
}

const RISK_STATUS_BY_GAP: readonly RiskStatus[] = ['aligned', 'minor_gap', 'major_gap', 'major_gap'];
const MAJOR_GAP = 2;

export function kraljicQuadrant(supplyRisk: number, businessImpact: number): KraljicQuadrant {
  const highImpact = businessImpact >= KRALJIC_HIGH_THRESHOLD;
  const highRisk = supplyRisk >= KRALJIC_HIGH_THRESHOLD;
  if (highImpact) return highRisk ? 'strategic' : 'leverage';
  return highRisk ? 'bottleneck' : 'non_critical';
}

export function scoreBand(score: number, misaligned: number): ScoreBand {
  if (misaligned >= MISALIGNED_SLIM_THRESHOLD) return 'slim';
  if (score >= SCORE_BAND_MIN_SCORE.strong) return 'strong';
  if (score >= SCORE_BAND_MIN_SCORE.workable) return 'workable';
  if (score >= SCORE_BAND_MIN_SCORE.at_risk) return 'at_risk';
  return 'slim';
}

export function engagementFor(monthsToDecision: number): Engagement {
  if (monthsToDecision < LATE_ENGAGEMENT_MONTHS) return 'late';
  return monthsToDecision >= IDEAL_ENGAGEMENT_MONTHS ? 'ideal' : 'adequate';
}

/**
 * The overall score, computed exactly. With o = weighted affinity × 2 (0–28), g = total band gap
 * (0–9) and n = nature score × 2 (0–2):
 *   100 × (0.5 × o/28 + 0.35 × (9 − g)/9 + 0.15 × n/2) = 100 × S / 2520, S = 45o + 98(9 − g) + 189n,
 * rounded half up as floor((10S + 126) / 252). Integer arithmetic avoids floating-point surprises at
 * the .5 boundaries and makes identical assessments score exactly 100. The constants follow from
 * the weights 0.5 / 0.35 / 0.15 and PRIORITY_WEIGHTS; changing either is a new ALGORITHM_VERSION.
 */
function overallScore(objectiveHalves: number, totalGap: number, natureHalves: number): number {
  const weightedSum = 45 * objectiveHalves + 98 * (MAX_TOTAL_RISK_GAP - totalGap) + 189 * natureHalves;
  return Math.floor((10 * weightedSum + 126) / 252);
}

function timingFor(dealCreatedAt: string, expectedDecisionAt: string): Timing {
  const monthsToDecision = Math.max(0, wholeMonthsBetween(dealCreatedAt, expectedDecisionAt));
  return { monthsToDecision, engagement: engagementFor(monthsToDecision) };
}

function invalidAssessment(side: Side, assessment: Assessment): never {
  const problems = assessmentProblems(assessment);
  throw new RangeError(`invalid ${side} assessment: ${problems.join('; ') || 'malformed'}`);
}

function riskAlignment(gap: number, salesBand: number, procurementBand: number): RiskAlignment {
  const status = RISK_STATUS_BY_GAP[gap] ?? 'major_gap';
  if (gap === 0) return { status, gap };
  return { status, gap, underratedBy: salesBand < procurementBand ? 'sales' : 'procurement' };
}

/**
 * The alignment of two submitted assessments (DOMAIN.md, "The alignment report"). Pure and
 * deterministic; throws a RangeError for an assessment the contract schema would refuse or for an
 * unparseable date.
 */
export function computeAlignment(
  sales: Assessment,
  procurement: Assessment,
  context: AlignmentContext,
): AlignmentReport {
  // Objectives, by taxonomy index. Input typed as a tuple may still be short at run time.
  if (sales.objectives.length !== 3) invalidAssessment('sales', sales);
  if (procurement.objectives.length !== 3) invalidAssessment('procurement', procurement);
  const [salesFirst, salesSecond, salesThird] = sales.objectives;
  const [procurementFirst, procurementSecond, procurementThird] = procurement.objectives;
  const s0 = categoryIndex(salesFirst.category);
  const s1 = categoryIndex(salesSecond.category);
  const s2 = categoryIndex(salesThird.category);
  const p0 = categoryIndex(procurementFirst.category);
  const p1 = categoryIndex(procurementSecond.category);
  const p2 = categoryIndex(procurementThird.category);
  if (s0 < 0 || s1 < 0 || s2 < 0 || s0 === s1 || s0 === s2 || s1 === s2) invalidAssessment('sales', sales);
  if (p0 < 0 || p1 < 0 || p2 < 0 || p0 === p1 || p0 === p2 || p1 === p2) {
    invalidAssessment('procurement', procurement);
  }

  // The 9 pairings: row = sales priority, column = procurement priority.
  const r0 = s0 * CATEGORY_COUNT;
  const r1 = s1 * CATEGORY_COUNT;
  const r2 = s2 * CATEGORY_COUNT;
  const a00 = AFFINITY_HALVES[r0 + p0] ?? 0;
  const a01 = AFFINITY_HALVES[r0 + p1] ?? 0;
  const a02 = AFFINITY_HALVES[r0 + p2] ?? 0;
  const a10 = AFFINITY_HALVES[r1 + p0] ?? 0;
  const a11 = AFFINITY_HALVES[r1 + p1] ?? 0;
  const a12 = AFFINITY_HALVES[r1 + p2] ?? 0;
  const a20 = AFFINITY_HALVES[r2 + p0] ?? 0;
  const a21 = AFFINITY_HALVES[r2 + p1] ?? 0;
  const a22 = AFFINITY_HALVES[r2 + p2] ?? 0;
  const k00 = MATCH_KEY[r0 + p0] ?? 0;
  const k01 = MATCH_KEY[r0 + p1] ?? 0;
  const k02 = MATCH_KEY[r0 + p2] ?? 0;
  const k10 = MATCH_KEY[r1 + p0] ?? 0;
  const k11 = MATCH_KEY[r1 + p1] ?? 0;
  const k12 = MATCH_KEY[r1 + p2] ?? 0;
  const k20 = MATCH_KEY[r2 + p0] ?? 0;
  const k21 = MATCH_KEY[r2 + p1] ?? 0;
  const k22 = MATCH_KEY[r2 + p2] ?? 0;

  // The 6 one-to-one matchings, written out: sales i is matched with procurement π(i).
  const w00 = W1 * W1;
  const w01 = W1 * W2;
  const w02 = W1 * W3;
  const w11 = W2 * W2;
  const w12 = W2 * W3;
  const w22 = W3 * W3;
  const objectiveHalves = Math.max(
    a00 * w00 + a11 * w11 + a22 * w22, // π = (0 1 2)
    a00 * w00 + a12 * w12 + a21 * w12, // π = (0 2 1)
    a01 * w01 + a10 * w01 + a22 * w22, // π = (1 0 2)
    a01 * w01 + a12 * w12 + a20 * w02, // π = (1 2 0)
    a02 * w02 + a10 * w01 + a21 * w12, // π = (2 0 1)
    a02 * w02 + a11 * w11 + a20 * w02, // π = (2 1 0)
  );
  const matchKey = Math.max(
    k00 + k11 + k22,
    k00 + k12 + k21,
    k01 + k10 + k22,
    k01 + k12 + k20,
    k02 + k10 + k21,
    k02 + k11 + k20,
  );
  const aligned = matchKey >> 2;
  const related = matchKey & 3;
  const misaligned = 3 - aligned - related;

  const shared: ObjectiveCategory[] = [];
  if (aligned > 0) {
    const common = ((1 << s0) | (1 << s1) | (1 << s2)) & ((1 << p0) | (1 << p1) | (1 << p2));
    for (let index = 0; index < CATEGORY_COUNT; index++) {
      const category = OBJECTIVE_CATEGORIES[index];
      if (common & (1 << index) && category !== undefined) shared.push(category);
    }
  }

  // Risks.
  const salesRisks = sales.risks;
  const procurementRisks = procurement.risks;
  const salesOperational = bandOf(
    sales,
    'sales',
    salesRisks.operational.likelihood,
    salesRisks.operational.impact,
  );
  const salesFinancial = bandOf(sales, 'sales', salesRisks.financial.likelihood, salesRisks.financial.impact);
  const salesSecurity = bandOf(
    sales,
    'sales',
    salesRisks.informationSecurity.likelihood,
    salesRisks.informationSecurity.impact,
  );
  const procurementOperational = bandOf(
    procurement,
    'procurement',
    procurementRisks.operational.likelihood,
    procurementRisks.operational.impact,
  );
  const procurementFinancial = bandOf(
    procurement,
    'procurement',
    procurementRisks.financial.likelihood,
    procurementRisks.financial.impact,
  );
  const procurementSecurity = bandOf(
    procurement,
    'procurement',
    procurementRisks.informationSecurity.likelihood,
    procurementRisks.informationSecurity.impact,
  );
  const operationalGap = Math.abs(salesOperational - procurementOperational);
  const financialGap = Math.abs(salesFinancial - procurementFinancial);
  const securityGap = Math.abs(salesSecurity - procurementSecurity);
  const totalGap = operationalGap + financialGap + securityGap;

  // Nature.
  const salesNature = sales.nature;
  const procurementNature = procurement.nature;
  if (!isRating(salesNature.supplyRisk) || !isRating(salesNature.businessImpact))
    invalidAssessment('sales', sales);
  if (!isRating(procurementNature.supplyRisk) || !isRating(procurementNature.businessImpact)) {
    invalidAssessment('procurement', procurement);
  }
  const salesQuadrant = kraljicQuadrant(salesNature.supplyRisk, salesNature.businessImpact);
  const procurementQuadrant = kraljicQuadrant(procurementNature.supplyRisk, procurementNature.businessImpact);
  const salesClass = KRALJIC_QUADRANT_INFO[salesQuadrant].purchaseClass;
  const procurementClass = KRALJIC_QUADRANT_INFO[procurementQuadrant].purchaseClass;
  const agreed = salesClass === procurementClass;
  const natureHalves = salesQuadrant === procurementQuadrant ? 2 : agreed ? 1 : 0;

  const score = overallScore(objectiveHalves, totalGap, natureHalves);
  const band = scoreBand(score, misaligned);

  if (!DISCLOSURE_LEVELS.includes(sales.disclosure)) invalidAssessment('sales', sales);
  if (!DISCLOSURE_LEVELS.includes(procurement.disclosure)) invalidAssessment('procurement', procurement);

  const expectedDecisionAt = context.expectedDecisionAt;
  const timing =
    expectedDecisionAt === undefined || expectedDecisionAt === null
      ? undefined
      : timingFor(context.dealCreatedAt, expectedDecisionAt);

  // Recommendations, pushed in RECOMMENDATION_CODES order.
  const recommendations: RecommendationCode[] = [];
  if (misaligned >= MISALIGNED_SLIM_THRESHOLD) recommendations.push('OBJECTIVES_MISALIGNED');
  if (operationalGap >= MAJOR_GAP || financialGap >= MAJOR_GAP || securityGap >= MAJOR_GAP) {
    recommendations.push('RISK_VIEWS_DIVERGE');
  }
  if (operationalGap >= MAJOR_GAP) recommendations.push(RISK_UNDERRATED_CODES.operational);
  if (financialGap >= MAJOR_GAP) recommendations.push(RISK_UNDERRATED_CODES.financial);
  if (securityGap >= MAJOR_GAP) recommendations.push(RISK_UNDERRATED_CODES.informationSecurity);
  if (!agreed) recommendations.push('NATURE_MISMATCH');
  recommendations.push(procurementClass === 'strategic' ? 'BUILD_TRUST' : 'EXPECT_COMPETITIVE_PROCESS');
  if (timing?.engagement === 'late') recommendations.push('ENGAGE_EARLIER');

  const report: AlignmentReport = {
    algorithm: ALGORITHM_VERSION,
    basedOn: { sales: context.basedOn.sales, procurement: context.basedOn.procurement },
    disclosure: effectiveDisclosure(sales.disclosure, procurement.disclosure),
    score,
    band,
    componentScores: {
      objectives: objectiveHalves / (2 * MAX_WEIGHTED_AFFINITY),
      risks: 1 - totalGap / MAX_TOTAL_RISK_GAP,
      nature: natureHalves / 2,
    },
    objectives: { aligned, related, misaligned, shared },
    risks: {
      operational: riskAlignment(operationalGap, salesOperational, procurementOperational),
      financial: riskAlignment(financialGap, salesFinancial, procurementFinancial),
      informationSecurity: riskAlignment(securityGap, salesSecurity, procurementSecurity),
    },
    nature: {
      quadrants: { sales: salesQuadrant, procurement: procurementQuadrant },
      agreed,
      approach: APPROACH_BY_CLASS[procurementClass],
    },
    recommendations,
  };
  if (timing !== undefined) report.timing = timing;
  return report;
}

function bandOf(assessment: Assessment, side: Side, likelihood: number, impact: number): number {
  if (!isRating(likelihood) || !isRating(impact)) invalidAssessment(side, assessment);
  return BAND_BY_RATINGS[(likelihood - 1) * RATING_MAX + impact - 1] ?? 0;
}
