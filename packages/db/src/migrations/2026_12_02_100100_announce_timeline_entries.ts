import { type Kysely, sql } from 'kysely';

/**
 * Live deal pages (issue 16): a new entry on a deal's shared timeline is announced as
 * `timeline:<deal id>`, so that every process with a live stream of that deal open reads the new
 * entries at once, wherever the write happened. The key carries the deal id only — never the
 * entry — and a stream reads what it sends under the reader's own row-level security.
 * Timeline entries are only ever inserted (never updated or deleted), so the trigger is on
 * insert alone. The other branches are as `announce_session_ends` left them.
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
      elsif tg_table_name = 'deal_events' then key := 'timeline:' || subject.deal_id;
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
    create trigger deal_events_announce_change
    after insert on deal_events
    for each row execute function announce_change()
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
