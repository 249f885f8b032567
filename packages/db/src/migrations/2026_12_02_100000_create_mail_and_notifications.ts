import { type Kysely, sql } from 'kysely';

/**
 * People in the loop: verified addresses, single-use tokens (email verification, password reset,
 * emailed sign-in codes, member invitations), the notifications each person receives and how
 * they want them, and the outbox of mail.
 *
 * Visibility: an organisation sees its own users' tokens, notifications, preferences and mail.
 * The one crossing is `notification_fan_out`, a narrowly granted SECURITY DEFINER function in
 * the manner of `webhook_fan_out`: given a deal event written by one party, it notifies the
 * people of the other party (both, for what the deal itself did), whose users the acting
 * organisation cannot see and never does (the function returns a count). It runs in the
 * transaction that recorded the event, so an event, its notifications and their mail commit or
 * vanish together. Sending mail and the scheduled reminders are system work.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Accounts made before verification existed signed up with the address they use: trusted.
  await sql`alter table users add column email_verified_at timestamptz`.execute(db);
  await sql`update users set email_verified_at = created_at`.execute(db);
  // Who issued an invitation, so the page it leads to can say who invites (a user or a client).
  await sql`alter table invitations add column created_by text`.execute(db);

  await sql`
    create table one_time_tokens (
      id text primary key,
      organisation_id text not null references organisations (id) on delete cascade,
      user_id text references users (id) on delete cascade,
      purpose text not null check (purpose in ('email_verification', 'password_reset', 'sign_in_code', 'member_invitation')),
      email text not null check (email = lower(email) and length(email) between 3 and 254),
      token_hash text not null,
      data jsonb not null default '{}'::jsonb,
      failed_attempts integer not null default 0 check (failed_attempts >= 0),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      check (purpose = 'member_invitation' or user_id is not null)
    )
  `.execute(db);
  // Links carry 256-bit tokens looked up by hash; a sign-in code is short, so it is looked up by
  // its account and compared (its hash is salted with the account and need not be unique).
  await sql`create unique index one_time_tokens_hash_key on one_time_tokens (token_hash) where purpose <> 'sign_in_code'`.execute(
    db,
  );
  await sql`create index one_time_tokens_email_idx on one_time_tokens (email, purpose, created_at desc)`.execute(
    db,
  );
  await sql`create index one_time_tokens_user_idx on one_time_tokens (user_id) where user_id is not null`.execute(
    db,
  );

  const notificationKinds = sql`array['deal.joined', 'assessment.submitted', 'round.opened', 'alignment.ready', 'milestone.due', 'milestone.overdue', 'deal.closed']::text[]`;
  await sql`
    create table notifications (
      id text primary key,
      organisation_id text not null references organisations (id) on delete cascade,
      user_id text not null references users (id) on delete cascade,
      deal_id text not null references deals (id),
      kind text not null check (kind = any (${notificationKinds})),
      cause text not null check (length(cause) between 1 and 200),
      params jsonb not null default '{}'::jsonb,
      delivery text not null check (delivery in ('email', 'digest', 'off')),
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      read_at timestamptz,
      mailed_at timestamptz,
      unique (user_id, kind, cause)
    )
  `.execute(db);
  await sql`create index notifications_user_idx on notifications (user_id, id desc)`.execute(db);
  await sql`create index notifications_unread_idx on notifications (user_id) where read_at is null`.execute(
    db,
  );
  await sql`create index notifications_digest_idx on notifications (user_id) where delivery = 'digest' and mailed_at is null`.execute(
    db,
  );

  await sql`
    create table notification_preferences (
      user_id text not null references users (id) on delete cascade,
      organisation_id text not null references organisations (id) on delete cascade,
      kind text not null check (kind = any (${notificationKinds})),
      delivery text not null check (delivery in ('email', 'digest', 'off')),
      updated_at timestamptz not null default now(),
      primary key (user_id, kind)
    )
  `.execute(db);

  // The mail outbox. The secret a message carries (a code, a link's token) is sealed with the
  // master key and cleared once the message is sent, so neither a dump nor a log holds it.
  await sql`
    create table mail_outbox (
      id text primary key,
      organisation_id text not null references organisations (id) on delete cascade,
      to_address text not null check (length(to_address) between 3 and 254),
      template text not null check (template in ('invitation', 'member_invitation', 'email_verification', 'password_reset', 'sign_in_code', 'notification', 'digest')),
      params jsonb not null default '{}'::jsonb,
      secret_sealed text,
      notification_id text references notifications (id) on delete cascade,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null default now(),
      last_error text check (length(last_error) <= 300),
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      sent_at timestamptz
    )
  `.execute(db);
  await sql`create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'pending'`.execute(
    db,
  );

  // Scheduled jobs (reminders, digests) take their slot here, so that of every replica running
  // the scheduler exactly one does each slot's work.
  await sql`
    create table scheduled_runs (
      job text not null,
      slot text not null,
      ran_at timestamptz not null default now(),
      primary key (job, slot)
    )
  `.execute(db);

  const currentOrg = sql`current_setting('app.org_id', true)`;
  for (const table of ['one_time_tokens', 'notifications', 'notification_preferences', 'mail_outbox']) {
    await enableRls(db, table, sql`organisation_id = ${currentOrg}`);
  }
  await sql`alter table scheduled_runs enable row level security`.execute(db);
  await sql`alter table scheduled_runs force row level security`.execute(db);
  await sql`
    do $$ begin
      execute format('create policy system_access on scheduled_runs to %I using (true) with check (true)', current_user);
    end $$
  `.execute(db);

  await sql`grant update (email_verified_at) on users to common_ground_app`.execute(db);
  await sql`grant select, insert, update on one_time_tokens to common_ground_app`.execute(db);
  await sql`grant select on notifications to common_ground_app`.execute(db);
  await sql`grant update (read_at) on notifications to common_ground_app`.execute(db);
  await sql`grant select, insert, update, delete on notification_preferences to common_ground_app`.execute(
    db,
  );
  await sql`grant select, insert on mail_outbox to common_ground_app`.execute(db);

  // The service's id format (see webhook_delivery_id), for rows the functions below write.
  await sql`
    create function prefixed_id(p_prefix text) returns text
    language sql volatile set search_path = public as $$
      select p_prefix || '_' || substr(webhook_delivery_id(), 5)
    $$
  `.execute(db);
  await sql`revoke all on function prefixed_id(text) from public`.execute(db);

  // Notifies the people of `p_org_ids` about one cause on one deal: at most once per person,
  // kind and cause; each gets it the way they chose (email unless they said otherwise), and an
  // email is queued only for a verified address. Used by the fan-out below and the scheduler.
  await sql`
    create function notify_people(p_deal_id text, p_kind text, p_cause text, p_org_ids text[], p_params jsonb)
    returns integer
    language plpgsql volatile security definer set search_path = public as $$
    declare
      v_count integer;
    begin
      with recipients as (
        select u.id as user_id, u.organisation_id, u.email, u.email_verified_at,
               coalesce(p.delivery, 'email') as delivery
          from users u
          left join notification_preferences p on p.user_id = u.id and p.kind = p_kind
          where u.organisation_id = any (p_org_ids)
      ), inserted as (
        insert into notifications (id, organisation_id, user_id, deal_id, kind, cause, params, delivery)
          select prefixed_id('ntf'), r.organisation_id, r.user_id, p_deal_id, p_kind, p_cause, p_params, r.delivery
            from recipients r
            order by r.user_id
          on conflict (user_id, kind, cause) do nothing
          returning id, organisation_id, user_id, delivery
      ), mailed as (
        insert into mail_outbox (id, organisation_id, to_address, template, params, notification_id)
          select prefixed_id('mail'), i.organisation_id, r.email, 'notification',
                 jsonb_build_object('notificationId', i.id), i.id
            from inserted i join recipients r on r.user_id = i.user_id
            where i.delivery = 'email' and r.email_verified_at is not null
          returning 1
      )
      select count(*) into v_count from inserted;
      return v_count;
    end
    $$
  `.execute(db);
  await sql`revoke all on function notify_people(text, text, text, text[], jsonb) from public`.execute(db);

  // The fan-out of a deal event to the people it concerns. The kind is derived from the stored
  // event (never taken from the caller), the caller must be a party when it acts for an
  // organisation, and a second call for the same event notifies no one twice.
  await sql`
    create function notification_fan_out(p_deal_event_id text) returns integer
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
  await sql`revoke all on function notification_fan_out(text) from public`.execute(db);
  await sql`grant execute on function notification_fan_out(text) to common_ground_app`.execute(db);
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
