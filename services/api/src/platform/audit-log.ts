import type { DB } from '@cg/db';
import type { Kysely } from 'kysely';
import { newId } from '../lib/ids.js';

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
