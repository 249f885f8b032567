import { CONTRIBUTION_PARTS, PURCHASE_CLASSES, RISK_BANDS, RISK_CATEGORIES, RISK_STATUSES } from '@cg/domain';
import { z } from 'zod';
import { KraljicQuadrantSchema, SideSchema } from './alignment-report.js';
import {
  AssessmentDraftInputSchema,
  AssessmentObjectivesSchema,
  NaturePositionSchema,
  RiskRatingSchema,
} from './assessment.js';
import { Timestamp } from './common.js';
import { AssessmentReceiptSchema, AssessmentSchema } from './deals.js';
import { RoleSchema } from './identity.js';

/*
 * Teams on each side of a deal (issue 17). Everything here is private to the caller's
 * organisation: the other side never sees a team, a contribution, the internal spread or the
 * stakeholder map, nor learns that they exist.
 */

export const DEAL_ROLES = ['owner', 'contributor', 'viewer'] as const;
export const DealRoleSchema = z
  .enum(DEAL_ROLES)
  .describe(
    "A person's role on one deal: an owner runs the side (its assessment, submission, team and deal details), a contributor gives its own view of the parts it is asked for and works on the plan, a viewer reads.",
  )
  .meta({ id: 'DealRole' });

export const CONTRIBUTION_PART_NAMES = CONTRIBUTION_PARTS;
export const ContributionPartSchema = z
  .enum(CONTRIBUTION_PART_NAMES)
  .describe(
    'A part of an assessment a contributor can be asked for: the objectives, one risk category, or the nature of the purchase.',
  )
  .meta({ id: 'ContributionPart' });

const askedParts = z
  .array(ContributionPartSchema)
  .max(CONTRIBUTION_PART_NAMES.length)
  .refine((parts) => new Set(parts).size === parts.length, 'each part at most once');

export const DealTeamMemberSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: DealRoleSchema,
    askedParts: z
      .array(ContributionPartSchema)
      .describe('The parts a contributor is asked for (empty for owners and viewers).'),
    contribution: z
      .object({ updatedAt: Timestamp })
      .nullable()
      .describe('When the person last saved a contribution on this deal; null if never.'),
    version: z.int().min(1),
    addedAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'DealTeamMember' });

export const DealTeamSchema = z
  .object({
    you: z
      .object({
        role: DealRoleSchema,
        askedParts: z.array(ContributionPartSchema),
        source: z
          .enum(['team', 'organisation'])
          .describe(
            '`team` when you are on the deal team; `organisation` when your role follows from your organisation role (administrators and API clients act as owners, others read).',
          ),
      })
      .describe('What you may do on this deal.'),
    spreadShared: z.boolean().describe("Whether the side's owners share its internal spread with the team."),
    members: z.array(DealTeamMemberSchema),
  })
  .meta({ id: 'DealTeam' });

export const TeamCandidateListSchema = z
  .object({
    data: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        email: z.string(),
        organisationRole: RoleSchema.describe(
          'Their role in the organisation: its viewers can only be viewers of a deal.',
        ),
      }),
    ),
  })
  .meta({ id: 'TeamCandidateList' });

export const PutTeamMemberRequestSchema = z
  .object({
    role: DealRoleSchema,
    askedParts: askedParts
      .exactOptional()
      .describe('For a contributor, the parts it is asked for; by default all of them.'),
  })
  .strict()
  .meta({ id: 'PutTeamMemberRequest' });

export const TeamMemberParamsSchema = z.object({
  dealId: z.string().max(100),
  userId: z.string().max(100),
});

/** A contributor's private view: any of the parts it is asked for, each whole. */
export const ContributionContentSchema = z
  .object({
    objectives: AssessmentObjectivesSchema.exactOptional(),
    risks: AssessmentDraftInputSchema.shape.risks,
    nature: NaturePositionSchema.exactOptional(),
  })
  .strict()
  .describe(
    "One person's private view of the parts asked of them. Private to the side: the other side never sees it, nor learns that it exists.",
  )
  .meta({ id: 'ContributionContent' });

export const ContributionSchema = z
  .object({
    id: z.string(),
    contributor: z.object({ userId: z.string(), name: z.string() }),
    parts: z.array(ContributionPartSchema).describe('The parts this contribution holds.'),
    content: ContributionContentSchema,
    version: z.int().min(1),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Contribution' });

export const ContributionListSchema = z
  .object({ data: z.array(ContributionSchema) })
  .describe('An owner sees every contribution of its side; anyone else only their own.')
  .meta({ id: 'ContributionList' });

const riskBands = RISK_BANDS.map((entry) => entry.band) as [
  (typeof RISK_BANDS)[number]['band'],
  ...(typeof RISK_BANDS)[number]['band'][],
];
const person = z.object({ userId: z.string(), name: z.string() });

const RiskSpreadSchema = z.object({
  views: z.array(person.extend({ band: z.enum(riskBands) })),
  spread: z.int().min(0).describe('Bands between the lowest and the highest view.'),
  status: z.enum(RISK_STATUSES),
});

export const InternalAlignmentSchema = z
  .object({
    shared: z.boolean().describe('Whether the owners share this spread with the team.'),
    contributors: z.array(
      person.extend({ contributionId: z.string(), parts: z.array(ContributionPartSchema) }),
    ),
    objectives: z.object({
      pairs: z.array(
        z.object({
          between: z.tuple([z.string(), z.string()]).describe('The two user ids.'),
          score: z
            .number()
            .min(0)
            .max(1)
            .describe('Weighted objective affinity, as in the alignment report.'),
          aligned: z.int(),
          related: z.int(),
          misaligned: z.int(),
        }),
      ),
    }),
    risks: z.object(
      Object.fromEntries(RISK_CATEGORIES.map((category) => [category, RiskSpreadSchema])) as Record<
        (typeof RISK_CATEGORIES)[number],
        typeof RiskSpreadSchema
      >,
    ),
    nature: z.object({
      views: z.array(
        person.extend({ quadrant: KraljicQuadrantSchema, purchaseClass: z.enum(PURCHASE_CLASSES) }),
      ),
      agreed: z.boolean(),
    }),
    recommendations: z.array(z.object({ code: z.string(), message: z.string() })),
  })
  .describe(
    "How far the side's own people stand apart, computed by the alignment engine from their contributions. Never shown to the other side.",
  )
  .meta({ id: 'InternalAlignment' });

export const SpreadSharingSchema = z.object({ shared: z.boolean() }).strict().meta({ id: 'SpreadSharing' });

const from = z.object({ from: z.string().describe('A contribution id.') }).strict();
const averaged = z
  .object({
    average: z
      .array(z.string())
      .min(1)
      .max(50)
      .describe('Contribution ids: each rating is their mean, rounded half up.'),
  })
  .strict();

export const ConsolidationRequestSchema = z
  .object({
    objectives: z
      .union([
        from,
        z
          .object({
            combine: z
              .array(z.string())
              .min(1)
              .max(50)
              .describe('Contribution ids, ranked by priority weights 3-2-1.'),
          })
          .strict(),
        z.object({ override: AssessmentObjectivesSchema }).strict(),
      ])
      .exactOptional(),
    risks: z
      .object(
        Object.fromEntries(
          RISK_CATEGORIES.map((category) => [
            category,
            z.union([from, averaged, z.object({ override: RiskRatingSchema }).strict()]).exactOptional(),
          ]),
        ) as Record<
          (typeof RISK_CATEGORIES)[number],
          z.ZodExactOptional<
            z.ZodUnion<
              [
                typeof from,
                typeof averaged,
                z.ZodObject<{ override: typeof RiskRatingSchema }, z.core.$strict>,
              ]
            >
          >
        >,
      )
      .strict()
      .exactOptional(),
    nature: z.union([from, averaged, z.object({ override: NaturePositionSchema }).strict()]).exactOptional(),
  })
  .strict()
  .refine(
    (plan) => plan.objectives !== undefined || plan.risks !== undefined || plan.nature !== undefined,
    'choose at least one part',
  )
  .describe(
    "How the owner builds the side's assessment draft from contributions, part by part: pick one, average (or combine objectives), or override. Parts left out keep their draft value.",
  )
  .meta({ id: 'ConsolidationRequest' });

export const STAKEHOLDER_ROLES = [
  'economic_buyer',
  'technical_evaluator',
  'user',
  'legal',
  'procurement',
  'champion',
  'blocker',
] as const;
export const STAKEHOLDER_INFLUENCES = ['low', 'medium', 'high'] as const;
export const STAKEHOLDER_STANCES = ['supportive', 'neutral', 'opposed', 'unknown'] as const;

export const StakeholderSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    side: SideSchema.describe('The party the person belongs to.'),
    role: z.enum(STAKEHOLDER_ROLES),
    influence: z.enum(STAKEHOLDER_INFLUENCES),
    stance: z.enum(STAKEHOLDER_STANCES),
    memberUserId: z.string().nullable().describe('A person of your organisation this entry is.'),
    notes: z.string().nullable().describe('Private to your side.'),
    version: z.int().min(1),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .describe('A person with a role in the buying decision, as your side sees them. Private to your side.')
  .meta({ id: 'Stakeholder' });

const stakeholderFields = {
  name: z.string().trim().min(1, 'must not be empty').max(200),
  side: SideSchema,
  role: z.enum(STAKEHOLDER_ROLES),
  influence: z.enum(STAKEHOLDER_INFLUENCES),
  stance: z.enum(STAKEHOLDER_STANCES),
  memberUserId: z.string().max(100).nullable(),
  notes: z.string().max(5000).nullable(),
};

export const CreateStakeholderRequestSchema = z
  .object({
    ...stakeholderFields,
    stance: stakeholderFields.stance.default('unknown'),
    influence: stakeholderFields.influence.default('medium'),
    memberUserId: stakeholderFields.memberUserId.exactOptional(),
    notes: stakeholderFields.notes.exactOptional(),
  })
  .strict()
  .meta({ id: 'CreateStakeholderRequest' });

export const UpdateStakeholderRequestSchema = z
  .object({
    name: stakeholderFields.name.exactOptional(),
    side: stakeholderFields.side.exactOptional(),
    role: stakeholderFields.role.exactOptional(),
    influence: stakeholderFields.influence.exactOptional(),
    stance: stakeholderFields.stance.exactOptional(),
    memberUserId: stakeholderFields.memberUserId.exactOptional(),
    notes: stakeholderFields.notes.exactOptional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'change at least one field')
  .meta({ id: 'UpdateStakeholderRequest' });

export const StakeholderListSchema = z
  .object({ data: z.array(StakeholderSchema) })
  .meta({ id: 'StakeholderList' });

export const StakeholderParamsSchema = z.object({
  dealId: z.string().max(100),
  stakeholderId: z.string().max(100),
});

export const ConsolidationResultSchema = z
  .object({
    assessment: z
      .union([AssessmentSchema, AssessmentReceiptSchema])
      .describe("The side's draft as it now stands (a receipt for a write-only client)."),
    sources: z.array(z.string()).describe('The contributions the consolidated parts came from.'),
    rules: z
      .partialRecord(ContributionPartSchema, z.string())
      .describe(
        'Per part consolidated, the rule applied (picked, mean rounded half up, combined, set by the owner).',
      ),
  })
  .meta({ id: 'ConsolidationResult' });
