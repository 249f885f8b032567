import { type Kysely, sql } from 'kysely';

/**
 * Every committed change to a row that a cached read depends on is announced, so that each API
 * process can forget what it cached from it (`ChangeFeed` in `database.ts`, the read cache in the
 * API).
 *
 * The key names what changed — `deal:<id>` (the deal's row or a report of it), `user:<id>`,
 * `client:<id>`, `org:<id>` — and nothing else: no column values, so nothing private travels.
 * It goes out twice: `pg_notify` on the channel `cg_changes`, which PostgreSQL delivers to every
 * listening session when (and only if) the transaction commits, for the other processes; and a
 * notice to the writing session itself (`cg_changed:<key>`), which arrives with the statement's
 * own reply, for the writing process to forget the key as soon as its transaction ends — before
 * it answers its caller, so a caller reads its own writes.
 *
 * Inserts of deals, users, clients and organisations announce nothing: nothing can have been
 * cached of a row that did not exist (a read that finds nothing caches nothing).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function announce_change() returns trigger
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
      else raise exception 'announce_change() does not know the table %', tg_table_name;
      end if;
      perform pg_notify('cg_changes', key);
      raise notice using message = 'cg_changed:' || key;
      return null;
    end
    $$
  `.execute(db);

  for (const table of ['deals', 'users', 'api_clients', 'organisations']) {
    await sql`
      create trigger ${sql.id(`${table}_announce_change`)}
      after update or delete on ${sql.id(table)}
      for each row execute function announce_change()
    `.execute(db);
  }
  await sql`
    create trigger alignment_reports_announce_change
    after insert or update or delete on alignment_reports
    for each row execute function announce_change()
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
