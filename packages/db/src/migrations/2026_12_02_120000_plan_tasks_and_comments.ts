import { type Kysely, sql } from 'kysely';

/**
 * A mutual action plan people can run a deal on (issue 17), additively:
 * - milestone statuses gain `in_progress` and `cancelled` (the old three stay valid);
 * - milestones hold tasks (`milestone_tasks`), shared by both parties as milestones are; a task
 *   is assigned to a person of either party, to a side, or to nobody. The person's name is copied
 *   onto the task when it is assigned: it is the only member detail the other side ever sees;
 * - `deal_party_member` answers, for a party of the deal only, whether a user belongs to one of
 *   the deal's parties and what the user is called: the request role cannot read the other
 *   organisation's users, and never reads its member list;
 * - milestones and tasks may be due relative to the deal's decision date (`due_relative_days`);
 * - comments on milestones and tasks (`plan_comments`), shared by both parties; `@name` mentions
 *   are resolved by `deal_party_mentions` to people of either party and stored as user ids;
 * - the webhook fan-out maps task and comment events to `milestone.changed` (ids only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statuses = sql`('open', 'in_progress', 'done', 'blocked', 'cancelled')`;
  await sql`alter table milestones drop constraint milestones_status_check`.execute(db);
  await sql`alter table milestones add constraint milestones_status_check check (status in ${statuses})`.execute(
    db,
  );
  await sql`alter table milestones add column due_relative_days integer check (due_relative_days between -3650 and 3650)`.execute(
    db,
  );

  await sql`
    create table milestone_tasks (
      id text primary key,
      milestone_id text not null references milestones (id) on delete cascade,
      deal_id text not null references deals (id),
      title text not null check (length(title) between 1 and 200),
      assignee_user_id text references users (id) on delete set null,
      assignee_name text check (length(assignee_name) between 1 and 200),
      assignee_side text check (assignee_side in ('sales', 'procurement')),
      status text not null check (status in ${statuses}),
      due_at timestamptz,
      due_relative_days integer check (due_relative_days between -3650 and 3650),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check (assignee_user_id is null or assignee_side is null),
      check ((assignee_user_id is null) = (assignee_name is null))
    )
  `.execute(db);
  await sql`create index milestone_tasks_milestone_idx on milestone_tasks (deal_id, milestone_id, id)`.execute(
    db,
  );
  const isParty = sql`exists (select 1 from deals d where d.id = deal_id)`;
  await sql`alter table milestone_tasks enable row level security`.execute(db);
  await sql`alter table milestone_tasks force row level security`.execute(db);
  await sql`create policy tenant_isolation on milestone_tasks to common_ground_app using (${isParty}) with check (${isParty})`.execute(
    db,
  );
  await sql`
    do $$ begin
      execute format('create policy system_access on milestone_tasks to %I using (true) with check (true)', current_user);
    end $$
  `.execute(db);
  await sql`grant select, insert, update, delete on milestone_tasks to common_ground_app`.execute(db);

  await sql`
    create function deal_party_member(p_deal_id text, p_user_id text)
    returns table (name text, side text)
    language sql stable security definer set search_path = public as $$
      select u.name, o.side
      from deals d
      join users u on u.id = p_user_id and u.organisation_id in (d.sales_org_id, d.procurement_org_id)
      join organisations o on o.id = u.organisation_id
      where d.id = p_deal_id
        and current_setting('app.org_id', true) in (d.sales_org_id, d.procurement_org_id)
    $$
  `.execute(db);
  await sql`revoke all on function deal_party_member(text, text) from public`.execute(db);
  await sql`grant execute on function deal_party_member(text, text) to common_ground_app`.execute(db);

  await createComments(db);
  await replaceWebhookFanOut(db);
}

async function createComments(db: Kysely<unknown>) {
  await sql`
    create table plan_comments (
      id text primary key,
      deal_id text not null references deals (id),
      milestone_id text not null references milestones (id) on delete cascade,
      task_id text references milestone_tasks (id) on delete cascade,
      author_id text not null,
      author_name text not null check (length(author_name) between 1 and 200),
      author_side text not null check (author_side in ('sales', 'procurement')),
      body text not null check (length(body) between 1 and 5000),
      mentions text[] not null default '{}',
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index plan_comments_milestone_idx on plan_comments (deal_id, milestone_id, id)`.execute(
    db,
  );
  const isParty = sql`exists (select 1 from deals d where d.id = deal_id)`;
  await sql`alter table plan_comments enable row level security`.execute(db);
  await sql`alter table plan_comments force row level security`.execute(db);
  await sql`create policy tenant_isolation on plan_comments to common_ground_app using (${isParty}) with check (${isParty})`.execute(
    db,
  );
  await sql`
    do $$ begin
      execute format('create policy system_access on plan_comments to %I using (true) with check (true)', current_user);
    end $$
  `.execute(db);
  await sql`grant select, insert on plan_comments to common_ground_app`.execute(db);

  // Who a comment mentions: people of the deal's parties whose name follows an @ in the text.
  // Only the people named are answered, never a member list, and only to a party of the deal.
  await sql`
    create function deal_party_mentions(p_deal_id text, p_body text)
    returns table (id text, name text)
    language sql stable security definer set search_path = public as $$
      select u.id, u.name
      from deals d
      join users u on u.organisation_id in (d.sales_org_id, d.procurement_org_id)
      where d.id = p_deal_id
        and current_setting('app.org_id', true) in (d.sales_org_id, d.procurement_org_id)
        and position('@' || lower(u.name) in lower(p_body)) > 0
      order by u.id
      limit 20
    $$
  `.execute(db);
  await sql`revoke all on function deal_party_mentions(text, text) from public`.execute(db);
  await sql`grant execute on function deal_party_mentions(text, text) to common_ground_app`.execute(db);
}

/** As `create_webhooks` wrote it, with task and comment events mapped to `milestone.changed`. */
async function replaceWebhookFanOut(db: Kysely<unknown>) {
  await sql`
    create or replace function webhook_fan_out(p_deal_event_id text) returns integer
    language plpgsql volatile security definer set search_path = public as $$
    declare
      v_org text := nullif(current_setting('app.org_id', true), '');
      v_event record;
      v_type text;
      v_count integer;
    begin
      select e.id, e.deal_id, e.type, e.occurred_at, d.sales_org_id, d.procurement_org_id
        into v_event
        from deal_events e join deals d on d.id = e.deal_id
        where e.id = p_deal_event_id;
      if not found then
        raise exception 'deal event % does not exist', p_deal_event_id using errcode = 'no_data_found';
      end if;
      if v_org is not null and v_org is distinct from v_event.sales_org_id
          and v_org is distinct from v_event.procurement_org_id then
        raise exception 'deal event % is not visible to this organisation', p_deal_event_id
          using errcode = 'insufficient_privilege';
      end if;
      v_type := case
        when v_event.type in ('milestone.created', 'milestone.changed', 'milestone.deleted',
                              'task.created', 'task.changed', 'task.deleted', 'comment.added') then 'milestone.changed'
        when v_event.type in ('deal.joined', 'assessment.submitted', 'round.opened', 'alignment.ready', 'deal.closed')
          then v_event.type
      end;
      if v_type is null then
        return 0;
      end if;
      insert into webhook_deliveries (id, organisation_id, endpoint_id, deal_event_id, deal_id, event_type)
        select webhook_delivery_id(), w.organisation_id, w.id, v_event.id, v_event.deal_id, v_type
        from webhook_endpoints w
        where w.organisation_id in (v_event.sales_org_id, v_event.procurement_org_id)
          and w.status = 'active'
          and v_type = any (w.events)
          and w.created_at <= v_event.occurred_at
        order by w.id
        on conflict (deal_event_id, endpoint_id) do nothing;
      get diagnostics v_count = row_count;
      return v_count;
    end
    $$
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
