import type { DealEventType } from '@cg/contracts';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { requireScope } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { requireDealParty } from './access.js';
import type { DealRoomDeps } from './dependencies.js';
import { listDealEvents } from './repository.js';

type DealEventRow = Awaited<ReturnType<typeof listDealEvents>>[number];

/** The deal's shared timeline (written by the unit of work's `effects.dealEvent`), newest first. */
export function listTimeline(
  deps: Pick<DealRoomDeps, 'database'>,
  caller: Caller,
  dealId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const beforeId = decodeCursor(page.cursor, 'id');
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireScope(actor, 'deals:read');
    await requireDealParty(trx, actor, dealId);
    const rows = await listDealEvents(trx, dealId, { limit: page.limit, beforeId });
    return toPage(rows, page.limit, dealEventView, (row) => row.id);
  });
}

/** A timeline entry as both parties read it (`DealEvent`): the list's items and the live stream's events. */
export const dealEventView = (row: DealEventRow) => ({
  id: row.id,
  type: row.type as DealEventType,
  occurredAt: row.occurred_at.toISOString(),
  side: row.side,
  data: row.data,
});
