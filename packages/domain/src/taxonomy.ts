/**
 * The data the alignment algorithm is defined over. It is versioned together with the algorithm:
 * changing a category, a pair, a band or a weight means a new ALGORITHM_VERSION, because stored
 * reports name the version they were computed with.
 */

export const ALGORITHM_VERSION = '2026-11.1';

export const SIDES = ['sales', 'procurement'] as const;
export type Side = (typeof SIDES)[number];

export function otherSide(side: Side): Side {
  return side === 'sales' ? 'procurement' : 'sales';
}

/** Each side lists exactly this many objectives, in priority order. */
export const OBJECTIVE_COUNT = 3;

/** Longest private note (objective or risk) accepted, in UTF-16 code units (JavaScript string length). */
export const NOTE_MAX_LENGTH = 2000;

/** In the order DOMAIN.md lists them; `shared` is reported in this order. */
export const OBJECTIVE_CATEGORIES = [
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
] as const;
export type ObjectiveCategory = (typeof OBJECTIVE_CATEGORIES)[number];

export interface TaxonomyEntry {
  readonly label: string;
  readonly explanation: string;
}

/** Neutral wording: both portals show the same list, so no entry may read as one side's agenda. */
export const OBJECTIVE_CATEGORY_INFO: Readonly<Record<ObjectiveCategory, TaxonomyEntry>> = {
  cost_savings: { label: 'Cost savings', explanation: 'Lower total cost of ownership for the buyer.' },
  business_value: {
    label: 'Business value',
    explanation: 'Measurable gains in revenue, productivity or margin from the deal.',
  },
  risk_reduction: {
    label: 'Risk reduction',
    explanation: 'Fewer operational, financial or security exposures once the deal is live.',
  },
  compliance: {
    label: 'Compliance',
    explanation: 'Meeting regulatory, contractual and internal policy obligations.',
  },
  speed_to_value: { label: 'Speed to value', explanation: 'Benefits realised soon after signature.' },
  quality: { label: 'Quality', explanation: 'Products or services that reliably meet the agreed standard.' },
  innovation: {
    label: 'Innovation',
    explanation: 'New capabilities or ways of working the buyer does not have today.',
  },
  long_term_partnership: {
    label: 'Long-term partnership',
    explanation: 'A lasting relationship that grows beyond this one deal.',
  },
  supply_continuity: {
    label: 'Supply continuity',
    explanation: 'Uninterrupted supply of what the buyer depends on.',
  },
  sustainability: {
    label: 'Sustainability',
    explanation: 'Better environmental and social outcomes, such as lower emissions.',
  },
  scalability: { label: 'Scalability', explanation: 'A solution that grows with demand without rework.' },
};

/** Unordered pairs of different categories that count as partial alignment (affinity 0.5). */
export const RELATED_PAIRS = [
  ['cost_savings', 'business_value'],
  ['risk_reduction', 'compliance'],
  ['risk_reduction', 'supply_continuity'],
  ['long_term_partnership', 'supply_continuity'],
  ['innovation', 'business_value'],
  ['innovation', 'scalability'],
  ['quality', 'risk_reduction'],
  ['speed_to_value', 'business_value'],
  ['sustainability', 'compliance'],
] as const satisfies readonly (readonly [ObjectiveCategory, ObjectiveCategory])[];

/** Priority weights of the 1st, 2nd and 3rd objective. */
export const PRIORITY_WEIGHTS = [3, 2, 1] as const;

export const RISK_CATEGORIES = ['operational', 'financial', 'informationSecurity'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_CATEGORY_LABELS: Readonly<Record<RiskCategory, string>> = {
  operational: 'Operational',
  financial: 'Financial',
  informationSecurity: 'Information security',
};

/** Likelihood, impact, supply risk and business impact are all rated on this integer scale. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** Index i is the label of rating i + 1. */
export const LIKELIHOOD_LABELS = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const IMPACT_LABELS = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

/**
 * Severity (likelihood × impact) bands in increasing order; the gap between two views of a risk is
 * the difference of their band indexes. 17–19 cannot occur as a product of two ratings 1–5.
 */
export const RISK_BANDS = [
  { band: 'low', minSeverity: 1, maxSeverity: 4 },
  { band: 'medium', minSeverity: 5, maxSeverity: 9 },
  { band: 'high', minSeverity: 10, maxSeverity: 16 },
  { band: 'critical', minSeverity: 20, maxSeverity: 25 },
] as const;
export type RiskBand = (typeof RISK_BANDS)[number]['band'];

export const RISK_STATUSES = ['aligned', 'minor_gap', 'major_gap'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** Largest total band gap over the three risk categories (low vs critical in each). */
export const MAX_TOTAL_RISK_GAP = (RISK_BANDS.length - 1) * RISK_CATEGORIES.length;

export const PURCHASE_CLASSES = ['strategic', 'commodity'] as const;
export type PurchaseClass = (typeof PURCHASE_CLASSES)[number];

export const KRALJIC_QUADRANTS = ['strategic', 'leverage', 'bottleneck', 'non_critical'] as const;
export type KraljicQuadrant = (typeof KRALJIC_QUADRANTS)[number];

export interface KraljicQuadrantEntry extends TaxonomyEntry {
  readonly purchaseClass: PurchaseClass;
}

/** A rating at or above this threshold counts as "high" when placing a deal in the Kraljic matrix. */
export const KRALJIC_HIGH_THRESHOLD = 3;

export const KRALJIC_QUADRANT_INFO: Readonly<Record<KraljicQuadrant, KraljicQuadrantEntry>> = {
  strategic: {
    label: 'Strategic',
    purchaseClass: 'strategic',
    explanation: 'High business impact and high supply risk.',
  },
  leverage: {
    label: 'Leverage',
    purchaseClass: 'commodity',
    explanation: 'High business impact and low supply risk.',
  },
  bottleneck: {
    label: 'Bottleneck',
    purchaseClass: 'strategic',
    explanation: 'Low business impact and high supply risk.',
  },
  non_critical: {
    label: 'Non-critical',
    purchaseClass: 'commodity',
    explanation: 'Low business impact and low supply risk.',
  },
};

/** What procurement's class of the purchase means for the process both sides should expect. */
export const APPROACHES = ['collaborative', 'competitive'] as const;
export type Approach = (typeof APPROACHES)[number];

export const APPROACH_BY_CLASS: Readonly<Record<PurchaseClass, Approach>> = {
  strategic: 'collaborative',
  commodity: 'competitive',
};

/** From least to most revealing; the order matters (effectiveDisclosure takes the lower). */
export const DISCLOSURE_LEVELS = ['summary', 'standard', 'detailed'] as const;
export type DisclosureLevel = (typeof DISCLOSURE_LEVELS)[number];

export const DISCLOSURE_LEVEL_INFO: Readonly<Record<DisclosureLevel, TaxonomyEntry>> = {
  summary: { label: 'Summary', explanation: 'Score, band and recommendations without categories.' },
  standard: {
    label: 'Standard',
    explanation: 'Adds objective counts and shared objectives, per-risk status and nature agreement.',
  },
  detailed: { label: 'Detailed', explanation: "Adds each side's Kraljic quadrant." },
};

/** Score bands from best to worst with the lowest score of each. */
export const SCORE_BANDS = ['strong', 'workable', 'at_risk', 'slim'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

export const SCORE_BAND_MIN_SCORE: Readonly<Record<ScoreBand, number>> = {
  strong: 75,
  workable: 50,
  at_risk: 25,
  slim: 0,
};

/** The two-of-three rule: this many misaligned objectives make the band `slim` whatever the score. */
export const MISALIGNED_SLIM_THRESHOLD = 2;

export const ENGAGEMENTS = ['late', 'adequate', 'ideal'] as const;
export type Engagement = (typeof ENGAGEMENTS)[number];

/** Fewer months than this between deal creation and decision is late engagement. */
export const LATE_ENGAGEMENT_MONTHS = 6;
/** Sellers should engage up to this many months before formal bidding starts. */
export const IDEAL_ENGAGEMENT_MONTHS = 18;
