import type { CreatePlanCommentRequestSchema } from '@cg/contracts';
import type { z } from 'zod';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { notFound } from '../../lib/problems.js';
import { requireScope } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { requireDealParty } from './access.js';
import type { DealRoomDeps } from './dependencies.js';
import * as repo from './repository.js';

/*
 * Comments on the plan's milestones and tasks (issue 17): shared by both parties. `@name`
 * mentions are resolved to people of either party and stored as user ids. The timeline entry
 * carries ids only, never the text.
 */

type Deps = Pick<DealRoomDeps, 'database'>;
type MilestoneIds = { dealId: string; milestoneId: string };

function commentView(row: repo.PlanCommentRow, names: ReadonlyMap<string, string>) {
  return {
    id: row.id,
    dealId: row.deal_id,
    milestoneId: row.milestone_id,
    taskId: row.task_id,
    author: { id: row.author_id, name: row.author_name, side: row.author_side },
    body: row.body,
    mentions: row.mentions.flatMap((userId) => {
      const name = names.get(userId);
      return name ? [{ userId, name }] : [];
    }),
    createdAt: row.created_at.toISOString(),
  };
}

export function addComment(
  deps: Deps,
  caller: Caller,
  ids: MilestoneIds,
  input: z.output<typeof CreatePlanCommentRequestSchema>,
) {
  const { dealId, milestoneId } = ids;
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    const { side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    if (!(await repo.findMilestone(trx, dealId, milestoneId))) throw notFound('milestone');
    if (input.taskId && !(await repo.findTask(trx, dealId, milestoneId, input.taskId)))
      throw notFound('task');
    const mentioned = await repo.findMentionedPeople(trx, dealId, input.body);
    const row = await repo.insertPlanComment(trx, {
      id: newId('cmt'),
      deal_id: dealId,
      milestone_id: milestoneId,
      task_id: input.taskId ?? null,
      author_id: actor.id,
      author_name: actor.name,
      author_side: side,
      body: input.body,
      mentions: mentioned.map((person) => person.id),
    });
    effects.dealEvent({
      dealId,
      type: 'comment.added',
      side,
      data: {
        milestoneId,
        ...(input.taskId ? { taskId: input.taskId } : {}),
        commentId: row.id,
        mentions: row.mentions,
      },
    });
    return commentView(row, new Map(mentioned.map((person) => [person.id, person.name])));
  });
}

export function listComments(
  deps: Deps,
  caller: Caller,
  ids: MilestoneIds,
  query: { limit: number; cursor?: string | undefined; taskId?: string | undefined },
) {
  const afterId = decodeCursor(query.cursor, 'id');
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireScope(actor, 'deals:read');
    await requireDealParty(trx, actor, ids.dealId);
    if (!(await repo.findMilestone(trx, ids.dealId, ids.milestoneId))) throw notFound('milestone');
    const rows = await repo.listPlanComments(
      trx,
      { ...ids, taskId: query.taskId },
      { limit: query.limit, afterId },
    );
    const names = await repo.namesOfDealPeople(
      trx,
      ids.dealId,
      rows.flatMap((row) => row.mentions),
    );
    return toPage(
      rows,
      query.limit,
      (row) => commentView(row, names),
      (row) => row.id,
    );
  });
}
