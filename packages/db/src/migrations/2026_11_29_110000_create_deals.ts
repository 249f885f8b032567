import { type Kysely, sql } from 'kysely';

/**
 * Deals, invitations, private assessments (encrypted), round submissions, alignment reports and
 * the shared timeline.
 *
 * Visibility: a deal and its shared data (reports, timeline, data key) are visible to the two
 * organisations party to it; an assessment, its submissions and an invitation only to the
 * organisation that wrote them. The one crossing is `round_submissions`, a narrowly granted
 * SECURITY DEFINER function that hands a party the ciphertext of both sides' submissions for the
 * round being closed — and only while it is being closed — so the report can be computed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table deals (
      id text primary key,
      title text not null check (length(title) between 1 and 200),
      description text check (length(description) <= 5000),
      value_amount numeric(15, 2) check (value_amount >= 0),
      value_currency text check (value_currency ~ '^[A-Z]{3}$'),
      expected_decision_at timestamptz,
      status text not null check (status in ('awaiting_counterparty', 'assessing', 'aligned', 'won', 'lost', 'withdrawn')),
      sales_org_id text references organisations (id),
      procurement_org_id text references organisations (id),
      created_by_org_id text not null references organisations (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      closed_at timestamptz,
      version integer not null default 1,
      round integer not null default 1 check (round >= 1),
      round_budget integer not null check (round_budget >= 1),
      report_ready boolean not null default false,
      sales_round_revision integer,
      procurement_round_revision integer,
      sales_revision integer,
      procurement_revision integer,
      check (round <= round_budget),
      check ((value_amount is null) = (value_currency is null)),
      check (created_by_org_id in (sales_org_id, procurement_org_id))
    )
  `.execute(db);
  await sql`create index deals_sales_idx on deals (sales_org_id, id desc) where sales_org_id is not null`.execute(
    db,
  );
  await sql`create index deals_procurement_idx on deals (procurement_org_id, id desc) where procurement_org_id is not null`.execute(
    db,
  );

  await sql`
    create table invitations (
      id text primary key,
      deal_id text not null references deals (id),
      organisation_id text not null references organisations (id),
      code_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      used_by_organisation_id text references organisations (id),
      voided_at timestamptz
    )
  `.execute(db);
  await sql`create index invitations_deal_idx on invitations (organisation_id, deal_id)`.execute(db);

  await sql`
    create table deal_keys (
      deal_id text primary key references deals (id),
      wrapped_key text not null,
      master_key_id text not null,
      created_at timestamptz not null default now(),
      rewrapped_at timestamptz
    )
  `.execute(db);
  await sql`create index deal_keys_master_key_idx on deal_keys (master_key_id)`.execute(db);

  await sql`
    create table assessments (
      deal_id text not null references deals (id),
      side text not null check (side in ('sales', 'procurement')),
      organisation_id text not null references organisations (id),
      content text not null,
      content_fingerprint text not null,
      status text not null check (status in ('draft', 'submitted')),
      etag integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (deal_id, side)
    )
  `.execute(db);

  await sql`
    create table assessment_submissions (
      deal_id text not null references deals (id),
      side text not null check (side in ('sales', 'procurement')),
      revision integer not null check (revision >= 1),
      organisation_id text not null references organisations (id),
      round integer not null,
      content text not null,
      content_fingerprint text not null,
      submitted_at timestamptz not null default now(),
      primary key (deal_id, side, revision)
    )
  `.execute(db);

  await sql`
    create table alignment_reports (
      deal_id text not null references deals (id),
      version integer not null check (version >= 1),
      round integer not null,
      algorithm text not null,
      computed_at timestamptz not null default date_trunc('milliseconds', now()),
      based_on_sales integer not null,
      based_on_procurement integer not null,
      disclosure text not null check (disclosure in ('summary', 'standard', 'detailed')),
      view_sales jsonb not null,
      view_procurement jsonb not null,
      primary key (deal_id, version)
    )
  `.execute(db);

  await sql`
    create table deal_events (
      id text primary key,
      deal_id text not null references deals (id),
      occurred_at timestamptz not null default date_trunc('milliseconds', now()),
      type text not null,
      side text check (side in ('sales', 'procurement')),
      data jsonb not null default '{}'::jsonb
    )
  `.execute(db);
  await sql`create index deal_events_deal_idx on deal_events (deal_id, id desc)`.execute(db);

  // --- row-level security ---------------------------------------------------------------
  const currentOrg = sql`current_setting('app.org_id', true)`;
  const isParty = sql`exists (select 1 from deals d where d.id = deal_id)`; // deals' own policy limits d to the caller's deals

  await enableRls(db, 'deals', sql`${currentOrg} in (sales_org_id, procurement_org_id)`);
  await enableRls(db, 'invitations', sql`organisation_id = ${currentOrg}`);
  await enableRls(db, 'deal_keys', isParty);
  await enableRls(db, 'assessments', sql`organisation_id = ${currentOrg}`);
  await enableRls(db, 'assessment_submissions', sql`organisation_id = ${currentOrg}`);
  await enableRls(db, 'alignment_reports', isParty);
  await enableRls(db, 'deal_events', isParty);

  // A party may see the name of the organisation on the other side of a shared deal.
  await sql`
    create policy counterparty_visible on organisations for select to common_ground_app
    using (exists (select 1 from deals d where organisations.id in (d.sales_org_id, d.procurement_org_id)))
  `.execute(db);

  await sql`grant select, insert, update on deals, invitations, assessments to common_ground_app`.execute(db);
  await sql`grant select, insert on deal_keys, assessment_submissions, alignment_reports, deal_events to common_ground_app`.execute(
    db,
  );

  await sql`
    create function round_submissions(p_deal_id text)
    returns table (side text, revision integer, content text)
    language sql stable security definer set search_path = public as $$
      select s.side, s.revision, s.content
      from deals d
      join assessment_submissions s on s.deal_id = d.id
        and s.revision = case s.side when 'sales' then d.sales_round_revision else d.procurement_round_revision end
      where d.id = p_deal_id
        and current_setting('app.org_id', true) in (d.sales_org_id, d.procurement_org_id)
        and d.sales_round_revision is not null
        and d.procurement_round_revision is not null
        and not d.report_ready
    $$
  `.execute(db);
  await sql`revoke all on function round_submissions(text) from public`.execute(db);
  await sql`grant execute on function round_submissions(text) to common_ground_app`.execute(db);
}

async function enableRls(db: Kysely<unknown>, table: string, predicate: ReturnType<typeof sql>) {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`create policy tenant_isolation on ${sql.table(table)} to common_ground_app using (${predicate}) with check (${predicate})`.execute(
    db,
  );
  await sql`
    do $$ begin
      execute format('create policy system_access on %I to %I using (true) with check (true)', ${sql.lit(table)}, current_user);
    end $$
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
