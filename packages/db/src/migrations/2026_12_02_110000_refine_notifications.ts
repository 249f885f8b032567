import { type Kysely, sql } from 'kysely';

/**
 * Two refinements of the notifications (2026_12_02_100000):
 *
 * - "Your turn" only when it is: a submission that closed its round (the report is ready) or
 *   opened the next one (a new round awaits) is told by that event, so its `assessment.submitted`
 *   notifies no one — otherwise the side that had already submitted heard "your turn" beside
 *   "the report is ready". The events of one action are fanned out after all of them are written
 *   (effects.ts), so the later event of the same round is there to see.
 * - The scheduler looks for milestones not done by their due date: a partial index keeps that
 *   read to the milestones that can still be due.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index milestones_due_idx on milestones (due_at) where status <> 'done' and due_at is not null`.execute(
    db,
  );

  await sql`
    create or replace function notification_fan_out(p_deal_event_id text) returns integer
    language plpgsql volatile security definer set search_path = public as $$
    declare
      v_org text := nullif(current_setting('app.org_id', true), '');
      v_event record;
      v_orgs text[];
    begin
      select e.id, e.deal_id, e.type, e.side, e.data, d.sales_org_id, d.procurement_org_id
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
      if v_event.type not in ('deal.joined', 'assessment.submitted', 'round.opened', 'alignment.ready', 'deal.closed') then
        return 0;
      end if;
      -- A submission that opened or closed its round is announced by that event instead.
      if v_event.type = 'assessment.submitted' and exists (
          select 1 from deal_events o
           where o.deal_id = v_event.deal_id
             and o.type in ('round.opened', 'alignment.ready')
             and o.data -> 'round' = v_event.data -> 'round') then
        return 0;
      end if;
      -- What one side did concerns the other; what the deal did concerns both.
      v_orgs := case v_event.side
        when 'sales' then array[v_event.procurement_org_id]
        when 'procurement' then array[v_event.sales_org_id]
        else array[v_event.sales_org_id, v_event.procurement_org_id]
      end;
      v_orgs := array_remove(v_orgs, null);
      if cardinality(v_orgs) = 0 then
        return 0;
      end if;
      return notify_people(v_event.deal_id, v_event.type, v_event.id, v_orgs,
        jsonb_strip_nulls(jsonb_build_object('side', v_event.side, 'round', v_event.data -> 'round')));
    end
    $$
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
