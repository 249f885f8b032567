import { type Kysely, sql } from 'kysely';

/**
 * Counterparty visibility in O(log n) instead of O(the caller's deals) — proposed by the scale
 * benchmark (bench/RESULTS.md, bench/results/scale-explain.txt).
 *
 * Every read of a deal joins `organisations` twice for the parties' names, and row-level
 * security checks the counterparty's row with `counterparty_visible`: "some deal of mine has this
 * organisation as a party". As first written (`exists (select 1 from deals d where
 * organisations.id in (d.sales_org_id, d.procurement_org_id))`), PostgreSQL answers it by reading
 * the caller's deals one by one until it meets that counterparty: about 200 heap pages per
 * checked row once organisations have many partners (10,000 organisations, 1M deals), and the
 * first page of `GET /v1/deals` checks up to one row per deal of the organisation.
 *
 * Now: a composite index per direction answers "is there a deal between me and them" with one
 * index probe, and the check lives in a plpgsql function so that the planner cannot turn it into
 * a hash of all the caller's deals (its estimates for `current_setting(…)` predicates are blind,
 * so it did). The function is SECURITY INVOKER: the deals policy still applies inside it, and it
 * answers exactly what the old policy answered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Partial: only a deal with both parties makes a counterparty; and a list query, which may
  // return deals still awaiting one, cannot use them to find its rows: its plans stay as they were.
  await sql`
    create index deals_sales_counterparty_idx on deals (sales_org_id, procurement_org_id)
    where procurement_org_id is not null
  `.execute(db);
  await sql`
    create index deals_procurement_counterparty_idx on deals (procurement_org_id, sales_org_id)
    where sales_org_id is not null
  `.execute(db);
  await sql`
    create function is_counterparty(p_organisation_id text) returns boolean
    language plpgsql stable as $$
    begin
      return exists (
        select 1 from public.deals d
        where d.sales_org_id = current_setting('app.org_id', true) and d.procurement_org_id = p_organisation_id
      ) or exists (
        select 1 from public.deals d
        where d.procurement_org_id = current_setting('app.org_id', true) and d.sales_org_id = p_organisation_id
      );
    end
    $$
  `.execute(db);
  await sql`revoke all on function is_counterparty(text) from public`.execute(db);
  await sql`grant execute on function is_counterparty(text) to common_ground_app`.execute(db);
  await sql`drop policy counterparty_visible on organisations`.execute(db);
  await sql`
    create policy counterparty_visible on organisations for select to common_ground_app
    using (is_counterparty(id))
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
