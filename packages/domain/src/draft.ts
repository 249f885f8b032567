import {
  type Assessment,
  canonicalAssessment,
  type NaturePosition,
  type Objective,
  type RiskRating,
} from './assessment.js';
import { type DisclosureLevel, RISK_CATEGORIES, type RiskCategory } from './taxonomy.js';

/*
 * A draft is an assessment that may be incomplete (issue 17): a side saves whatever parts it has
 * and fills in the rest later. Parts are whole: an objective slot, a risk category (likelihood
 * and impact together), the nature position, the disclosure level. Only a complete draft can be
 * submitted, and the report engine only ever sees complete, submitted assessments.
 */

export interface AssessmentDraft {
  /** Up to three slots in priority order; a null slot (or a missing one) is not yet chosen. */
  objectives?: Array<Objective | null>;
  risks?: Partial<Record<RiskCategory, RiskRating>>;
  nature?: NaturePosition;
  disclosure?: DisclosureLevel;
}

/** Every part of an assessment, as the JSON Pointer the API names it by when it is missing. */
export const ASSESSMENT_PARTS = [
  '/objectives/0',
  '/objectives/1',
  '/objectives/2',
  ...RISK_CATEGORIES.map((category) => `/risks/${category}` as const),
  '/nature',
  '/disclosure',
] as const;
export type AssessmentPart = (typeof ASSESSMENT_PARTS)[number];

const OBJECTIVE_SLOTS = [0, 1, 2] as const;

/** The parts a draft still lacks, in the order of ASSESSMENT_PARTS; empty when it is complete. */
export function missingParts(draft: AssessmentDraft): AssessmentPart[] {
  const missing: AssessmentPart[] = [];
  for (const slot of OBJECTIVE_SLOTS) {
    if (!draft.objectives?.[slot]) missing.push(`/objectives/${slot}`);
  }
  for (const category of RISK_CATEGORIES) {
    if (!draft.risks?.[category]) missing.push(`/risks/${category}`);
  }
  if (!draft.nature) missing.push('/nature');
  if (!draft.disclosure) missing.push('/disclosure');
  return missing;
}

/** The draft as an assessment when nothing is missing, else undefined. */
export function completeAssessment(draft: AssessmentDraft): Assessment | undefined {
  const [first, second, third] = draft.objectives ?? [];
  const operational = draft.risks?.operational;
  const financial = draft.risks?.financial;
  const informationSecurity = draft.risks?.informationSecurity;
  const { nature, disclosure } = draft;
  if (!first || !second || !third || !operational || !financial || !informationSecurity) return undefined;
  if (!nature || !disclosure) return undefined;
  return {
    objectives: [first, second, third],
    risks: { operational, financial, informationSecurity },
    nature,
    disclosure,
  };
}

const DRAFT_FORMAT = 'cg.draft.v1';

/**
 * The canonical form of a draft: exactly canonicalAssessment for a complete one (so an unchanged
 * resubmission is recognised), and a distinct format for an incomplete one (never equal to any
 * complete assessment's form). Absent and empty notes are the same content, as there.
 */
export function canonicalDraft(draft: AssessmentDraft): string {
  const complete = completeAssessment(draft);
  if (complete) return canonicalAssessment(complete);
  const objective = (slot: 0 | 1 | 2) => {
    const chosen = draft.objectives?.[slot];
    return chosen ? [chosen.category, chosen.note ?? ''] : null;
  };
  const risk = (category: RiskCategory) => {
    const rating = draft.risks?.[category];
    return rating ? [rating.likelihood, rating.impact, rating.note ?? ''] : null;
  };
  return JSON.stringify([
    DRAFT_FORMAT,
    ...OBJECTIVE_SLOTS.map(objective),
    ...RISK_CATEGORIES.map(risk),
    draft.nature ? [draft.nature.supplyRisk, draft.nature.businessImpact] : null,
    draft.disclosure ?? null,
  ]);
}
