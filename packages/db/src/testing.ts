import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from './database.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

/**
 * Fresh databases for tests, one per test file: a copy of a migrated template, so that a file
 * costs a second, not a migration run. `TEST_DATABASE_URL` (a server where the user may create
 * databases) selects PostgreSQL; without it every test database is an in-memory PGlite.
 */
export interface TestDatabase {
  database: Database;
  /** Connection URL of the test database (PostgreSQL only), for tests that need their own pool. */
  url: string | undefined;
  drop(): Promise<void>;
}

// Keyed by the migrations' code, not just their names: editing a migration makes a new template.
const schemaKey = () =>
  createHash('sha256')
    .update(
      Object.entries(migrations)
        .map(([name, migration]) => `${name}\n${migration.up.toString()}`)
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 12);

export const testDatabaseUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  return url ? createPostgresTestDatabase(url) : createPgliteTestDatabase();
}

async function withFileLock<T>(lockPath: string, work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      closeSync(openSync(lockPath, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 600) throw error;
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    unlinkSync(lockPath);
  }
}

async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(tmpdir(), `cg-pglite-template-${schemaKey()}.tar`);
  const read = () => new Blob([readFileSync(file)]);
  try {
    return read();
  } catch {
    return withFileLock(`${file}.lock`, async () => {
      try {
        return read();
      } catch {
        const pglite = await PGlite.create();
        const db = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
        await migrateToLatest(db);
        const dump = await pglite.dumpDataDir('none');
        await db.destroy();
        writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
        renameSync(`${file}.tmp`, file);
        return read();
      }
    });
  }
}

async function createPgliteTestDatabase(): Promise<TestDatabase> {
  const database = await openPglite({ loadDataDir: await pgliteTemplate() });
  return { database, url: undefined, drop: () => database.close() };
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createPostgresTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const template = `cg_template_${schemaKey()}`;
  const name = `cg_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // One template per migration set, built once by whichever test file gets here first.
    await admin.query('select pg_advisory_lock(hashtext($1))', [template]);
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (exists.rowCount === 0) {
        await admin.query(`create database ${template}`);
        const db = new Kysely<unknown>({
          dialect: new PostgresDialect({
            pool: new pg.Pool({ connectionString: databaseUrl(serverUrl, template), max: 1 }),
          }),
        });
        try {
          await migrateToLatest(db);
        } catch (error) {
          await db.destroy();
          await admin.query(`drop database ${template}`);
          throw error;
        }
        await db.destroy();
      }
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [template]);
    }
  } finally {
    await admin.end();
  }
  const url = databaseUrl(serverUrl, name);
  const database = await openPostgres({ url, poolMax: 5 });
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
