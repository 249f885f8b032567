import type { DealEventType } from '@cg/contracts';
import type { DB } from '@cg/db';
import { type Kysely, sql } from 'kysely';
import { newId } from '../lib/ids.js';

/*
 * What a use-case records besides its own rows, written in its transaction: the organisation's
 * audit trail, and the deals' shared timelines with their webhook deliveries (the outbox). The
 * unit of work writes them from one call each; work with no caller yet (sign-in, sign-up,
 * background jobs) appends its audit entries itself.
 */

export interface AuditEntry {
  organisationId: string;
  actor: { type: 'user' | 'client' | 'system'; id: string | null };
  action: string;
  subject?: { type: string; id: string } | undefined;
  /** Ids, counts and names only: never private inputs, secrets or tokens. */
  detail?: Record<string, string | number | boolean | null> | undefined;
  requestId?: string | undefined;
}

/**
 * Appends entries to their organisations' trails in one statement; the database numbers each
 * entry and chains its hash to the one before (in the order given).
 */
export async function appendAuditEntries(db: Kysely<DB>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_events')
    .values(
      entries.map((entry) => ({
        id: newId('aud'),
        organisation_id: entry.organisationId,
        actor_type: entry.actor.type,
        actor_id: entry.actor.id,
        action: entry.action,
        subject_type: entry.subject?.type ?? null,
        subject_id: entry.subject?.id ?? null,
        detail: JSON.stringify(entry.detail ?? {}),
        request_id: entry.requestId ?? null,
      })),
    )
    .execute();
}

/** One entry, for work that runs outside a caller's unit of work (sign-in, system jobs). */
export const appendAuditEntry = (db: Kysely<DB>, entry: AuditEntry) => appendAuditEntries(db, [entry]);

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
 * outbox) and the notifications of the people they concern, in the caller's transaction: an
 * event, its deliveries and notifications commit or vanish together. Which timeline type becomes
 * which webhook or notification, for which endpoints and people of both parties, is decided by
 * the database functions `webhook_fan_out` and `notification_fan_out` (the acting organisation
 * never sees the other's endpoints or people).
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
  await sql`select webhook_fan_out(id), notification_fan_out(id) from unnest(${ids}::text[]) with ordinality as event(id, n) order by n`.execute(
    db,
  );
}
