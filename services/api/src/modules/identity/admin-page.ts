import type { Database, DB } from '@cg/db';
import type { Kysely } from 'kysely';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { requireAdmin } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';

export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

/** A page of the organisation's members or API clients, in id order: for administrators only. */
export function adminPage<Row extends { id: string }, Item>(
  deps: { database: Database },
  caller: Caller,
  page: PageQuery,
  read: (trx: Kysely<DB>, options: { limit: number; afterId?: string | undefined }) => Promise<Row[]>,
  view: (row: Row) => Item,
) {
  const afterId = decodeCursor(page.cursor, 'id');
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireAdmin(actor);
    const rows = await read(trx, { limit: page.limit, afterId });
    return toPage(rows, page.limit, view, (row) => row.id);
  });
}
