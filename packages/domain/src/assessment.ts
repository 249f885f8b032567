import {
  DISCLOSURE_LEVELS,
  type DisclosureLevel,
  OBJECTIVE_CATEGORIES,
  type ObjectiveCategory,
  RATING_MAX,
  RATING_MIN,
  RISK_CATEGORIES,
} from './taxonomy.js';

/*
 * The private input of one side. The shapes are mutable plain data on purpose: they must be
 * identical to what the contract schema infers (a test asserts it), and the domain never mutates
 * an assessment it is given.
 */

export interface Objective {
  category: ObjectiveCategory;
  note?: string;
}

export interface RiskRating {
  /** 1–5: rare, unlikely, possible, likely, almost certain. */
  likelihood: number;
  /** 1–5: negligible, minor, moderate, major, severe. */
  impact: number;
  note?: string;
}

export interface RiskAssessment {
  operational: RiskRating;
  financial: RiskRating;
  informationSecurity: RiskRating;
}

/** A Kraljic position; each value 1–5, 3 and above counts as high. */
export interface NaturePosition {
  supplyRisk: number;
  businessImpact: number;
}

export interface Assessment {
  /** Exactly three distinct categories, in priority order. */
  objectives: [Objective, Objective, Objective];
  risks: RiskAssessment;
  nature: NaturePosition;
  /** The most this side agrees to reveal. */
  disclosure: DisclosureLevel;
}

/** Bumped whenever the canonical form changes, so an old and a new form never compare equal by accident. */
const CANONICAL_FORMAT = 'cg.assessment.v1';

/**
 * A canonical serialization of all content of an assessment: two assessments have equal canonical
 * forms exactly when they have the same content, whatever the key order of the objects they came
 * from (keys are read by name, never enumerated; unknown keys are ignored).
 *
 * An absent note and an empty-string note are the same content (both serialize as ""): a portal
 * that clears a text field must not make an otherwise unchanged submission count as a change.
 * Notes are otherwise compared exactly (no trimming, no Unicode normalization).
 *
 * Deliberately not hashed here: the input space is small enough that a plain hash would be
 * brute-forced from a database dump; the service keys it (HMAC with a per-deal key).
 */
export function canonicalAssessment(assessment: Assessment): string {
  const [first, second, third] = assessment.objectives;
  const { operational, financial, informationSecurity } = assessment.risks;
  return JSON.stringify([
    CANONICAL_FORMAT,
    [first.category, first.note ?? ''],
    [second.category, second.note ?? ''],
    [third.category, third.note ?? ''],
    [operational.likelihood, operational.impact, operational.note ?? ''],
    [financial.likelihood, financial.impact, financial.note ?? ''],
    [informationSecurity.likelihood, informationSecurity.impact, informationSecurity.note ?? ''],
    [assessment.nature.supplyRisk, assessment.nature.businessImpact],
    assessment.disclosure,
  ]);
}

const categoryIndexes: ReadonlyMap<string, number> = new Map(
  OBJECTIVE_CATEGORIES.map((category, index) => [category, index]),
);

/** The taxonomy index of a category, or -1 when the string is not in the taxonomy. */
export function categoryIndex(category: string): number {
  return categoryIndexes.get(category) ?? -1;
}

export function isRating(value: number): boolean {
  return Number.isInteger(value) && value >= RATING_MIN && value <= RATING_MAX;
}

function isDisclosureLevel(value: string): value is DisclosureLevel {
  return (DISCLOSURE_LEVELS as readonly string[]).includes(value);
}

/**
 * Why an assessment is not valid, or an empty list. The contract schema is the first line of
 * defence; this is the domain refusing to compute a report from input it was not designed for
 * (notes are not checked: they never influence a report).
 */
export function assessmentProblems(assessment: Assessment): string[] {
  const problems: string[] = [];
  const objectives: readonly Objective[] = assessment.objectives;
  if (objectives.length !== 3) problems.push('objectives: exactly 3 are required');
  const seen = new Set<string>();
  objectives.forEach((objective, index) => {
    if (categoryIndex(objective.category) < 0)
      problems.push(`objectives.${index}.category: unknown category`);
    else if (seen.has(objective.category)) problems.push(`objectives.${index}.category: duplicate category`);
    seen.add(objective.category);
  });
  for (const name of RISK_CATEGORIES) {
    const rating: RiskRating | undefined = assessment.risks[name];
    if (rating === undefined) {
      problems.push(`risks.${name}: missing`);
      continue;
    }
    if (!isRating(rating.likelihood)) problems.push(`risks.${name}.likelihood: must be an integer 1–5`);
    if (!isRating(rating.impact)) problems.push(`risks.${name}.impact: must be an integer 1–5`);
  }
  if (!isRating(assessment.nature.supplyRisk)) problems.push('nature.supplyRisk: must be an integer 1–5');
  if (!isRating(assessment.nature.businessImpact)) {
    problems.push('nature.businessImpact: must be an integer 1–5');
  }
  if (!isDisclosureLevel(assessment.disclosure)) problems.push('disclosure: unknown level');
  return problems;
}
