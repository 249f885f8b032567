import type { DB } from '@cg/db';
import type { Kysely } from 'kysely';

export interface NewDealEvent {
  id: string;
  dealId: string;
  type: string;
  side: 'sales' | 'procurement' | null;
  data: Record<string, string | number | boolean | null | string[]>;
}

export async function insertDealEvent(db: Kysely<DB>, event: NewDealEvent) {
  return db
    .insertInto('deal_events')
    .values({
      id: event.id,
      deal_id: event.dealId,
      type: event.type,
      side: event.side,
      data: JSON.stringify(event.data),
    })
    .returning(['id', 'occurred_at'])
    .executeTakeFirstOrThrow();
}

export function listDealEvents(
  db: Kysely<DB>,
  dealId: string,
  options: { limit: number; beforeId?: string | undefined },
) {
  let query = db
    .selectFrom('deal_events')
    .select(['id', 'type', 'side', 'occurred_at', 'data'])
    .where('deal_id', '=', dealId)
    .orderBy('id', 'desc')
    .limit(options.limit + 1);
  if (options.beforeId) query = query.where('id', '<', options.beforeId);
  return query.execute();
}
