import { type Kysely, sql } from 'kysely';

/**
 * Plans an organisation saves as its own templates (issue 17), beside the built-in ones. A
 * template is private to the organisation that saved it (row-level security on
 * `organisation_id`); its steps are stored as the template document the API answers, with dates
 * relative to the decision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table plan_templates (
      id text primary key,
      organisation_id text not null references organisations (id),
      name text not null check (length(name) between 1 and 200),
      description text not null default '' check (length(description) <= 2000),
      approach text not null check (approach in ('collaborative', 'competitive')),
      milestones jsonb not null,
      created_by text,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index plan_templates_org_idx on plan_templates (organisation_id, created_at, id)`.execute(
    db,
  );
  const ownOrganisation = sql`organisation_id = current_setting('app.org_id', true)`;
  await sql`alter table plan_templates enable row level security`.execute(db);
  await sql`alter table plan_templates force row level security`.execute(db);
  await sql`create policy tenant_isolation on plan_templates to common_ground_app using (${ownOrganisation}) with check (${ownOrganisation})`.execute(
    db,
  );
  await sql`
    do $$ begin
      execute format('create policy system_access on %I to %I using (true) with check (true)', 'plan_templates', current_user);
    end $$
  `.execute(db);
  await sql`grant select, insert, delete on plan_templates to common_ground_app`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
