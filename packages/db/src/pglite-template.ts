import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { migrateToLatest } from './migrate.js';

/**
 * PostgreSQL settings of the embedded database, given at every start (they override the data
 * folder's postgresql.conf). initdb sizes shared_buffers for a server (128 MB); in the WebAssembly
 * heap of one process, whose reads of the folder go through the operating system's page cache
 * anyway, 8 MB serve the embedded mode's data and keep the resident set about 120 MB smaller
 * (bench/RESULTS.md, "Embedded mode").
 */
export const PGLITE_START_PARAMS: string[] = [
  ...PGlite.defaultStartParams,
  '-c',
  'shared_buffers=8MB',
  '-c',
  'temp_buffers=1MB',
];

/**
 * A migrated embedded database made once (at install or build time) and copied into each new data
 * folder instead of running initdb and every migration on first start (5–8 s, and PGlite's
 * initdb instance briefly doubles the process's memory).
 *
 * The template is an ordinary data folder that PGlite closed cleanly: copying it is PostgreSQL's
 * "file system level backup" of a stopped server, restored. Every folder made from it has the same
 * system identifier, which matters only to physical replication (PGlite has none). `key` says
 * what it was made from (the migrations' sources and PGlite's version): a folder is only seeded
 * from a template whose key is the running code's, and the migrations run after seeding anyway.
 */
export interface PgliteTemplate {
  /** The folder holding `pgdata/` and `key`. */
  dir: string;
  key: string;
}

const KEY_FILE = 'key';
const DATA = 'pgdata';
const VERSION_FILE = 'PG_VERSION';

export function templateIsCurrent(template: PgliteTemplate): boolean {
  try {
    return (
      readFileSync(path.join(template.dir, KEY_FILE), 'utf8').trim() === template.key &&
      existsSync(path.join(template.dir, DATA, VERSION_FILE))
    );
  } catch {
    return false;
  }
}

/** Makes the template unless a current one is there; concurrent callers each build and one wins. */
export async function createPgliteTemplate(template: PgliteTemplate): Promise<void> {
  if (templateIsCurrent(template)) return;
  const staging = `${template.dir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const pglite = await PGlite.create({ dataDir: path.join(staging, DATA), startParams: PGLITE_START_PARAMS });
  const db = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
  try {
    await migrateToLatest(db);
  } finally {
    // Closes PGlite: a clean shutdown with a checkpoint, nothing left to recover.
    await db.destroy();
  }
  writeFileSync(path.join(staging, KEY_FILE), `${template.key}\n`);
  rmSync(template.dir, { recursive: true, force: true });
  try {
    renameSync(staging, template.dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!templateIsCurrent(template)) throw error; // another build put the same one there first
  }
}

/**
 * Copies the template's database into `dataDir` when that folder holds no database yet (no
 * PG_VERSION) and the template is current; returns whether it did. PG_VERSION is copied last: a
 * copy cut short leaves a folder without it, which the next start copies over again — as PGlite
 * itself would run initdb into it again. The caller holds the folder's lock.
 */
export function seedFromTemplate(dataDir: string, template: PgliteTemplate | undefined): boolean {
  if (!template || existsSync(path.join(dataDir, VERSION_FILE)) || !templateIsCurrent(template)) return false;
  const source = path.join(template.dir, DATA);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  cpSync(source, dataDir, {
    recursive: true,
    force: true,
    filter: (from) => from !== path.join(source, VERSION_FILE),
  });
  copyFileSync(path.join(source, VERSION_FILE), path.join(dataDir, VERSION_FILE));
  return true;
}
