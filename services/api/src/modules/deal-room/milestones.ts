import type { CreateMilestoneRequestSchema, UpdateMilestoneRequestSchema } from '@cg/contracts';
import type { z } from 'zod';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { AppError, notFound } from '../../lib/problems.js';
import { requireScope } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { requireDealParty } from './access.js';
import type { DealRoomDeps } from './dependencies.js';
import * as repo from './repository.js';

type Deps = Pick<DealRoomDeps, 'database'>;

/** `YYYY-MM-DD` means midnight UTC of that day. */
const toTimestamp = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value);

const milestoneEtag = (row: Pick<repo.MilestoneRow, 'version'>) => `"m${row.version}"`;

type Progress = { done: number; total: number };
type DueInput = { dueAt?: string | null; due?: { relativeToDecision: { days: number } } | null };

const DAY_MS = 86_400_000;

/** The date a relative item falls due: none while the deal has no decision date. */
const relativeDueAt = (decision: Date | null, days: number) =>
  decision ? new Date(decision.getTime() + days * DAY_MS) : null;

/**
 * The stored due columns for a request: an absolute `dueAt` drops any relative rule, a relative
 * `due` computes `due_at` from the deal's decision date, `due: null` clears both, and a request
 * naming neither changes nothing.
 */
export function dueColumns(input: DueInput, decision: Date | null) {
  if (input.due) {
    const days = input.due.relativeToDecision.days;
    return { due_relative_days: days, due_at: relativeDueAt(decision, days) };
  }
  if (input.due === null) return { due_relative_days: null, due_at: null };
  if (input.dueAt !== undefined) {
    return { due_relative_days: null, due_at: input.dueAt ? toTimestamp(input.dueAt) : null };
  }
  return {};
}

export const dueView = (row: { due_relative_days: number | null }) =>
  row.due_relative_days === null ? null : { relativeToDecision: { days: row.due_relative_days } };
const NO_TASKS: Progress = { done: 0, total: 0 };

/** Due in the past and neither done nor cancelled. */
export const isOverdue = (row: { due_at: Date | null; status: string }, now = new Date()) =>
  row.due_at !== null && row.due_at < now && row.status !== 'done' && row.status !== 'cancelled';

/** A failed `If-Match` is a 412; `*` or no header at all always passes. */
export function checkIfMatch(ifMatch: string | undefined, etag: string, what: string) {
  if (ifMatch === undefined || ifMatch === '*') return;
  const candidates = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (!candidates.includes(etag)) {
    throw new AppError('precondition-failed', `The ${what} has changed since you read it: fetch it again.`);
  }
}

export function milestoneView(row: repo.MilestoneRow, progress: Progress = NO_TASKS) {
  return {
    id: row.id,
    dealId: row.deal_id,
    title: row.title,
    ownerSide: row.owner_side,
    dueAt: row.due_at?.toISOString() ?? null,
    due: dueView(row),
    status: row.status,
    overdue: isOverdue(row),
    progress,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function progressOf(trx: Parameters<typeof repo.taskProgress>[0], dealId: string, ids: string[]) {
  const rows = await repo.taskProgress(trx, dealId, ids);
  return new Map(rows.map((r) => [r.milestone_id, { done: Number(r.done), total: Number(r.total) }]));
}

/** One milestone with its ETag; `notModified` when `If-None-Match` names the current one. */
export function getMilestone(
  deps: Deps,
  caller: Caller,
  dealId: string,
  milestoneId: string,
  ifNoneMatch: string | undefined,
) {
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireScope(actor, 'deals:read');
    await requireDealParty(trx, actor, dealId);
    const row = await repo.findMilestone(trx, dealId, milestoneId);
    if (!row) throw notFound('milestone');
    const etag = milestoneEtag(row);
    const seen = ifNoneMatch?.split(',').map((tag) => tag.trim().replace(/^W\//, '')) ?? [];
    if (seen.includes(etag) || seen.includes('*')) return { notModified: true as const, etag };
    const progress = (await progressOf(trx, dealId, [row.id])).get(row.id);
    return { notModified: false as const, etag, milestone: milestoneView(row, progress) };
  });
}

export function listMilestones(
  deps: Deps,
  caller: Caller,
  dealId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const afterId = decodeCursor(page.cursor, 'id');
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireScope(actor, 'deals:read');
    await requireDealParty(trx, actor, dealId);
    const rows = await repo.listMilestones(trx, dealId, { limit: page.limit, afterId });
    const progress = await progressOf(
      trx,
      dealId,
      rows.map((row) => row.id),
    );
    return toPage(
      rows,
      page.limit,
      (row) => milestoneView(row, progress.get(row.id)),
      (row) => row.id,
    );
  });
}

export function createMilestone(
  deps: Deps,
  caller: Caller,
  dealId: string,
  input: z.output<typeof CreateMilestoneRequestSchema>,
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    const { deal, side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    const row = await repo.insertMilestone(trx, {
      id: newId('ms'),
      deal_id: dealId,
      title: input.title,
      owner_side: input.ownerSide,
      due_at: null,
      ...dueColumns(input, deal.expected_decision_at),
      status: input.status,
    });
    effects.dealEvent({
      dealId,
      type: 'milestone.created',
      side,
      data: {
        milestoneId: row.id,
        status: row.status,
      },
    });
    return { milestone: milestoneView(row), etag: milestoneEtag(row) };
  });
}

type MilestoneUpdate = z.output<typeof UpdateMilestoneRequestSchema>;

/** Only the fields the request names are set: an absent one keeps its value, a null `dueAt` clears it. */
function milestoneChanges(input: MilestoneUpdate, decision: Date | null) {
  return {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.ownerSide !== undefined ? { owner_side: input.ownerSide } : {}),
    ...dueColumns(input, decision),
    ...(input.status !== undefined ? { status: input.status } : {}),
  };
}

export function updateMilestone(
  deps: Deps,
  caller: Caller,
  dealId: string,
  milestoneId: string,
  input: MilestoneUpdate,
  ifMatch: string | undefined,
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    const { deal, side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    const current = await repo.findMilestone(trx, dealId, milestoneId);
    if (!current) throw notFound('milestone');
    checkIfMatch(ifMatch, milestoneEtag(current), 'milestone');
    const changes = milestoneChanges(input, deal.expected_decision_at);
    const row = await repo.updateMilestone(trx, dealId, milestoneId, changes);
    if (!row) throw notFound('milestone');
    const progress = (await progressOf(trx, dealId, [row.id])).get(row.id);
    effects.dealEvent({
      dealId,
      type: 'milestone.changed',
      side,
      data: {
        milestoneId,
        status: row.status,
        fields: Object.keys(input),
      },
    });
    return { milestone: milestoneView(row, progress), etag: milestoneEtag(row) };
  });
}

export function deleteMilestone(deps: Deps, caller: Caller, dealId: string, milestoneId: string) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    const { side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    if (!(await repo.deleteMilestone(trx, dealId, milestoneId))) throw notFound('milestone');
    effects.dealEvent({ dealId, type: 'milestone.deleted', side, data: { milestoneId } });
  });
}
