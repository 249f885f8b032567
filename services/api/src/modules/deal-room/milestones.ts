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

function milestoneView(row: repo.MilestoneRow) {
  return {
    id: row.id,
    dealId: row.deal_id,
    title: row.title,
    ownerSide: row.owner_side,
    dueAt: row.due_at?.toISOString() ?? null,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
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
    return toPage(rows, page.limit, milestoneView, (row) => row.id);
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
    const { side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    const row = await repo.insertMilestone(trx, {
      id: newId('ms'),
      deal_id: dealId,
      title: input.title,
      owner_side: input.ownerSide,
      due_at: input.dueAt ? toTimestamp(input.dueAt) : null,
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
function milestoneChanges(input: MilestoneUpdate) {
  return {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.ownerSide !== undefined ? { owner_side: input.ownerSide } : {}),
    ...(input.dueAt !== undefined ? { due_at: input.dueAt ? toTimestamp(input.dueAt) : null } : {}),
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
    const { side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    const current = await repo.findMilestone(trx, dealId, milestoneId);
    if (!current) throw notFound('milestone');
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== milestoneEtag(current)) {
      throw new AppError(
        'precondition-failed',
        'The milestone has changed since you read it: fetch it again.',
      );
    }
    const row = await repo.updateMilestone(trx, dealId, milestoneId, milestoneChanges(input));
    if (!row) throw notFound('milestone');
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
    return { milestone: milestoneView(row), etag: milestoneEtag(row) };
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
