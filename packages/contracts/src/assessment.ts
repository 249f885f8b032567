import {
  type Assessment,
  type AssessmentDraft,
  DISCLOSURE_LEVELS,
  NOTE_MAX_LENGTH,
  OBJECTIVE_CATEGORIES,
  RATING_MAX,
  RATING_MIN,
} from '@cg/domain';
import { z } from 'zod';

/*
 * The private assessment a side writes (API.md, "Assessments"). Objects are strict: an unknown
 * field is refused rather than silently dropped, so a typo in an integration does not lose input.
 * Everything here stays JSON-Schema-representable (refinements, no transforms): the OpenAPI
 * document is generated from these schemas.
 */

export const ObjectiveCategorySchema = z
  .enum(OBJECTIVE_CATEGORIES)
  .describe('An objective from the neutral taxonomy both sides choose from.')
  .meta({ id: 'ObjectiveCategory' });

export const DisclosureLevelSchema = z
  .enum(DISCLOSURE_LEVELS)
  .describe(
    'The most this side agrees to reveal of the alignment report; the deal shows the lower of the two sides’ levels.',
  )
  .meta({ id: 'DisclosureLevel' });

const rating = (description: string) => z.int().min(RATING_MIN).max(RATING_MAX).describe(description);

const note = (description: string) =>
  z
    .string()
    .max(NOTE_MAX_LENGTH)
    .describe(
      `${description} Private to this side, never shown to the other. An empty note is the same as none.`,
    );

export const AssessmentObjectiveSchema = z
  .object({
    category: ObjectiveCategorySchema,
    note: note('Why this objective matters.').exactOptional(),
  })
  .strict()
  .describe('One objective of this side for the deal.')
  .meta({ id: 'AssessmentObjective' });

export const RiskRatingSchema = z
  .object({
    likelihood: rating('1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain.'),
    impact: rating('1 negligible, 2 minor, 3 moderate, 4 major, 5 severe.'),
    note: note('What drives this view of the risk.').exactOptional(),
  })
  .strict()
  .describe('How much risk this deal carries in one category; both sides answer the same question.')
  .meta({ id: 'RiskRating' });

export const AssessmentRisksSchema = z
  .object({
    operational: RiskRatingSchema,
    financial: RiskRatingSchema,
    informationSecurity: RiskRatingSchema,
  })
  .strict()
  .describe('This side’s view of the operational, financial and information-security risk of the deal.')
  .meta({ id: 'AssessmentRisks' });

export const NaturePositionSchema = z
  .object({
    supplyRisk: rating('Supply risk, 1–5; 3 or more counts as high.'),
    businessImpact: rating('Business impact, 1–5; 3 or more counts as high.'),
  })
  .strict()
  .describe('Where this side places the purchase in the Kraljic matrix.')
  .meta({ id: 'NaturePosition' });

function distinctCategories(
  objectives: ReadonlyArray<{ category: string } | null>,
  context: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  objectives.forEach((objective, index) => {
    if (!objective) return;
    if (seen.has(objective.category)) {
      context.addIssue({
        code: 'custom',
        message: `Objective categories must be distinct: "${objective.category}" is chosen twice.`,
        path: [index, 'category'],
        input: objective.category,
      });
    }
    seen.add(objective.category);
  });
}

export const AssessmentObjectivesSchema = z
  .tuple([AssessmentObjectiveSchema, AssessmentObjectiveSchema, AssessmentObjectiveSchema])
  .superRefine(distinctCategories)
  .describe('Exactly three objectives with distinct categories, in priority order (first is most important).')
  .meta({ id: 'AssessmentObjectives' });

export const AssessmentInputSchema = z
  .object({
    objectives: AssessmentObjectivesSchema,
    risks: AssessmentRisksSchema,
    nature: NaturePositionSchema,
    disclosure: DisclosureLevelSchema,
  })
  .strict()
  .describe(
    'A side’s private assessment of the deal. Only members and clients of the organisation that wrote it can read it.',
  )
  .meta({ id: 'AssessmentContent' });

export type AssessmentInput = z.infer<typeof AssessmentInputSchema>;

/*
 * A draft (issue 17): any of the parts may be missing, but each part present is valid. Parts are
 * whole (an objective slot, a risk category, the nature position, the disclosure level); submit
 * names the missing ones (422). A complete draft is exactly an AssessmentInput.
 */
export const AssessmentDraftObjectivesSchema = z
  .array(AssessmentObjectiveSchema.nullable())
  .max(3)
  .superRefine(distinctCategories)
  .describe(
    'Up to three objectives with distinct categories, in priority order; a null (or missing) slot is not chosen yet.',
  )
  .meta({ id: 'AssessmentDraftObjectives' });

export const AssessmentDraftRisksSchema = z
  .object({
    operational: RiskRatingSchema.exactOptional(),
    financial: RiskRatingSchema.exactOptional(),
    informationSecurity: RiskRatingSchema.exactOptional(),
  })
  .strict()
  .describe('The risk categories rated so far; a category is rated whole (likelihood and impact).')
  .meta({ id: 'AssessmentDraftRisks' });

export const AssessmentDraftInputSchema = z
  .object({
    objectives: AssessmentDraftObjectivesSchema.exactOptional(),
    risks: AssessmentDraftRisksSchema.exactOptional(),
    nature: NaturePositionSchema.exactOptional(),
    disclosure: DisclosureLevelSchema.exactOptional(),
  })
  .strict()
  .describe(
    'A side’s private assessment of the deal, possibly incomplete while it is a draft: the parts present must be valid, the missing ones are named when submitting. A complete body is an AssessmentContent. Only members and clients of the organisation that wrote it can read it.',
  )
  .meta({ id: 'AssessmentDraft' });

export type AssessmentDraftInput = z.infer<typeof AssessmentDraftInputSchema>;

/*
 * Compile-time proof that the contract and the domain describe the same data: each type must be
 * assignable to the other, so a field added on one side only fails the typecheck.
 */
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contractMatchesDomain: MutuallyAssignable<AssessmentInput, Assessment> = true;
const draftContractMatchesDomain: MutuallyAssignable<AssessmentDraftInput, AssessmentDraft> = true;
void contractMatchesDomain;
void draftContractMatchesDomain;
