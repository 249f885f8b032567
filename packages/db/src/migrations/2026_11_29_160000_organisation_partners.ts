import { type Kysely, sql } from 'kysely';

/**
 * Counterparty visibility from a table of partners instead of a function call per row — the
 * scale benchmark's "small installations" finding (bench/RESULTS.md).
 *
 * An organisation may read the row (the name) of an organisation it shares a deal with. Until
 * now the policy asked `is_counterparty(id)`, a plpgsql function probing `deals`, once for every
 * organisation row a plan looked at: about 10 µs a call, and a deal list whose plan joins each
 * deal of the page to a scan of `organisations` makes (deals on the page × organisations) calls.
 * Now `organisation_partners` holds each pair once per direction, kept by a trigger on `deals`
 * (a counterparty is set once, when it joins, and never changes; deals are never deleted), and
 * the policy is a plain `exists` on it that the planner answers by primary-key probe or one hash
 * of the caller's partners. The partners table is itself confined to the caller's organisation,
 * and only the trigger writes it: it answers exactly what the function answered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisation_partners (
      organisation_id text not null references organisations (id) on delete cascade,
      partner_id text not null references organisations (id) on delete cascade,
      primary key (organisation_id, partner_id)
    )
  `.execute(db);
  await sql`create index organisation_partners_partner_idx on organisation_partners (partner_id)`.execute(db);

  await sql`
    create function record_partners() returns trigger
    language plpgsql security definer set search_path = public as $$
    begin
      if new.sales_org_id is not null and new.procurement_org_id is not null then
        insert into organisation_partners (organisation_id, partner_id)
        values (new.sales_org_id, new.procurement_org_id), (new.procurement_org_id, new.sales_org_id)
        on conflict do nothing;
      end if;
      return null;
    end
    $$
  `.execute(db);
  await sql`revoke all on function record_partners() from public`.execute(db);
  await sql`
    create trigger deals_record_partners
    after insert or update of sales_org_id, procurement_org_id on deals
    for each row execute function record_partners()
  `.execute(db);
  await sql`
    insert into organisation_partners (organisation_id, partner_id)
    select sales_org_id, procurement_org_id from deals
    where sales_org_id is not null and procurement_org_id is not null
    union
    select procurement_org_id, sales_org_id from deals
    where sales_org_id is not null and procurement_org_id is not null
  `.execute(db);

  await sql`alter table organisation_partners enable row level security`.execute(db);
  await sql`alter table organisation_partners force row level security`.execute(db);
  await sql`
    create policy tenant_isolation on organisation_partners for select to common_ground_app
    using (organisation_id = current_setting('app.org_id', true))
  `.execute(db);
  // The owner runs system work and the trigger (security definer); FORCE would otherwise hide every row from it.
  await sql`
    do $$ begin
      execute format('create policy system_access on organisation_partners to %I using (true) with check (true)', current_user);
    end $$
  `.execute(db);
  await sql`grant select on organisation_partners to common_ground_app`.execute(db);

  await sql`drop policy counterparty_visible on organisations`.execute(db);
  await sql`
    create policy counterparty_visible on organisations for select to common_ground_app
    using (exists (select 1 from organisation_partners p where p.partner_id = organisations.id))
  `.execute(db);
  await sql`drop function is_counterparty(text)`.execute(db);
  // Only is_counterparty() used these (2026_11_29_140000): every insert and update of a deal paid for them.
  await sql`drop index deals_sales_counterparty_idx, deals_procurement_counterparty_idx`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
