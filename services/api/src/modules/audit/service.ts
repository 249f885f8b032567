import type { Database } from '@cg/db';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { requireAdmin } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { listAuditEvents } from './repository.js';

export function listAuditTrail(
  database: Database,
  caller: Caller,
  page: { limit: number; cursor?: string | undefined },
) {
  const beforeSeq = decodeCursor(page.cursor, 'position');
  return withCaller(database, caller, async (trx, actor) => {
    requireAdmin(actor);
    const rows = await listAuditEvents(trx, { limit: page.limit, beforeSeq });
    return toPage(
      rows,
      page.limit,
      (row) => ({
        id: row.id,
        seq: Number(row.seq),
        occurredAt: row.occurred_at.toISOString(),
        actor: { type: row.actor_type, id: row.actor_id },
        action: row.action,
        subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
        detail: row.detail,
        requestId: row.request_id,
        hash: row.hash,
        prevHash: row.prev_hash,
      }),
      (row) => Number(row.seq),
    );
  });
}
