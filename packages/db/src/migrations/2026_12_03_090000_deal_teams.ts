import { type Kysely, sql } from 'kysely';
import { isolateByOrganisation } from './tenant-isolation.js';

/**
 * Teams on each side of a deal (issue 17), additively. Everything here is private to one
 * organisation — row-level security on `organisation_id`, as assessments are — and none of it
 * reaches the deal's shared timeline, so the counterparty never learns that a team, a
 * contribution or a stakeholder map exists.
 * - `deal_team_members`: an organisation's people on a deal, as owner, contributor or viewer, with
 *   the parts a contributor is asked for. Existing deals get every admin and member of each party
 *   as an owner, so that who may do what on them does not change;
 * - `deal_contributions`: one contributor's private view of the parts asked of them, sealed with
 *   the deal's data key like an assessment;
 * - `deal_side_settings`: whether the side's owners share its internal spread with its team;
 * - `deal_stakeholders`: the people of either organisation with a role in the decision, as the
 *   side sees them; the notes are sealed with the deal's data key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const parts = sql`array['objectives', 'operational', 'financial', 'informationSecurity', 'nature']`;
  await sql`
    create table deal_team_members (
      deal_id text not null references deals (id),
      organisation_id text not null references organisations (id),
      user_id text not null references users (id) on delete cascade,
      role text not null check (role in ('owner', 'contributor', 'viewer')),
      asked_parts text[] not null default '{}' check (asked_parts <@ ${parts}),
      added_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (deal_id, user_id)
    )
  `.execute(db);
  await sql`create index deal_team_members_org_idx on deal_team_members (organisation_id, deal_id)`.execute(
    db,
  );

  await sql`
    create table deal_contributions (
      id text primary key,
      deal_id text not null references deals (id),
      organisation_id text not null references organisations (id),
      side text not null check (side in ('sales', 'procurement')),
      contributor_id text not null,
      contributor_name text not null check (length(contributor_name) between 1 and 200),
      content text not null,
      parts text[] not null check (parts <@ ${parts}),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      unique (deal_id, contributor_id)
    )
  `.execute(db);
  await sql`create index deal_contributions_org_idx on deal_contributions (organisation_id, deal_id)`.execute(
    db,
  );

  await sql`
    create table deal_side_settings (
      deal_id text not null references deals (id),
      organisation_id text not null references organisations (id),
      spread_shared boolean not null default false,
      updated_at timestamptz not null default now(),
      primary key (deal_id, organisation_id)
    )
  `.execute(db);

  await sql`
    create table deal_stakeholders (
      id text primary key,
      deal_id text not null references deals (id),
      organisation_id text not null references organisations (id),
      name text not null check (length(name) between 1 and 200),
      side text not null check (side in ('sales', 'procurement')),
      role text not null check (role in ('economic_buyer', 'technical_evaluator', 'user', 'legal', 'procurement', 'champion', 'blocker')),
      influence text not null check (influence in ('low', 'medium', 'high')),
      stance text not null check (stance in ('supportive', 'neutral', 'opposed', 'unknown')),
      member_user_id text references users (id) on delete set null,
      notes text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )
  `.execute(db);
  await sql`create index deal_stakeholders_deal_idx on deal_stakeholders (organisation_id, deal_id, id)`.execute(
    db,
  );

  for (const table of ['deal_team_members', 'deal_contributions', 'deal_side_settings', 'deal_stakeholders'])
    await isolateByOrganisation(db, table, 'select, insert, update, delete');
  await sql`
    insert into deal_team_members (deal_id, organisation_id, user_id, role)
    select d.id, u.organisation_id, u.id, 'owner'
    from deals d
    join users u on u.organisation_id in (d.sales_org_id, d.procurement_org_id)
    where u.role in ('admin', 'member')
    on conflict do nothing
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
