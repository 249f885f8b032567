import { type Kysely, sql } from 'kysely';

/**
 * Organisations, their people and machine clients, refresh tokens and the audit trail.
 *
 * Tenancy: every table carries the organisation it belongs to and has row-level security enabled
 * and forced. The request role sees a row only when `app.org_id` (set per transaction) names its
 * organisation; an unset setting matches nothing. The migrating role (the owner) gets an explicit
 * policy of its own because FORCE subjects owners to the policies too, and system work (login
 * look-ups, jobs) runs as the owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisations (
      id text primary key,
      name text not null check (length(name) between 1 and 200),
      side text not null check (side in ('sales', 'procurement')),
      created_at timestamptz not null default now()
    )
  `.execute(db);

  await sql`
    create table users (
      id text primary key,
      organisation_id text not null references organisations (id) on delete cascade,
      email text not null check (email = lower(email) and length(email) between 3 and 254),
      name text not null check (length(name) between 1 and 200),
      role text not null check (role in ('admin', 'member', 'viewer')),
      password_hash text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create unique index users_email_key on users (email)`.execute(db);
  await sql`create index users_organisation_idx on users (organisation_id, id)`.execute(db);

  await sql`
    create table api_clients (
      id text primary key,
      organisation_id text not null references organisations (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      secret_hash text not null unique,
      scopes text[] not null,
      created_by text,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index api_clients_organisation_idx on api_clients (organisation_id, id)`.execute(db);

  await sql`
    create table refresh_tokens (
      id text primary key,
      organisation_id text not null references organisations (id) on delete cascade,
      user_id text not null references users (id) on delete cascade,
      family_id text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz
    )
  `.execute(db);
  await sql`create index refresh_tokens_family_idx on refresh_tokens (organisation_id, family_id)`.execute(
    db,
  );
  await sql`create index refresh_tokens_user_idx on refresh_tokens (organisation_id, user_id)`.execute(db);

  // Append-only: the request role may insert and read, never update or delete. Each entry's hash
  // covers the previous entry's hash, so a changed or removed entry breaks the chain.
  await sql`
    create table audit_events (
      id text primary key,
      organisation_id text not null references organisations (id) on delete cascade,
      seq bigint not null,
      occurred_at timestamptz not null default date_trunc('milliseconds', now()),
      actor_type text not null check (actor_type in ('user', 'client', 'system')),
      actor_id text,
      action text not null,
      subject_type text,
      subject_id text,
      detail jsonb not null default '{}'::jsonb,
      request_id text,
      prev_hash text not null,
      hash text not null,
      unique (organisation_id, seq)
    )
  `.execute(db);
  await sql`
    create function audit_events_chain() returns trigger language plpgsql as $$
    declare
      last_seq bigint;
      last_hash text;
    begin
      perform pg_advisory_xact_lock(hashtext('audit_events:' || new.organisation_id));
      select seq, hash into last_seq, last_hash
        from audit_events where organisation_id = new.organisation_id
        order by seq desc limit 1;
      new.seq := coalesce(last_seq, 0) + 1;
      new.prev_hash := coalesce(last_hash, repeat('0', 64));
      new.hash := audit_event_hash(new.prev_hash, new.seq, new.id, new.organisation_id, new.occurred_at,
        new.actor_type, new.actor_id, new.action, new.subject_type, new.subject_id, new.detail, new.request_id);
      return new;
    end
    $$
  `.execute(db);
  await sql`
    create function audit_event_hash(prev_hash text, seq bigint, id text, organisation_id text, occurred_at timestamptz,
      actor_type text, actor_id text, action text, subject_type text, subject_id text, detail jsonb, request_id text)
    returns text language sql immutable as $$
      select encode(sha256(convert_to(concat_ws(chr(31), prev_hash, seq::text, id, organisation_id,
        to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        actor_type, coalesce(actor_id, ''), action, coalesce(subject_type, ''), coalesce(subject_id, ''),
        detail::text, coalesce(request_id, '')), 'UTF8')), 'hex')
    $$
  `.execute(db);
  await sql`create trigger audit_events_chain before insert on audit_events for each row execute function audit_events_chain()`.execute(
    db,
  );

  for (const table of ['users', 'api_clients', 'refresh_tokens', 'audit_events']) {
    await enableTenancy(db, table, 'organisation_id');
  }
  await enableTenancy(db, 'organisations', 'id');

  await sql`grant select, insert, update, delete on organisations, users, api_clients, refresh_tokens to common_ground_app`.execute(
    db,
  );
  await sql`grant select, insert on audit_events to common_ground_app`.execute(db);
}

async function enableTenancy(db: Kysely<unknown>, table: string, column: string) {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`
    create policy tenant_isolation on ${sql.table(table)} to common_ground_app
    using (${sql.ref(column)} = current_setting('app.org_id', true))
    with check (${sql.ref(column)} = current_setting('app.org_id', true))
  `.execute(db);
  // The owner runs system work; FORCE would otherwise hide every row from it too.
  await sql`
    do $$ begin
      execute format('create policy system_access on %I to %I using (true) with check (true)', ${sql.lit(table)}, current_user);
    end $$
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
