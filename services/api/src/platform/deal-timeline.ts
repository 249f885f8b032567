import type { DealEventType } from '@cg/contracts';
import type { DB } from '@cg/db';
import { type Kysely, sql } from 'kysely';
import { newId } from '../lib/ids.js';

export interface DealEvent {
  dealId: string;
  type: DealEventType;
  /** The side that acted; null for what the deal itself did (a report became ready). */
  side: 'sales' | 'procurement' | null;
  /** Ids, rounds, statuses and field names only: never private inputs. Both parties read it. */
  data?: Record<string, string | number | boolean | null | string[]>;
}

/**
 * Writes events on their deals' shared timelines and queues their webhook deliveries (the
 * outbox), in the caller's transaction: an event and its deliveries commit or vanish together.
 * Which timeline type becomes which webhook, for which endpoints of both parties, is decided by
 * the database function `webhook_fan_out` (the acting organisation never sees the other's
 * endpoints).
 */
export async function recordDealEvents(db: Kysely<DB>, events: readonly DealEvent[]): Promise<void> {
  if (events.length === 0) return;
  const ids = events.map(() => newId('evt'));
  await db
    .insertInto('deal_events')
    .values(
      events.map((event, i) => ({
        id: ids[i] as string,
        deal_id: event.dealId,
        type: event.type,
        side: event.side,
        data: JSON.stringify(event.data ?? {}),
      })),
    )
    .execute();
  await sql`select webhook_fan_out(id) from unnest(${ids}::text[]) with ordinality as event(id, n) order by n`.execute(
    db,
  );
}
