import {
  APPROACHES,
  type DisclosedReport,
  ENGAGEMENTS,
  KRALJIC_QUADRANTS,
  RECOMMENDATION_CODES,
  RISK_STATUSES,
  SCORE_BANDS,
  SIDES,
} from '@cg/domain';
import { z } from 'zod';
import { DisclosureLevelSchema, ObjectiveCategorySchema } from './assessment.js';

/*
 * The alignment report as one side may read it (API.md, GET /v1/deals/{dealId}/alignment, status
 * "ready"), without the fields the service adds (status, version, round, computedAt, basedOn).
 * Optional parts are present exactly as the effective disclosure level allows (DOMAIN.md,
 * "Disclosure").
 */

export const SideSchema = z.enum(SIDES).describe('A side of a deal.').meta({ id: 'Side' });

export const KraljicQuadrantSchema = z
  .enum(KRALJIC_QUADRANTS)
  .describe('strategic and bottleneck are strategic purchases; leverage and non_critical are commodity ones.')
  .meta({ id: 'KraljicQuadrant' });

export const ScoreBandSchema = z
  .enum(SCORE_BANDS)
  .describe(
    'strong (score ≥ 75), workable (50–74), at_risk (25–49), slim (< 25); slim whenever two or more objectives are misaligned.',
  )
  .meta({ id: 'ScoreBand' });

export const TimingSchema = z
  .object({
    monthsToDecision: z
      .int()
      .min(0)
      .describe(
        'Whole calendar months from the deal’s creation to its expected decision date (0 if before).',
      ),
    engagement: z
      .enum(ENGAGEMENTS)
      .describe('late (under 6 months), adequate (6–17 months) or ideal (18 months or more).'),
  })
  .strict()
  .describe('How early the sides engaged; present when the deal has an expected decision date.')
  .meta({ id: 'AlignmentTiming' });

export const ObjectivesAlignmentSchema = z
  .object({
    aligned: z.int().min(0).max(3).describe('Objectives matched with the same category on the other side.'),
    related: z.int().min(0).max(3).describe('Objectives matched with a related category on the other side.'),
    misaligned: z.int().min(0).max(3).describe('3 − aligned − related.'),
    shared: z
      .array(ObjectiveCategorySchema)
      .max(3)
      .describe('The categories both sides chose, in taxonomy order: the only categories ever revealed.'),
  })
  .strict()
  .describe('How the two sides’ three objectives line up (standard and detailed levels).')
  .meta({ id: 'ObjectivesAlignment' });

export const RiskAlignmentSchema = z
  .object({
    status: z
      .enum(RISK_STATUSES)
      .describe('aligned (same severity band), minor_gap (adjacent bands) or major_gap (two or more apart).'),
    underratedBy: SideSchema.exactOptional().describe(
      'The side that rates this risk lower; absent when aligned.',
    ),
  })
  .strict()
  .describe('How the two sides’ views of one risk category compare.')
  .meta({ id: 'RiskAlignment' });

export const RisksAlignmentSchema = z
  .object({
    operational: RiskAlignmentSchema,
    financial: RiskAlignmentSchema,
    informationSecurity: RiskAlignmentSchema,
  })
  .strict()
  .describe('Per risk category (standard and detailed levels).')
  .meta({ id: 'RisksAlignment' });

export const NatureAlignmentSchema = z
  .object({
    agreed: z.boolean().describe('Both sides put the purchase in the same class (strategic or commodity).'),
    approach: z
      .enum(APPROACHES)
      .describe(
        'Follows procurement’s class: competitive for a commodity purchase, collaborative for a strategic one.',
      ),
    quadrants: z
      .object({ sales: KraljicQuadrantSchema, procurement: KraljicQuadrantSchema })
      .strict()
      .exactOptional()
      .describe('Each side’s Kraljic quadrant (detailed level only).'),
  })
  .strict()
  .describe('How the sides see the nature of the purchase (standard and detailed levels).')
  .meta({ id: 'NatureAlignment' });

export const RecommendationCodeSchema = z
  .enum(RECOMMENDATION_CODES)
  .describe('A stable code; new codes may be added, existing ones keep their meaning.')
  .meta({ id: 'RecommendationCode' });

export const RecommendationSchema = z
  .object({
    code: RecommendationCodeSchema,
    message: z.string().describe('Advice worded for the reading side.'),
  })
  .strict()
  .describe('One piece of advice for the reading side.')
  .meta({ id: 'Recommendation' });

export const DisclosedReportSchema = z
  .object({
    algorithm: z.string().describe('The version of the alignment algorithm that computed the report.'),
    disclosure: DisclosureLevelSchema,
    score: z.int().min(0).max(100).describe('Overall alignment, 0–100.'),
    band: ScoreBandSchema,
    timing: TimingSchema.exactOptional(),
    objectives: ObjectivesAlignmentSchema.exactOptional(),
    risks: RisksAlignmentSchema.exactOptional(),
    nature: NatureAlignmentSchema.exactOptional(),
    recommendations: z
      .array(RecommendationSchema)
      .describe('Advice for the reading side, in a stable order.'),
  })
  .strict()
  .describe('The alignment report as the reading side may see it at the deal’s effective disclosure level.')
  .meta({ id: 'DisclosedReport' });

export type DisclosedReportOutput = z.infer<typeof DisclosedReportSchema>;

/* Compile-time proof that the contract and the domain describe the same report. */
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contractMatchesDomain: MutuallyAssignable<DisclosedReportOutput, DisclosedReport> = true;
void contractMatchesDomain;
