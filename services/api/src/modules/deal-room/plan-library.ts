import type { SavePlanTemplateRequestSchema } from '@cg/contracts';
import type { DB } from '@cg/db';
import type { Side } from '@cg/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { newId } from '../../lib/ids.js';
import { AppError, notFound } from '../../lib/problems.js';
import type { Actor } from '../../platform/caller.js';
import { requireScope } from '../../platform/scopes.js';
import { type Caller, type Effects, withCaller } from '../../platform/unit-of-work.js';
import { requireDealParty } from './access.js';
import type { DealRoomDeps } from './dependencies.js';
import { dueColumns, milestoneView } from './milestones.js';
import { PLAN_TEMPLATES } from './plan-templates.js';
import * as repo from './repository.js';

/*
 * The plans a deal can start from: the built-in ones, and those an organisation saved from one
 * of its deals (issue 17). An organisation's templates are its own: nobody else lists or applies
 * them.
 */

type Deps = Pick<DealRoomDeps, 'database'>;
type RelativeDue = { relativeToDecision: { days: number } } | null;
interface TemplateStep {
  title: string;
  ownerSide: Side;
  due: RelativeDue;
  tasks: Array<{ title: string; due: RelativeDue }>;
}
interface PlanTemplate {
  id: string;
  name: string;
  description: string;
  approach: 'collaborative' | 'competitive';
  source: 'built_in' | 'organisation';
  milestones: TemplateStep[];
}

/** An organisation keeps at most this many templates: a library, not a dumping ground. */
const MAX_ORGANISATION_TEMPLATES = 50;
const DAY_MS = 86_400_000;

const BUILT_IN: readonly PlanTemplate[] = PLAN_TEMPLATES.map((template) => ({
  ...template,
  source: 'built_in' as const,
}));

const savedView = (row: Awaited<ReturnType<typeof repo.listPlanTemplates>>[number]): PlanTemplate => ({
  id: row.id,
  name: row.name,
  description: row.description,
  approach: row.approach,
  source: 'organisation',
  milestones: row.milestones as TemplateStep[],
});

/** A template the caller's organisation may apply, or undefined. */
export async function findTemplate(trx: Kysely<DB>, actor: Actor, templateId: string) {
  const builtIn = BUILT_IN.find((template) => template.id === templateId);
  if (builtIn) return builtIn;
  const saved = await repo.findPlanTemplate(trx, actor.organisationId, templateId);
  return saved ? savedView(saved) : undefined;
}

export function listPlanTemplates(deps: Deps, caller: Caller) {
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireScope(actor, 'deals:read');
    const saved = await repo.listPlanTemplates(trx, actor.organisationId);
    return { data: [...BUILT_IN, ...saved.map(savedView)] };
  });
}

/** A date as days from the decision: kept when relative, worked out when absolute and the deal has a decision date. */
function relativeDue(
  item: { due_at: Date | null; due_relative_days: number | null },
  decision: Date | null,
): RelativeDue {
  if (item.due_relative_days !== null) return { relativeToDecision: { days: item.due_relative_days } };
  if (!item.due_at || !decision) return null;
  return { relativeToDecision: { days: Math.round((item.due_at.getTime() - decision.getTime()) / DAY_MS) } };
}

/** Saves a deal's plan (milestones and tasks that are not cancelled) as a template of the caller's organisation. */
export function savePlanTemplate(
  deps: Deps,
  caller: Caller,
  input: z.output<typeof SavePlanTemplateRequestSchema>,
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    const { deal } = await requireDealParty(trx, actor, input.dealId, { writable: true });
    const { milestones, tasks } = await repo.planOfDeal(trx, input.dealId);
    if (milestones.length === 0)
      throw new AppError('unprocessable-request', 'The deal has no plan yet: add milestones first.', {
        errors: [{ path: '/dealId', message: 'the deal has no milestones' }],
      });
    const { count } = await repo.countPlanTemplates(trx, actor.organisationId);
    if (Number(count) >= MAX_ORGANISATION_TEMPLATES)
      throw new AppError(
        'conflict',
        `Your organisation keeps at most ${MAX_ORGANISATION_TEMPLATES} plan templates: delete one first.`,
      );
    const decision = deal.expected_decision_at;
    const steps: TemplateStep[] = milestones.map((milestone) => ({
      title: milestone.title,
      ownerSide: milestone.owner_side,
      due: relativeDue(milestone, decision),
      tasks: tasks
        .filter((task) => task.milestone_id === milestone.id)
        .map((task) => ({ title: task.title, due: relativeDue(task, decision) })),
    }));
    const row = await repo.insertPlanTemplate(trx, {
      id: newId('tpl'),
      organisation_id: actor.organisationId,
      name: input.name,
      description: input.description ?? '',
      approach: input.approach,
      milestones: JSON.stringify(steps),
      created_by: actor.id,
    });
    effects.audit('plan_template.saved', {
      subject: { type: 'plan_template', id: row.id },
      detail: { dealId: input.dealId, milestones: String(steps.length) },
    });
    return savedView(row);
  });
}

export function deletePlanTemplate(deps: Deps, caller: Caller, templateId: string) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    if (actor.kind === 'user' && actor.role === 'viewer')
      throw new AppError('forbidden', 'Viewers cannot change the organisation’s plan templates.');
    if (BUILT_IN.some((template) => template.id === templateId))
      throw new AppError('forbidden', 'Built-in templates cannot be deleted.');
    if (!(await repo.deletePlanTemplate(trx, actor.organisationId, templateId)))
      throw notFound('plan template');
    effects.audit('plan_template.deleted', { subject: { type: 'plan_template', id: templateId } });
  });
}

/** Adds a template's milestones and tasks, due relative to the deal's decision date. */
export function applyPlanTemplate(deps: Deps, caller: Caller, dealId: string, templateId: string) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    const { deal, side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    const template = await findTemplate(trx, actor, templateId);
    if (!template) throw notFound('plan template');
    return addTemplatePlan(trx, effects, { id: dealId, decision: deal.expected_decision_at, side }, template);
  });
}

/**
 * Writes a template's milestones and tasks onto a deal inside the caller's unit of work (applying
 * one later, or at the deal's creation), each on the timeline.
 */
export async function addTemplatePlan(
  trx: Kysely<DB>,
  effects: Effects,
  deal: { id: string; decision: Date | null; side: Side },
  template: PlanTemplate,
) {
  const dealId = deal.id;
  const side = deal.side;
  const added = [];
  for (const step of template.milestones) {
    const row = await repo.insertMilestone(trx, {
      id: newId('ms'),
      deal_id: dealId,
      title: step.title,
      owner_side: step.ownerSide,
      status: 'open',
      ...dueColumns({ due: step.due }, deal.decision),
    });
    effects.dealEvent({
      dealId,
      type: 'milestone.created',
      side,
      data: { milestoneId: row.id, status: row.status },
    });
    for (const item of step.tasks) {
      const taskRow = await repo.insertTask(trx, {
        id: newId('tsk'),
        milestone_id: row.id,
        deal_id: dealId,
        title: item.title,
        status: 'open',
        ...dueColumns({ due: item.due }, deal.decision),
      });
      const data = { milestoneId: row.id, taskId: taskRow.id, status: taskRow.status };
      effects.dealEvent({ dealId, type: 'task.created', side, data });
    }
    added.push(milestoneView(row, { done: 0, total: step.tasks.length }));
  }
  return { templateId: template.id, milestones: added };
}
