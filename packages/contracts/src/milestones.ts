import { z } from 'zod';
import { SideSchema } from './alignment-report.js';
import { PageQuerySchema, Timestamp } from './common.js';
import { DecisionDateSchema } from './deals.js';

/** Additive: `open`, `done` and `blocked` stay valid; `in_progress` and `cancelled` joined later. */
export const MILESTONE_STATUSES = ['open', 'in_progress', 'done', 'blocked', 'cancelled'] as const;

export const MilestoneStatusSchema = z.enum(MILESTONE_STATUSES).meta({ id: 'MilestoneStatus' });

export const RelativeDueSchema = z
  .object({
    relativeToDecision: z
      .object({ days: z.int().min(-3650).max(3650).describe('Days after (negative: before) the decision.') })
      .strict(),
  })
  .strict()
  .describe(
    "Due relative to the deal's expected decision date; `dueAt` follows that date and is null while the deal has none.",
  )
  .meta({ id: 'RelativeDue' });

const oneDueRule = (body: { dueAt?: unknown; due?: unknown }) =>
  body.dueAt === undefined || body.due === undefined;
const ONE_DUE_RULE = { message: 'give either dueAt or due, not both', path: ['due'] };

export const MilestoneSchema = z
  .object({
    id: z.string(),
    dealId: z.string(),
    title: z.string(),
    ownerSide: SideSchema.describe('The side responsible for it.'),
    dueAt: Timestamp.nullable(),
    due: RelativeDueSchema.nullable().describe('The relative rule `dueAt` follows, if any.'),
    status: MilestoneStatusSchema,
    overdue: z.boolean().describe('Due in the past and neither done nor cancelled.'),
    progress: z
      .object({ done: z.int().min(0), total: z.int().min(0) })
      .describe("Rolled up from the milestone's tasks; cancelled tasks do not count."),
    version: z.int().min(1).describe('Changes with every edit; the ETag is derived from it.'),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Milestone' });

const title = z.string().trim().min(1, 'must not be empty').max(200);

export const CreateMilestoneRequestSchema = z
  .object({
    title,
    ownerSide: SideSchema,
    dueAt: DecisionDateSchema.nullable().exactOptional().describe('`YYYY-MM-DD` or an RFC 3339 date-time.'),
    due: RelativeDueSchema.nullable().exactOptional(),
    status: MilestoneStatusSchema.default('open'),
  })
  .strict()
  .refine(oneDueRule, ONE_DUE_RULE)
  .meta({ id: 'CreateMilestoneRequest' });

export const UpdateMilestoneRequestSchema = z
  .object({
    title: title.exactOptional(),
    ownerSide: SideSchema.exactOptional(),
    dueAt: DecisionDateSchema.nullable().exactOptional(),
    due: RelativeDueSchema.nullable().exactOptional(),
    status: MilestoneStatusSchema.exactOptional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field')
  .refine(oneDueRule, ONE_DUE_RULE)
  .meta({ id: 'UpdateMilestoneRequest' });

export const MilestoneParamsSchema = z.object({
  dealId: z.string().min(1).max(100),
  milestoneId: z.string().min(1).max(100),
});

export const MilestoneHeadersSchema = z.looseObject({
  'if-none-match': z
    .string()
    .max(200)
    .optional()
    .describe('The ETag you last read; 304 without a body if the milestone has not changed since.'),
});

export const TaskAssigneeSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('user'),
      userId: z.string(),
      name: z.string().describe('The assigned person, the only member detail shown to the other side.'),
    }),
    z.object({ type: z.literal('side'), side: SideSchema }),
  ])
  .nullable()
  .meta({ id: 'TaskAssignee' });

export const TaskSchema = z
  .object({
    id: z.string(),
    milestoneId: z.string(),
    dealId: z.string(),
    title: z.string(),
    assignee: TaskAssigneeSchema.describe('A person of either party, a side, or nobody.'),
    dueAt: Timestamp.nullable(),
    due: RelativeDueSchema.nullable(),
    status: MilestoneStatusSchema,
    overdue: z.boolean(),
    version: z.int().min(1),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Task' });

const assigneeInput = z
  .union([z.object({ userId: z.string().min(1).max(100) }).strict(), z.object({ side: SideSchema }).strict()])
  .nullable()
  .describe("`{ userId }` of a person of either party's organisation, `{ side }`, or null.");

export const CreateTaskRequestSchema = z
  .object({
    title,
    assignee: assigneeInput.exactOptional(),
    dueAt: DecisionDateSchema.nullable().exactOptional().describe('`YYYY-MM-DD` or an RFC 3339 date-time.'),
    due: RelativeDueSchema.nullable().exactOptional(),
    status: MilestoneStatusSchema.default('open'),
  })
  .strict()
  .refine(oneDueRule, ONE_DUE_RULE)
  .meta({ id: 'CreateTaskRequest' });

export const UpdateTaskRequestSchema = z
  .object({
    title: title.exactOptional(),
    assignee: assigneeInput.exactOptional(),
    dueAt: DecisionDateSchema.nullable().exactOptional(),
    due: RelativeDueSchema.nullable().exactOptional(),
    status: MilestoneStatusSchema.exactOptional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field')
  .refine(oneDueRule, ONE_DUE_RULE)
  .meta({ id: 'UpdateTaskRequest' });

export const TaskParamsSchema = z.object({
  dealId: z.string().min(1).max(100),
  milestoneId: z.string().min(1).max(100),
  taskId: z.string().min(1).max(100),
});

export const PlanCommentSchema = z
  .object({
    id: z.string(),
    dealId: z.string(),
    milestoneId: z.string(),
    taskId: z.string().nullable().describe('Set for a comment on one of the milestone’s tasks.'),
    author: z.object({ id: z.string(), name: z.string(), side: SideSchema }),
    body: z.string(),
    mentions: z
      .array(z.object({ userId: z.string(), name: z.string() }))
      .describe('People of either party the text mentions with `@name`.'),
    createdAt: Timestamp,
  })
  .meta({ id: 'PlanComment' });

export const CreatePlanCommentRequestSchema = z
  .object({
    body: z.string().trim().min(1, 'must not be empty').max(5000),
    taskId: z.string().min(1).max(100).exactOptional().describe('Comment on this task of the milestone.'),
  })
  .strict()
  .meta({ id: 'CreatePlanCommentRequest' });

export const PlanCommentsQuerySchema = PageQuerySchema.extend({
  taskId: z.string().min(1).max(100).optional().describe('Only the comments on this task.'),
});

const templateDue = RelativeDueSchema.nullable().describe(
  'Relative to the decision date; null for an item an organisation saved without a date (built-in items always have one).',
);
const TemplateTaskSchema = z.object({ title: z.string(), due: templateDue });

export const PlanTemplateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    approach: z.enum(['collaborative', 'competitive']).describe('The purchase it suits (DOMAIN.md: nature).'),
    source: z
      .enum(['built_in', 'organisation'])
      .describe('Built into the product, or saved by your organisation (which only it sees).'),
    milestones: z.array(
      z.object({
        title: z.string(),
        ownerSide: SideSchema,
        due: templateDue,
        tasks: z.array(TemplateTaskSchema),
      }),
    ),
  })
  .meta({ id: 'PlanTemplate' });

export const SavePlanTemplateRequestSchema = z
  .object({
    dealId: z.string().min(1).max(100).describe('The deal whose plan becomes the template.'),
    name: z.string().trim().min(1, 'must not be empty').max(200),
    description: z.string().trim().max(2000).exactOptional(),
    approach: z.enum(['collaborative', 'competitive']).default('collaborative'),
  })
  .strict()
  .meta({ id: 'SavePlanTemplateRequest' });

export const PlanTemplateParamsSchema = z.object({ templateId: z.string().min(1).max(100) });

export const PlanTemplateListSchema = z
  .object({ data: z.array(PlanTemplateSchema) })
  .meta({ id: 'PlanTemplateList' });

export const ApplyPlanTemplateRequestSchema = z
  .object({ templateId: z.string().min(1).max(100) })
  .strict()
  .meta({ id: 'ApplyPlanTemplateRequest' });

export const AppliedPlanTemplateSchema = z
  .object({
    templateId: z.string(),
    milestones: z.array(MilestoneSchema).describe('The milestones added, due relative to the decision date.'),
  })
  .meta({ id: 'AppliedPlanTemplate' });
