import { type Kysely, sql } from 'kysely';

/**
 * `is_counterparty()` answers by index probe at every size — found by the scale benchmark's
 * explained prepared statements (bench/RESULTS.md, "Small installations").
 *
 * The function's two `exists` queries are planned once per connection, and on a small database
 * (a thousand deals) the planner chose to scan all of `deals` for each: about 20 buffers and
 * 45 µs a call. A deal list joins the parties' organisations, and the plan that PostgreSQL's
 * statement cache settles on can check every organisation row once per deal on the page, so a
 * page could cost 10 ms of database time on a small installation and 1.5 ms on a million deals.
 * With sequential scans off while the function runs (and so while its queries are planned),
 * each call is an index probe of `deals_*_counterparty_idx`; the rest of the statement is planned
 * as before. `enable_seqscan = off` only makes a scan the last resort: a query with no usable
 * index still runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter function is_counterparty(text) set enable_seqscan = off`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
