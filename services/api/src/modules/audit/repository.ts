import type { DB } from '@cg/db';
import type { Kysely } from 'kysely';
import { newId } from '../../lib/ids.js';

export interface AuditEntry {
  organisationId: string;
  actor: { type: 'user' | 'client' | 'system'; id: string | null };
  action: string;
  subject?: { type: string; id: string } | undefined;
  /** Ids, counts and names only: never private inputs, secrets or tokens. */
  detail?: Record<string, string | number | boolean | null> | undefined;
  requestId?: string | undefined;
}

/** Appends to the organisation's trail; the database chains the hash and numbers the entry. */
export async function insertAuditEvent(db: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: newId('aud'),
      organisation_id: entry.organisationId,
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      action: entry.action,
      subject_type: entry.subject?.type ?? null,
      subject_id: entry.subject?.id ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      request_id: entry.requestId ?? null,
    })
    .execute();
}

export async function listAuditEvents(
  db: Kysely<DB>,
  options: { limit: number; beforeSeq?: number | undefined },
) {
  let query = db
    .selectFrom('audit_events')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(options.limit + 1);
  if (options.beforeSeq !== undefined) query = query.where('seq', '<', String(options.beforeSeq));
  return query.execute();
}
