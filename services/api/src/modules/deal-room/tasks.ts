import type { CreateTaskRequestSchema, UpdateTaskRequestSchema } from '@cg/contracts';
import type { DB } from '@cg/db';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { notFound, unprocessable } from '../../lib/problems.js';
import { requireScope } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { requireDealParty } from './access.js';
import type { DealRoomDeps } from './dependencies.js';
import { checkIfMatch, dueColumns, dueView, isOverdue } from './milestones.js';
import * as repo from './repository.js';

/*
 * Tasks inside a milestone of the mutual action plan (issue 17): shared by both parties like
 * milestones. A task is assigned to a person of either party, to a side, or to nobody; the
 * person is checked against the deal's parties and only their name is ever shown.
 */

type Deps = Pick<DealRoomDeps, 'database'>;
type CreateTask = z.output<typeof CreateTaskRequestSchema>;
type UpdateTask = z.output<typeof UpdateTaskRequestSchema>;
type AssigneeInput = CreateTask['assignee'];

const taskEtag = (row: Pick<repo.TaskRow, 'version'>) => `"t${row.version}"`;

function assigneeView(row: repo.TaskRow) {
  if (row.assignee_user_id !== null && row.assignee_name !== null) {
    return { type: 'user' as const, userId: row.assignee_user_id, name: row.assignee_name };
  }
  if (row.assignee_side !== null) return { type: 'side' as const, side: row.assignee_side };
  return null;
}

function taskView(row: repo.TaskRow) {
  return {
    id: row.id,
    milestoneId: row.milestone_id,
    dealId: row.deal_id,
    title: row.title,
    assignee: assigneeView(row),
    dueAt: row.due_at?.toISOString() ?? null,
    due: dueView(row),
    status: row.status,
    overdue: isOverdue(row),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The stored columns of an assignee; a person must belong to one of the deal's parties (422). */
async function assigneeColumns(trx: Kysely<DB>, dealId: string, input: AssigneeInput) {
  if (!input) return { assignee_user_id: null, assignee_name: null, assignee_side: null };
  if ('side' in input) return { assignee_user_id: null, assignee_name: null, assignee_side: input.side };
  const member = await repo.findDealPartyMember(trx, dealId, input.userId);
  if (!member) throw unprocessable('The assignee must be a person of one of the deal’s parties.');
  return { assignee_user_id: input.userId, assignee_name: member.name, assignee_side: null };
}

async function requireMilestone(trx: Kysely<DB>, dealId: string, milestoneId: string) {
  if (!(await repo.findMilestone(trx, dealId, milestoneId))) throw notFound('milestone');
}

export function listTasks(
  deps: Deps,
  caller: Caller,
  ids: { dealId: string; milestoneId: string },
  page: { limit: number; cursor?: string | undefined },
) {
  const afterId = decodeCursor(page.cursor, 'id');
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireScope(actor, 'deals:read');
    await requireDealParty(trx, actor, ids.dealId);
    await requireMilestone(trx, ids.dealId, ids.milestoneId);
    const rows = await repo.listTasks(trx, ids.dealId, ids.milestoneId, { limit: page.limit, afterId });
    return toPage(rows, page.limit, taskView, (row) => row.id);
  });
}

export function createTask(
  deps: Deps,
  caller: Caller,
  ids: { dealId: string; milestoneId: string },
  input: CreateTask,
) {
  const { dealId, milestoneId } = ids;
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    const { deal, side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    await requireMilestone(trx, dealId, milestoneId);
    const row = await repo.insertTask(trx, {
      id: newId('tsk'),
      milestone_id: milestoneId,
      deal_id: dealId,
      title: input.title,
      ...(await assigneeColumns(trx, dealId, input.assignee)),
      due_at: null,
      ...dueColumns(input, deal.expected_decision_at),
      status: input.status,
    });
    effects.dealEvent({
      dealId,
      type: 'task.created',
      side,
      data: { milestoneId, taskId: row.id, status: row.status },
    });
    return { task: taskView(row), etag: taskEtag(row) };
  });
}

async function taskChanges(trx: Kysely<DB>, dealId: string, input: UpdateTask, decision: Date | null) {
  return {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.assignee !== undefined ? await assigneeColumns(trx, dealId, input.assignee) : {}),
    ...dueColumns(input, decision),
    ...(input.status !== undefined ? { status: input.status } : {}),
  };
}

export function updateTask(
  deps: Deps,
  caller: Caller,
  ids: { dealId: string; milestoneId: string; taskId: string },
  input: UpdateTask,
  ifMatch: string | undefined,
) {
  const { dealId, milestoneId, taskId } = ids;
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    const { deal, side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    const current = await repo.findTask(trx, dealId, milestoneId, taskId);
    if (!current) throw notFound('task');
    checkIfMatch(ifMatch, taskEtag(current), 'task');
    const changes = await taskChanges(trx, dealId, input, deal.expected_decision_at);
    const row = await repo.updateTask(trx, dealId, milestoneId, taskId, changes);
    if (!row) throw notFound('task');
    effects.dealEvent({
      dealId,
      type: 'task.changed',
      side,
      data: { milestoneId, taskId, status: row.status, fields: Object.keys(input) },
    });
    return { task: taskView(row), etag: taskEtag(row) };
  });
}

export function deleteTask(
  deps: Deps,
  caller: Caller,
  ids: { dealId: string; milestoneId: string; taskId: string },
) {
  const { dealId, milestoneId, taskId } = ids;
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    const { side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    if (!(await repo.deleteTask(trx, dealId, milestoneId, taskId))) throw notFound('task');
    effects.dealEvent({ dealId, type: 'task.deleted', side, data: { milestoneId, taskId } });
  });
}
