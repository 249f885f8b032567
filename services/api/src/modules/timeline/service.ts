import type { DealEventType } from '@cg/contracts';
import type { Database, DB } from '@cg/db';
import type { Kysely } from 'kysely';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { requireDealParty } from '../deals/access.js';
import { requireScope } from '../identity/access.js';
import { type Principal, withActor } from '../identity/actor.js';
import { enqueueWebhookDeliveries } from '../webhooks/outbox.js';
import { insertDealEvent, listDealEvents, type NewDealEvent } from './repository.js';

/**
 * Records an event on the deal's shared timeline, in the caller's transaction: both parties read
 * it. `data` carries ids, rounds, statuses and field names only — never private inputs. The
 * event's webhook deliveries are queued in the same transaction.
 */
export async function recordDealEvent(
  trx: Kysely<DB>,
  dealId: string,
  type: DealEventType,
  side: 'sales' | 'procurement' | null,
  data: NewDealEvent['data'] = {},
) {
  const event = await insertDealEvent(trx, { id: newId('evt'), dealId, type, side, data });
  await enqueueWebhookDeliveries(trx, event.id);
  return event;
}

export function listTimeline(
  database: Database,
  principal: Principal,
  dealId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const beforeId = decodeCursor(page.cursor, 'id');
  return withActor(database, principal, async (trx, actor) => {
    requireScope(actor, 'deals:read');
    await requireDealParty(trx, actor, dealId);
    const rows = await listDealEvents(trx, dealId, { limit: page.limit, beforeId });
    return toPage(
      rows,
      page.limit,
      (row) => ({
        id: row.id,
        type: row.type as DealEventType,
        occurredAt: row.occurred_at.toISOString(),
        side: row.side,
        data: row.data,
      }),
      (row) => row.id,
    );
  });
}
