import { type Assessment, assessmentProblems, categoryIndex, isRating } from './assessment.js';
import { effectiveDisclosure } from './disclosure.js';
import { type RecommendationCode, RISK_UNDERRATED_CODES } from './recommendations.js';
import type { AlignmentReport, RiskAlignment, Timing } from './report.js';
import {
  ALGORITHM_VERSION,
  APPROACH_BY_CLASS,
  DISCLOSURE_LEVELS,
  type Engagement,
  IDEAL_ENGAGEMENT_MONTHS,
  KRALJIC_HIGH_THRESHOLD,
  KRALJIC_QUADRANT_INFO,
  type KraljicQuadrant,
  LATE_ENGAGEMENT_MONTHS,
  MAX_TOTAL_RISK_GAP,
  MISALIGNED_SLIM_THRESHOLD,
  OBJECTIVE_CATEGORIES,
  OBJECTIVE_COUNT,
  type ObjectiveCategory,
  PRIORITY_WEIGHTS,
  RATING_MAX,
  RELATED_PAIRS,
  RISK_BANDS,
  RISK_CATEGORIES,
  type RiskCategory,
  type RiskStatus,
  SCORE_BAND_MIN_SCORE,
  type ScoreBand,
  type Side,
} from './taxonomy.js';
import { wholeMonthsBetween } from './time.js';

export interface AlignmentContext {
  /** RFC 3339. */
  dealCreatedAt: string;
  /** RFC 3339; absent or null when the deal has no expected decision date (then no timing). */
  expectedDecisionAt?: string | null;
  /** The revision of each side's assessment the report is computed from. */
  basedOn: { sales: number; procurement: number };
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
const SAME_KEY = 4;
const RELATED_KEY = 1;
for (let index = 0; index < CATEGORY_COUNT; index++) {
  AFFINITY_HALVES[index * CATEGORY_COUNT + index] = 2;
  MATCH_KEY[index * CATEGORY_COUNT + index] = SAME_KEY;
}
for (const [first, second] of RELATED_PAIRS) {
  const a = categoryIndex(first);
  const b = categoryIndex(second);
  AFFINITY_HALVES[a * CATEGORY_COUNT + b] = 1;
  AFFINITY_HALVES[b * CATEGORY_COUNT + a] = 1;
  MATCH_KEY[a * CATEGORY_COUNT + b] = RELATED_KEY;
  MATCH_KEY[b * CATEGORY_COUNT + a] = RELATED_KEY;
}

/** affinity(a, b) as DOMAIN.md defines it: 1 same category, 0.5 related pair, 0 otherwise. */
export function affinity(a: ObjectiveCategory, b: ObjectiveCategory): number {
  return (AFFINITY_HALVES[categoryIndex(a) * CATEGORY_COUNT + categoryIndex(b)] ?? 0) / 2;
}

/** The weight of the objective at a priority (0 = 1st): 3, 2, 1. */
function priorityWeight(priority: number): number {
  return PRIORITY_WEIGHTS[priority] ?? 0;
}

/** All orderings of `items`, in lexicographic order of positions. */
function permutationsOf(items: readonly number[]): number[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((first, index) =>
    permutationsOf(items.filter((_, other) => other !== index)).map((rest) => [first, ...rest]),
  );
}

/**
 * One one-to-one matching of the two lists of objectives: the sales objective at priority i is
 * paired with the procurement objective at priority `partners[i]`, and that pair counts with the
 * weight `weights[i]` = w(i) × w(partners[i]).
 */
interface Matching {
  readonly partners: readonly number[];
  readonly weights: readonly number[];
}

const PRIORITIES = Array.from({ length: OBJECTIVE_COUNT }, (_, priority) => priority);

/** The 3! = 6 matchings, built once: the hot path only reads them. */
const MATCHINGS: readonly Matching[] = permutationsOf(PRIORITIES).map((partners) => ({
  partners,
  weights: partners.map((partner, priority) => priorityWeight(priority) * priorityWeight(partner)),
}));

/** Σ w(i)² = 14: the weighted affinity of two identical lists. */
const MAX_WEIGHTED_AFFINITY = PRIORITIES.reduce((sum, priority) => sum + priorityWeight(priority) ** 2, 0);

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

/*
 * The parts of the report. Each part validates the input it reads, sales before procurement, in the
 * order computeAlignment calls them: objectives, risks, nature, disclosure, timing. A RangeError
 * names the first side found invalid in that order.
 */

/** The taxonomy indexes of a side's objectives in priority order; -1 for an unknown category. */
function categoryIndexes(assessment: Assessment): readonly number[] {
  const [first, second, third] = assessment.objectives;
  return [categoryIndex(first.category), categoryIndex(second.category), categoryIndex(third.category)];
}

/** The categories as a bit mask by taxonomy index, or 0 when one is unknown or repeated. */
function categoryMask(indexes: readonly number[]): number {
  let mask = 0;
  for (const index of indexes) {
    if (index < 0 || mask & (1 << index)) return 0;
    mask |= 1 << index;
  }
  return mask;
}

/** The categories of a bit mask, in taxonomy order. */
function categoriesIn(mask: number): ObjectiveCategory[] {
  const categories: ObjectiveCategory[] = [];
  let bit = 1;
  for (const category of OBJECTIVE_CATEGORIES) {
    if (mask & bit) categories.push(category);
    bit <<= 1;
  }
  return categories;
}

interface ObjectivesPart {
  /** The best weighted affinity × 2 over all matchings (0–28). */
  halves: number;
  counts: AlignmentReport['objectives'];
}

/** Refuses a short list or an unknown or repeated category; the sides' lists as taxonomy indexes. */
function checkedObjectives(sales: Assessment, procurement: Assessment) {
  // Input typed as a tuple may still be short at run time.
  if (sales.objectives.length !== OBJECTIVE_COUNT) invalidAssessment('sales', sales);
  if (procurement.objectives.length !== OBJECTIVE_COUNT) invalidAssessment('procurement', procurement);
  const salesIndexes = categoryIndexes(sales);
  const procurementIndexes = categoryIndexes(procurement);
  const salesMask = categoryMask(salesIndexes);
  if (salesMask === 0) invalidAssessment('sales', sales);
  const procurementMask = categoryMask(procurementIndexes);
  if (procurementMask === 0) invalidAssessment('procurement', procurement);
  return { salesIndexes, procurementIndexes, sharedMask: salesMask & procurementMask };
}

function alignObjectives(sales: Assessment, procurement: Assessment): ObjectivesPart {
  const { salesIndexes, procurementIndexes, sharedMask } = checkedObjectives(sales, procurement);
  const { halves, aligned, related, misaligned } = matchObjectives(salesIndexes, procurementIndexes);
  const shared = aligned > 0 ? categoriesIn(sharedMask) : [];
  return { halves, counts: { aligned, related, misaligned, shared } };
}

/**
 * The best matching of two lists of three distinct objective categories (taxonomy indexes in
 * priority order): its weighted affinity × 2 (0–28) and its counts. The score and the counts may
 * come from different matchings: each is the best of its own kind. Shared by the two-sided report
 * and a side's internal spread, so both measure objectives the same way.
 */
export function matchObjectives(first: readonly number[], second: readonly number[]) {
  let bestHalves = 0;
  let bestKey = 0;
  for (const { partners, weights } of MATCHINGS) {
    let halves = 0;
    let key = 0;
    for (let priority = 0; priority < OBJECTIVE_COUNT; priority++) {
      const row = (first[priority] ?? 0) * CATEGORY_COUNT;
      const cell = row + (second[partners[priority] ?? 0] ?? 0);
      halves += (AFFINITY_HALVES[cell] ?? 0) * (weights[priority] ?? 0);
      key += MATCH_KEY[cell] ?? 0;
    }
    bestHalves = Math.max(bestHalves, halves);
    bestKey = Math.max(bestKey, key);
  }
  const aligned = Math.floor(bestKey / SAME_KEY);
  const related = bestKey % SAME_KEY;
  return { halves: bestHalves, aligned, related, misaligned: OBJECTIVE_COUNT - aligned - related };
}

/** Σ w(i)² × 2: the halves of two identical lists, the denominator of an objectives score. */
export const MAX_OBJECTIVE_HALVES = 2 * MAX_WEIGHTED_AFFINITY;

/*
 * Risk bands are small (0–3), so a side's three are packed into one integer, two bits per category
 * in RISK_CATEGORIES order: the loops over the categories then allocate nothing and read each rating
 * once (a property read by a variable key costs more than by a fixed name).
 */
const BAND_BITS = 2;
const BAND_MASK = (1 << BAND_BITS) - 1;
const RISK_INDEX = Object.fromEntries(
  RISK_CATEGORIES.map((category, index) => [category, index]),
) as Readonly<Record<RiskCategory, number>>;

/** A side's band per risk category, packed; refuses a rating that is not an integer 1–5. */
function packedBands(side: Side, assessment: Assessment): number {
  let bands = 0;
  let shift = 0;
  for (const category of RISK_CATEGORIES) {
    const rating = assessment.risks[category];
    const likelihood = rating.likelihood;
    const impact = rating.impact;
    if (!isRating(likelihood) || !isRating(impact)) invalidAssessment(side, assessment);
    bands |= (BAND_BY_RATINGS[(likelihood - 1) * RATING_MAX + impact - 1] ?? 0) << shift;
    shift += BAND_BITS;
  }
  return bands;
}

function bandAt(bands: number, index: number): number {
  return (bands >> (index * BAND_BITS)) & BAND_MASK;
}

function riskAlignment(salesBands: number, procurementBands: number, category: RiskCategory): RiskAlignment {
  const salesBand = bandAt(salesBands, RISK_INDEX[category]);
  const procurementBand = bandAt(procurementBands, RISK_INDEX[category]);
  const gap = Math.abs(salesBand - procurementBand);
  const status = RISK_STATUS_BY_GAP[gap] ?? 'major_gap';
  if (gap === 0) return { status, gap };
  return { status, gap, underratedBy: salesBand < procurementBand ? 'sales' : 'procurement' };
}

interface RisksPart {
  risks: AlignmentReport['risks'];
  totalGap: number;
  /** Bit i is set when RISK_CATEGORIES[i] has a major gap. */
  majorGaps: number;
}

function alignRisks(sales: Assessment, procurement: Assessment): RisksPart {
  const salesBands = packedBands('sales', sales);
  const procurementBands = packedBands('procurement', procurement);
  let totalGap = 0;
  let majorGaps = 0;
  for (let index = 0; index < RISK_CATEGORIES.length; index++) {
    const gap = Math.abs(bandAt(salesBands, index) - bandAt(procurementBands, index));
    totalGap += gap;
    if (gap >= MAJOR_GAP) majorGaps |= 1 << index;
  }
  // A literal rather than keyed stores into {}: the report's key order, checked complete by
  // TypeScript, and built by V8 in one go.
  const risks = {
    operational: riskAlignment(salesBands, procurementBands, 'operational'),
    financial: riskAlignment(salesBands, procurementBands, 'financial'),
    informationSecurity: riskAlignment(salesBands, procurementBands, 'informationSecurity'),
  };
  return { risks, totalGap, majorGaps };
}

function checkedQuadrant(side: Side, assessment: Assessment): KraljicQuadrant {
  const { supplyRisk, businessImpact } = assessment.nature;
  if (!isRating(supplyRisk) || !isRating(businessImpact)) invalidAssessment(side, assessment);
  return kraljicQuadrant(supplyRisk, businessImpact);
}

function alignNature(sales: Assessment, procurement: Assessment): AlignmentReport['nature'] {
  const salesQuadrant = checkedQuadrant('sales', sales);
  const procurementQuadrant = checkedQuadrant('procurement', procurement);
  const procurementClass = KRALJIC_QUADRANT_INFO[procurementQuadrant].purchaseClass;
  return {
    quadrants: { sales: salesQuadrant, procurement: procurementQuadrant },
    agreed: KRALJIC_QUADRANT_INFO[salesQuadrant].purchaseClass === procurementClass,
    approach: APPROACH_BY_CLASS[procurementClass],
  };
}

/** The nature score × 2: 2 for the same quadrant, 1 for the same class, 0 otherwise. */
function natureHalvesOf(nature: AlignmentReport['nature']): number {
  if (nature.quadrants.sales === nature.quadrants.procurement) return 2;
  return nature.agreed ? 1 : 0;
}

function checkDisclosure(side: Side, assessment: Assessment): void {
  if (!DISCLOSURE_LEVELS.includes(assessment.disclosure)) invalidAssessment(side, assessment);
}

function timingOf(context: AlignmentContext): Timing | undefined {
  const expectedDecisionAt = context.expectedDecisionAt;
  if (expectedDecisionAt === undefined || expectedDecisionAt === null) return undefined;
  return timingFor(context.dealCreatedAt, expectedDecisionAt);
}

/** The recommendation codes a report triggers, in RECOMMENDATION_CODES order. */
function recommendationsFor(
  misaligned: number,
  majorGaps: number,
  nature: AlignmentReport['nature'],
  timing: Timing | undefined,
): RecommendationCode[] {
  const recommendations: RecommendationCode[] = [];
  if (misaligned >= MISALIGNED_SLIM_THRESHOLD) recommendations.push('OBJECTIVES_MISALIGNED');
  if (majorGaps !== 0) recommendations.push('RISK_VIEWS_DIVERGE');
  let bit = 1;
  for (const category of RISK_CATEGORIES) {
    if (majorGaps & bit) recommendations.push(RISK_UNDERRATED_CODES[category]);
    bit <<= 1;
  }
  if (!nature.agreed) recommendations.push('NATURE_MISMATCH');
  const procurementClass = KRALJIC_QUADRANT_INFO[nature.quadrants.procurement].purchaseClass;
  recommendations.push(procurementClass === 'strategic' ? 'BUILD_TRUST' : 'EXPECT_COMPETITIVE_PROCESS');
  if (timing?.engagement === 'late') recommendations.push('ENGAGE_EARLIER');
  return recommendations;
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
  const objectives = alignObjectives(sales, procurement);
  const { risks, totalGap, majorGaps } = alignRisks(sales, procurement);
  const nature = alignNature(sales, procurement);
  checkDisclosure('sales', sales);
  checkDisclosure('procurement', procurement);
  const timing = timingOf(context);
  const { misaligned } = objectives.counts;
  const natureHalves = natureHalvesOf(nature);
  const score = overallScore(objectives.halves, totalGap, natureHalves);

  const report: AlignmentReport = {
    algorithm: ALGORITHM_VERSION,
    basedOn: { sales: context.basedOn.sales, procurement: context.basedOn.procurement },
    disclosure: effectiveDisclosure(sales.disclosure, procurement.disclosure),
    score,
    band: scoreBand(score, misaligned),
    componentScores: {
      objectives: objectives.halves / (2 * MAX_WEIGHTED_AFFINITY),
      risks: 1 - totalGap / MAX_TOTAL_RISK_GAP,
      nature: natureHalves / 2,
    },
    objectives: objectives.counts,
    risks,
    nature,
    recommendations: recommendationsFor(misaligned, majorGaps, nature, timing),
  };
  if (timing !== undefined) report.timing = timing;
  return report;
}
