import { type Kysely, sql } from 'kysely';

/**
 * Confines a table to the caller's organisation as the request role sees it (`app.org_id`), and
 * lets the migrating role, which runs system work, see every row. Used by the migrations from
 * 2026-12-03 on; earlier ones spell the same statements out.
 */
export async function isolateByOrganisation(
  db: Kysely<unknown>,
  table: string,
  grants: 'select, insert, delete' | 'select, insert, update, delete',
): Promise<void> {
  const ownOrganisation = sql`organisation_id = current_setting('app.org_id', true)`;
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`create policy tenant_isolation on ${sql.table(table)} to common_ground_app using (${ownOrganisation}) with check (${ownOrganisation})`.execute(
    db,
  );
  await sql`
    do $$ begin
      execute format('create policy system_access on %I to %I using (true) with check (true)', ${sql.lit(table)}, current_user);
    end $$
  `.execute(db);
  await sql`grant ${sql.raw(grants)} on ${sql.table(table)} to common_ground_app`.execute(db);
}
