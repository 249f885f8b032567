import { type Kysely, sql } from 'kysely';

// The service runs its requests as this role so that PostgreSQL row-level security applies to
// them: it owns nothing, is not a superuser and cannot bypass RLS. Roles are cluster-wide, so
// another database on the same server may have created it already (possibly concurrently).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$
    begin
      if not exists (select 1 from pg_roles where rolname = 'common_ground_app') then
        begin
          create role common_ground_app login nosuperuser nocreatedb nocreaterole nobypassrls;
        exception when duplicate_object or unique_violation then null;
        end;
      end if;
    end
    $$
  `.execute(db);
  // Whoever runs migrations must be able to act as the app role (PGlite's single connection
  // switches to it after migrating). Superusers already can; granting is harmless then.
  await sql`
    do $$
    begin
      if not (select rolsuper from pg_roles where rolname = current_user) then
        execute format('grant common_ground_app to %I', current_user);
      end if;
    end
    $$
  `.execute(db);
  await sql`grant usage on schema public to common_ground_app`.execute(db);
  await sql`revoke create on schema public from public`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
