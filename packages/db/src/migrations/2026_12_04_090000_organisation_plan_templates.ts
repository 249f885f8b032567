import { type Kysely, sql } from 'kysely';
import { isolateByOrganisation } from './tenant-isolation.js';

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
  await isolateByOrganisation(db, 'plan_templates', 'select, insert, delete');
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
