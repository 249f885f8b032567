import { type Kysely, sql } from 'kysely';

/**
 * Webhooks: each organisation's endpoints, the outbox of deliveries (one per deal event and
 * subscribed endpoint) and the log of delivery attempts.
 *
 * Visibility: an organisation sees its own endpoints, deliveries and attempts. The one crossing
 * is `webhook_fan_out`, a narrowly granted SECURITY DEFINER function: given a deal event, it
 * writes one delivery per subscribed endpoint of *both* parties of that event's deal — the acting
 * organisation cannot see the other party's endpoints, and never does (the function returns a
 * count). It runs in the transaction that recorded the event, so an event and its deliveries
 * commit or vanish together. Background delivery (claiming, retrying) is system work.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The webhook catalogue; events a timeline type maps to (see webhook_fan_out).
  const catalogue = sql`array['deal.joined', 'assessment.submitted', 'round.opened', 'alignment.ready', 'milestone.changed', 'deal.closed']::text[]`;

  await sql`
    create table webhook_endpoints (
      id text primary key,
      organisation_id text not null references organisations (id) on delete cascade,
      url text not null check (length(url) between 10 and 2048),
      events text[] not null check (cardinality(events) >= 1 and events <@ ${catalogue}),
      secret_sealed text not null,
      previous_secret_sealed text,
      previous_secret_expires_at timestamptz,
      secret_rotated_at timestamptz,
      status text not null default 'active' check (status in ('active', 'disabled')),
      disabled_at timestamptz,
      disabled_reason text check (length(disabled_reason) <= 200),
      created_by text,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      check ((previous_secret_sealed is null) = (previous_secret_expires_at is null)),
      check ((status = 'disabled') = (disabled_at is not null))
    )
  `.execute(db);
  await sql`create index webhook_endpoints_organisation_idx on webhook_endpoints (organisation_id, id)`.execute(
    db,
  );

  // The outbox. `id` is the Standard Webhooks `webhook-id`: stable across the retries of one
  // event to one endpoint. A claim moves `next_attempt_at` to the end of its lease, so a
  // delivery whose worker died becomes due again by itself.
  await sql`
    create table webhook_deliveries (
      id text primary key,
      organisation_id text not null references organisations (id) on delete cascade,
      endpoint_id text not null references webhook_endpoints (id) on delete cascade,
      deal_event_id text not null references deal_events (id),
      deal_id text not null references deals (id),
      event_type text not null check (event_type = any (${catalogue})),
      status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed', 'cancelled')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null default now(),
      last_attempt_at timestamptz,
      completed_at timestamptz,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      unique (deal_event_id, endpoint_id)
    )
  `.execute(db);
  await sql`create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending'`.execute(
    db,
  );
  // Deleting or disabling an endpoint reaches its deliveries and attempts by endpoint id (an
  // endpoint belongs to one organisation, so these serve tenant queries as well).
  await sql`create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, status)`.execute(
    db,
  );

  await sql`
    create table webhook_attempts (
      delivery_id text not null references webhook_deliveries (id) on delete cascade,
      attempt integer not null check (attempt >= 1),
      seq bigint generated always as identity,
      organisation_id text not null references organisations (id) on delete cascade,
      endpoint_id text not null references webhook_endpoints (id) on delete cascade,
      attempted_at timestamptz not null,
      duration_ms integer not null check (duration_ms >= 0),
      status_code integer check (status_code between 100 and 599),
      error text check (length(error) <= 200),
      outcome text not null check (outcome in ('succeeded', 'retrying', 'failed')),
      next_retry_at timestamptz,
      primary key (delivery_id, attempt),
      check ((outcome = 'retrying') = (next_retry_at is not null))
    )
  `.execute(db);
  await sql`create index webhook_attempts_endpoint_idx on webhook_attempts (endpoint_id, seq desc)`.execute(
    db,
  );

  for (const table of ['webhook_endpoints', 'webhook_deliveries', 'webhook_attempts']) {
    await enableRls(db, table, sql`organisation_id = current_setting('app.org_id', true)`);
  }

  // Requests create, list, rotate and delete their organisation's endpoints and read the
  // delivery log; only system work (the delivery worker, which runs as the owner) writes
  // deliveries and attempts. Deleting an endpoint cascades as the owner.
  await sql`grant select, insert, delete on webhook_endpoints to common_ground_app`.execute(db);
  await sql`
    grant update (secret_sealed, previous_secret_sealed, previous_secret_expires_at, secret_rotated_at)
    on webhook_endpoints to common_ground_app
  `.execute(db);
  await sql`grant select on webhook_deliveries, webhook_attempts to common_ground_app`.execute(db);

  // A time-ordered, prefixed id in the format of the service's ids (48 bits of milliseconds,
  // then 80 random bits, Crockford base32), for deliveries written by webhook_fan_out.
  await sql`
    create function webhook_delivery_id() returns text
    language plpgsql volatile set search_path = public as $$
    declare
      alphabet constant text := '0123456789abcdefghjkmnpqrstvwxyz';
      ms bigint := floor(extract(epoch from clock_timestamp()) * 1000);
      hex text := replace(gen_random_uuid()::text, '-', '');
      -- 80 random bits: a v4 UUID's first 12 and last 8 hex digits (no version or variant bits)
      bits bit(80) := ('x' || substr(hex, 1, 12) || substr(hex, 25, 8))::bit(80);
      head text := '';
      tail text := '';
    begin
      for i in 1..10 loop
        head := substr(alphabet, (ms % 32)::int + 1, 1) || head;
        ms := ms / 32;
      end loop;
      for i in 0..15 loop
        tail := tail || substr(alphabet, substring(bits from i * 5 + 1 for 5)::int + 1, 1);
      end loop;
      return 'whd_' || head || tail;
    end
    $$
  `.execute(db);
  await sql`revoke all on function webhook_delivery_id() from public`.execute(db);

  // The fan-out. The webhook type is derived here from the stored event (never taken from the
  // caller), the caller must be a party of the deal when it acts for an organisation, an endpoint
  // only receives events that happen after it subscribed, and a second call for the same event
  // adds nothing.
  await sql`
    create function webhook_fan_out(p_deal_event_id text) returns integer
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
        when v_event.type in ('milestone.created', 'milestone.changed', 'milestone.deleted') then 'milestone.changed'
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
  await sql`revoke all on function webhook_fan_out(text) from public`.execute(db);
  await sql`grant execute on function webhook_fan_out(text) to common_ground_app`.execute(db);
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
