import { z } from 'zod';
import { DisclosedReportSchema, SideSchema } from './alignment-report.js';
import { AssessmentDraftInputSchema } from './assessment.js';
import { PageQuerySchema, Timestamp } from './common.js';

export const DEAL_STATUSES = [
  'awaiting_counterparty',
  'assessing',
  'aligned',
  'won',
  'lost',
  'withdrawn',
] as const;
export const CLOSED_DEAL_STATUSES = ['won', 'lost', 'withdrawn'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const DealStatusSchema = z
  .enum(DEAL_STATUSES)
  .describe(
    'awaiting_counterparty → assessing (both parties joined) → aligned (a report exists) → won / lost / withdrawn.',
  )
  .meta({ id: 'DealStatus' });

export const MoneySchema = z
  .object({
    amount: z
      .number()
      .min(0)
      .max(1e12)
      .refine(
        (amount) => Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6,
        'must have at most two decimals',
      )
      .describe('The estimated value, in the currency’s major unit (e.g. 250000.50).'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
      .describe('ISO 4217 currency code.'),
  })
  .strict()
  .meta({ id: 'Money' });

/** A calendar date (`2027-06-30`, taken as midnight UTC) or an RFC 3339 date-time. */
export const DecisionDateSchema = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .describe('The expected RFP or decision date: `YYYY-MM-DD` or an RFC 3339 date-time.');

export const CreateDealRequestSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(200),
    description: z.string().max(5000).exactOptional(),
    value: MoneySchema.exactOptional(),
    expectedDecisionAt: DecisionDateSchema.exactOptional(),
    planTemplateId: z
      .string()
      .min(1)
      .max(100)
      .exactOptional()
      .describe('Start the mutual action plan from this template (`GET /v1/plan-templates`).'),
  })
  .strict()
  .meta({ id: 'CreateDealRequest' });

export const UpdateDealRequestSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(200).exactOptional(),
    description: z.string().max(5000).nullable().exactOptional(),
    value: MoneySchema.nullable().exactOptional(),
    expectedDecisionAt: DecisionDateSchema.nullable().exactOptional(),
    status: z
      .enum(['won', 'lost', 'withdrawn'])
      .exactOptional()
      .describe('Close the deal; it is read-only afterwards.'),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field')
  .meta({ id: 'UpdateDealRequest' });

const PartySchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'DealParty' });

const SideSubmissionSchema = z
  .object({
    submitted: z.boolean().describe('Whether this side has submitted for the current round.'),
    revision: z
      .int()
      .nullable()
      .describe('The number of this side’s latest submission (1, 2, …); null before its first.'),
    revisionsLeft: z.int().describe('Rounds that may still be opened on this deal.'),
  })
  .meta({ id: 'SideSubmission' });

export const DealSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    value: MoneySchema.nullable(),
    expectedDecisionAt: Timestamp.nullable(),
    status: DealStatusSchema,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    parties: z.object({ sales: PartySchema.nullable(), procurement: PartySchema.nullable() }),
    submissions: z.object({ sales: SideSubmissionSchema, procurement: SideSubmissionSchema }),
    round: z
      .object({
        number: z.int().describe('The current round, 1-based.'),
        budget: z.int(),
        roundsLeft: z.int(),
        reportReady: z.boolean().describe('Whether the current round’s report exists.'),
        waitingFor: z.array(SideSchema),
      })
      .meta({ id: 'DealRound' }),
  })
  .meta({ id: 'Deal' });

export const DealListQuerySchema = PageQuerySchema.extend({ status: DealStatusSchema.optional() });

export const DealIdParamsSchema = z.object({ dealId: z.string().min(1).max(100) });

export const InvitationSchema = z
  .object({
    code: z.string().describe('Give it to the other side; it works once, and a new code voids this one.'),
    expiresAt: Timestamp,
    emailedTo: z
      .string()
      .optional()
      .describe('Where the invitation was sent by email, when the request named an address.'),
  })
  .meta({ id: 'Invitation' });

export const CreateInvitationRequestSchema = z
  .object({
    email: z
      .email()
      .max(254)
      .transform((value) => value.toLowerCase())
      .optional()
      .describe(
        'Send the invitation to this address: a message with the code and a link to the other side’s portal. Needs a confirmed address of your own.',
      ),
    name: z.string().trim().min(1).max(200).optional().describe('Whom the message greets.'),
    message: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .optional()
      .describe('A note of yours quoted in the message. It goes to the other side as written.'),
  })
  .strict()
  .refine((body) => body.email !== undefined || (body.name === undefined && body.message === undefined), {
    message: '`name` and `message` go with `email`',
    path: ['email'],
  })
  .meta({ id: 'CreateInvitationRequest' });

export const InvitationPreviewRequestSchema = z
  .object({ code: z.string().trim().min(1).max(100) })
  .strict()
  .meta({ id: 'InvitationPreviewRequest' });

export const InvitationPreviewSchema = z
  .object({
    deal: z.object({ title: z.string() }),
    invitedBy: z.object({
      organisation: z.string().describe('The inviting organisation’s name.'),
      name: z.string().nullable().describe('The person (or API client) who issued the invitation.'),
    }),
    joinAs: SideSchema.describe('The side an organisation must be on to join with this code.'),
    expiresAt: Timestamp,
  })
  .meta({
    id: 'InvitationPreview',
    description: 'What an invitation leads to, for the page its link opens: shared facts only.',
  });

export const AcceptInvitationRequestSchema = z
  .object({ code: z.string().trim().min(1).max(100) })
  .strict()
  .meta({ id: 'AcceptInvitationRequest' });

const assessmentState = {
  status: z
    .enum(['draft', 'submitted'])
    .describe('submitted until edited again; then a draft, while the submitted version stays in force.'),
  revision: z.int().describe('The submission number this content has (submitted) or will have (draft).'),
  updatedAt: Timestamp,
};

/** The stored assessment as its side reads it back: a draft may lack parts (see AssessmentDraft). */
export const AssessmentSchema = AssessmentDraftInputSchema.extend(assessmentState).meta({ id: 'Assessment' });

export const AssessmentReceiptSchema = z
  .object(assessmentState)
  .describe('What a write-only caller (an API client without `assessments:read`) gets back: no content.')
  .meta({ id: 'AssessmentReceipt' });

export const SubmitResponseSchema = z
  .object({
    status: z.literal('submitted'),
    round: z.int(),
    roundsLeft: z.int(),
    outcome: z
      .enum(['submitted', 'replaced', 'closed', 'opened'])
      .describe(
        'closed: both sides are in and the round’s report is ready; opened: a new round waits for the other side.',
      ),
    revision: z.int(),
  })
  .meta({ id: 'SubmitResult' });

export const ReadyReportSchema = DisclosedReportSchema.extend({
  status: z.literal('ready'),
  version: z.int().describe('1 for the first report of the deal, then 2, 3, …'),
  round: z.int(),
  computedAt: Timestamp,
  basedOn: z
    .object({ sales: z.int(), procurement: z.int() })
    .describe('The submission number of each side’s assessment used.'),
}).meta({ id: 'AlignmentReport' });

export const AlignmentSchema = z
  .union([
    z
      .object({ status: z.literal('awaiting_submissions'), waitingFor: z.array(SideSchema) })
      .strict()
      .meta({ id: 'AlignmentPending' }),
    ReadyReportSchema.extend({
      pendingRound: z
        .object({ round: z.int(), waitingFor: z.array(SideSchema) })
        .exactOptional()
        .describe('Present while a later round is open: that round waits for these sides.'),
    }).meta({ id: 'AlignmentCurrent' }),
  ])
  .meta({ id: 'Alignment' });

export const DEAL_EVENT_TYPES = [
  'deal.created',
  'deal.joined',
  'deal.updated',
  'invitation.issued',
  'assessment.submitted',
  'round.opened',
  'alignment.ready',
  'milestone.created',
  'milestone.changed',
  'milestone.deleted',
  'deal.closed',
  'task.created',
  'task.changed',
  'task.deleted',
  'comment.added',
] as const;
export type DealEventType = (typeof DEAL_EVENT_TYPES)[number];

export const DealEventSchema = z
  .object({
    id: z.string(),
    type: z.enum(DEAL_EVENT_TYPES),
    occurredAt: Timestamp,
    side: SideSchema.nullable().describe('The side whose action it was.'),
    data: z
      .record(z.string(), z.unknown())
      .describe('Ids, rounds, statuses and changed field names — never private inputs.'),
  })
  .meta({ id: 'DealEvent' });
