import { z } from 'zod';
import { SideSchema } from './alignment-report.js';
import { Timestamp } from './common.js';
import { DecisionDateSchema } from './deals.js';

export const MILESTONE_STATUSES = ['open', 'done', 'blocked'] as const;

export const MilestoneStatusSchema = z.enum(MILESTONE_STATUSES).meta({ id: 'MilestoneStatus' });

export const MilestoneSchema = z
  .object({
    id: z.string(),
    dealId: z.string(),
    title: z.string(),
    ownerSide: SideSchema.describe('The side responsible for it.'),
    dueAt: Timestamp.nullable(),
    status: MilestoneStatusSchema,
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
    status: MilestoneStatusSchema.default('open'),
  })
  .strict()
  .meta({ id: 'CreateMilestoneRequest' });

export const UpdateMilestoneRequestSchema = z
  .object({
    title: title.exactOptional(),
    ownerSide: SideSchema.exactOptional(),
    dueAt: DecisionDateSchema.nullable().exactOptional(),
    status: MilestoneStatusSchema.exactOptional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field')
  .meta({ id: 'UpdateMilestoneRequest' });

export const MilestoneParamsSchema = z.object({
  dealId: z.string().min(1).max(100),
  milestoneId: z.string().min(1).max(100),
});
