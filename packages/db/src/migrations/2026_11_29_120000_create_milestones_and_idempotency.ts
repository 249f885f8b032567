import { type Kysely, sql } from 'kysely';

/**
 * The mutual action plan (milestones: shared by both parties of a deal) and idempotency keys
 * (infrastructure: reached only through the system path; the stored replies are encrypted).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table milestones (
      id text primary key,
      deal_id text not null references deals (id),
      title text not null check (length(title) between 1 and 200),
      owner_side text not null check (owner_side in ('sales', 'procurement')),
      due_at timestamptz,
      status text not null check (status in ('open', 'done', 'blocked')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )
  `.execute(db);
  await sql`create index milestones_deal_idx on milestones (deal_id, id)`.execute(db);
  const isParty = sql`exists (select 1 from deals d where d.id = deal_id)`;
  await sql`alter table milestones enable row level security`.execute(db);
  await sql`alter table milestones force row level security`.execute(db);
  await sql`create policy tenant_isolation on milestones to common_ground_app using (${isParty}) with check (${isParty})`.execute(
    db,
  );
  await sql`
    do $$ begin
      execute format('create policy system_access on milestones to %I using (true) with check (true)', current_user);
    end $$
  `.execute(db);
  await sql`grant select, insert, update, delete on milestones to common_ground_app`.execute(db);

  await sql`
    create table idempotency_keys (
      scope text not null,
      key text not null,
      request_hash text not null,
      state text not null check (state in ('in_progress', 'committed', 'completed')),
      locked_until timestamptz,
      response text,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      primary key (scope, key)
    )
  `.execute(db);
  await sql`create index idempotency_keys_expiry_idx on idempotency_keys (expires_at)`.execute(db);
  await sql`alter table idempotency_keys enable row level security`.execute(db);
  await sql`alter table idempotency_keys force row level security`.execute(db);
  await sql`
    do $$ begin
      execute format('create policy system_access on idempotency_keys to %I using (true) with check (true)', current_user);
    end $$
  `.execute(db);
  // The request role marks its own organisation's claims committed, in the transaction of the
  // write itself, so a retry after a lost reply can never write twice.
  await sql`
    create policy tenant_isolation on idempotency_keys to common_ground_app
    using (starts_with(scope, current_setting('app.org_id', true) || '/'))
    with check (starts_with(scope, current_setting('app.org_id', true) || '/'))
  `.execute(db);
  await sql`grant select, update (state, locked_until) on idempotency_keys to common_ground_app`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
