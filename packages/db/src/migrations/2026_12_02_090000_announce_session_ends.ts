import { type Kysely, sql } from 'kysely';

/**
 * A user's access token names its sign-in session (the refresh-token family), and the caller's
 * check on every request requires that session to be live. Ending one (sign-out, revocation, a
 * detected reuse) sets `revoked_at` on its refresh tokens; that change is announced as
 * `session:<family id>`, so that a process which cached the caller's row forgets it, as it does
 * for `user:<id>`. Only the change from live to revoked is announced: issuing, using and expiring
 * a refresh token does not change whether its session is live.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function announce_change() returns trigger
    language plpgsql as $$
    declare
      subject record;
      key text;
    begin
      if tg_op = 'DELETE' then subject := old; else subject := new; end if;
      -- One branch per table: a record's fields are resolved when a statement runs.
      if tg_table_name = 'deals' then key := 'deal:' || subject.id;
      elsif tg_table_name = 'alignment_reports' then key := 'deal:' || subject.deal_id;
      elsif tg_table_name = 'users' then key := 'user:' || subject.id;
      elsif tg_table_name = 'api_clients' then key := 'client:' || subject.id;
      elsif tg_table_name = 'organisations' then key := 'org:' || subject.id;
      elsif tg_table_name = 'refresh_tokens' then key := 'session:' || subject.family_id;
      else raise exception 'announce_change() does not know the table %', tg_table_name;
      end if;
      perform pg_notify('cg_changes', key);
      raise notice using message = 'cg_changed:' || key;
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create trigger refresh_tokens_announce_change
    after update of revoked_at on refresh_tokens
    for each row when (old.revoked_at is null and new.revoked_at is not null)
    execute function announce_change()
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
