import type { DB } from '@cg/db';
import type { Kysely } from 'kysely';

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
