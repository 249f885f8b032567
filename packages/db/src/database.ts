import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { type ChangeFeed, PgliteChangeFeed, PostgresChangeFeed } from './change-feed.js';
import { lockDataDir } from './data-dir-lock.js';
import { migrateToLatest } from './migrate.js';
import { PGLITE_START_PARAMS, type PgliteTemplate, seedFromTemplate } from './pglite-template.js';
import {
  forgetPreparedOn,
  isOutdatedStatement,
  preparedNameOn,
  prepareStatementsOn,
} from './prepared-statements.js';
import type { DB } from './schema.js';

/** The role every request runs as; created by the first migration. */
export const APP_ROLE = 'common_ground_app';

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  readonly kind: DatabaseKind;
  /** Where the data lives, for the start-up line; never includes a password. */
  readonly description: string;
  /**
   * Runs `work` in one transaction as the request role with `app.org_id` set to `orgId`, so
   * row-level security confines it to what that organisation may see.
   */
  asOrg<T>(orgId: string, work: (trx: Kysely<DB>) => Promise<T>, options?: OrgTransactionOptions): Promise<T>;
  /**
   * Runs one read-only statement as the request role, confined to `orgId` like `asOrg`, and
   * returns its rows: for the hot reads, in one round trip to PostgreSQL once the statement is
   * prepared on the connection (see `orgRead`).
   */
  readAsOrg<R>(orgId: string, query: CompiledQuery<R>): Promise<R[]>;
  /**
   * Runs `work` in one transaction with access across organisations: for look-ups before the
   * caller is known (login, invitation codes) and for background jobs. Every use is a reviewed
   * exception; ordinary requests use `asOrg`.
   */
  asSystem<T>(work: (trx: Kysely<DB>) => Promise<T>): Promise<T>;
  /** What committed writes changed, for caches of reads (`change-feed.ts`). */
  readonly changes: ChangeFeed;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /** Connections of the request pool: open, idle, and requests waiting for one. */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export interface OrgTransactionOptions {
  /**
   * For a transaction that reads a page of rows in the order of an index (the deal list):
   * without bitmap scans and with one plan for any values. Row-level security's deals policy (an
   * `or` of two columns) makes the planner expect a single matching row, so on a large database
   * it reads *all* of the organisation's deals through a bitmap and sorts them to keep twenty;
   * without bitmap scans it walks the organisation's index in order and stops at the page's end —
   * the same work for 200 deals or 200,000. The plan is then the same for every cursor and limit,
   * so it is made once (`plan_cache_mode = force_generic_plan`) instead of afresh on every
   * execution (bench/RESULTS.md, "Scale").
   */
  indexOrderedPage?: boolean;
}

export interface PostgresOptions {
  url: string;
  /** Password of the app role when the server requires one; set on the role when migrating. */
  appPassword?: string | undefined;
  poolMax?: number;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Called when an idle pooled connection fails (e.g. the server restarted). */
  onPoolError?: (error: Error) => void;
  /** Called when the change feed's listening connection fails; it retries by itself. */
  onChangeFeedError?: (error: Error) => void;
}

export interface PgliteOptions {
  /** A folder to persist into; omit for an in-memory database. */
  dataDir?: string;
  /** A dump made by `dumpDataDir`, to start from a migrated copy quickly (tests). */
  loadDataDir?: Blob;
  /** A migrated folder to copy into `dataDir` when it holds no database yet (`pglite-template.ts`). */
  template?: PgliteTemplate;
}

export class DatabaseUnavailableError extends Error {
  constructor(options: { cause: unknown }) {
    super('the database is unavailable', options);
    this.name = 'DatabaseUnavailableError';
  }
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * True when an error means "the database cannot be reached right now" rather than "this query is
 * wrong": connection refused or lost, the server shutting down or starting up, pool timeouts.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseUnavailableError || isConnectionFailure(e)) return true;
  }
  return false;
}

/** One link of an error's cause chain, by its code or its message alone. */
function isConnectionFailure(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (CONNECTION_ERROR_CODES.has(code)) return true;
    // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
  }
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      message,
    )
  );
}

/** The planner settings of `indexOrderedPage`, for the rest of the transaction. */
const INDEX_ORDERED_PAGE = `set_config('enable_bitmapscan', 'off', true), set_config('plan_cache_mode', 'force_generic_plan', true)`;

/**
 * The statement that confines the rest of a transaction to `orgId` (and sets the planner settings
 * its options ask for), as text: it opens the transaction's first message (one round trip), so it
 * cannot be a bound statement. The id is an escaped literal (`pg.escapeLiteral`, safe whatever
 * `standard_conforming_strings` says).
 */
const orgSetting = (orgId: string, options: OrgTransactionOptions = {}) =>
  `select set_config('app.org_id', ${pg.escapeLiteral(orgId)}, true)${options.indexOrderedPage ? `, ${INDEX_ORDERED_PAGE}` : ''}`;

/**
 * One transaction on one pooled connection, opened and scoped to the organisation in a single
 * round trip (`begin; select set_config(…)` as one simple-protocol message): round trips are the
 * main cost of a request.
 */
async function orgTransaction<T>(
  db: Kysely<DB>,
  orgId: string,
  work: (trx: Kysely<DB>) => Promise<T>,
  options: OrgTransactionOptions = {},
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql.raw(`begin; ${orgSetting(orgId, options)}`).execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}

/**
 * A bind parameter as a literal for `execute`, written as node-postgres would send it bound (text
 * format); undefined for a value that has no such literal here (then the statement is bound).
 */
function executeArgument(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'string') return value.includes('\0') ? undefined : pg.escapeLiteral(value);
  if (typeof value === 'number' && Number.isFinite(value)) return pg.escapeLiteral(String(value));
  if (typeof value === 'boolean') return pg.escapeLiteral(String(value));
  return undefined;
}

/**
 * One read-only statement confined to the organisation. Once the statement is prepared on the
 * connection, it is a single simple-protocol message — `select set_config('app.org_id', …, true);
 * execute <statement>(…)` — which PostgreSQL runs as one implicit transaction, so the setting
 * holds for the statement and ends with it: one round trip instead of `begin`, the statement and
 * `commit`, with the plan still made once per connection. The arguments travel as escaped
 * literals and reach the prepared statement's typed parameters as a bound text value would. The first time on a
 * connection, or with an argument that has no literal, it runs as an ordinary transaction.
 */
export async function orgRead<R>(pool: pg.Pool, orgId: string, query: CompiledQuery<R>): Promise<R[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const name = preparedNameOn(client, query.sql);
    const args = name === undefined ? [] : query.parameters.map(executeArgument);
    if (name !== undefined && args.every((arg) => arg !== undefined)) {
      try {
        const results = (await client.query(
          `${orgSetting(orgId)}; execute ${name}(${args.join(', ')})`,
        )) as unknown as pg.QueryResult[];
        return (results[1]?.rows ?? []) as R[];
      } catch (error) {
        if (isOutdatedStatement(error)) forgetPreparedOn(client, query.sql);
        throw error;
      }
    }
    await client.query(`begin; ${orgSetting(orgId)}`);
    try {
      const result = await client.query(query.sql, query.parameters as unknown[]);
      await client.query('commit');
      return result.rows as R[];
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  } catch (error) {
    if (isDatabaseUnavailable(error)) broken = error as Error;
    throw error;
  } finally {
    // A connection that failed is closed rather than handed to the next request.
    client.release(broken);
  }
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

/** Migrates, then opens the app-role pool and a small owner pool for system work. */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const common = {
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
    statement_timeout: options.statementTimeoutMs ?? 15_000,
    idle_in_transaction_session_timeout: 30_000,
    idleTimeoutMillis: 30_000,
    // The change notices of `announce_change()` must reach the writer whatever the server's default.
    options: '-c client_min_messages=notice',
  };
  const onError = (error: Error) => options.onPoolError?.(error);
  const guard = (pool: pg.Pool) => {
    // An idle client that loses its connection is reported by the pool's 'error' event. A client
    // checked out by a transaction has no listener: losing the connection between two of its
    // queries (e.g. the server shutting down) would emit an unhandled 'error' and crash the
    // process. That error needs no handling of its own: the transaction's next query fails (a
    // 503 for the request) and the pool discards the broken client when it is released.
    pool.on('connect', (client) => client.on('error', () => undefined));
    pool.on('error', onError);
  };

  const ownerPool = new pg.Pool({ connectionString: options.url, max: 4, ...common });
  guard(ownerPool);
  const appUrl = new URL(options.url);
  appUrl.username = APP_ROLE;
  appUrl.password = options.appPassword ?? '';
  const changes = new PostgresChangeFeed({
    connection: {
      connectionString: appUrl.toString(),
      connectionTimeoutMillis: common.connectionTimeoutMillis,
      application_name: 'common-ground change feed',
    },
    ...(options.onChangeFeedError ? { onError: options.onChangeFeedError } : {}),
  });
  changes.capture(ownerPool);
  const owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ownerPool }) });
  try {
    await migrateToLatest(owner as Kysely<unknown>);
    if (options.appPassword) {
      // The password is a literal in DDL (no bind parameters there): quote it as one.
      await sql`alter role ${sql.id(APP_ROLE)} password ${sql.lit(options.appPassword)}`.execute(owner);
    }
  } catch (error) {
    await owner.destroy();
    throw error;
  }

  const appPool = new pg.Pool({ connectionString: appUrl.toString(), max: options.poolMax ?? 10, ...common });
  guard(appPool);
  changes.capture(appPool);
  appPool.on('connect', prepareStatementsOn);
  const app = new Kysely<DB>({ dialect: new PostgresDialect({ pool: appPool }) });

  return {
    kind: 'postgres',
    description: redactUrl(options.url),
    asOrg: (orgId, work, options) => orgTransaction(app, orgId, work, options),
    readAsOrg: (orgId, query) => orgRead(appPool, orgId, query),
    asSystem: (work) => owner.transaction().execute(work),
    changes,
    ping: async () => {
      await sql`select 1`.execute(app);
    },
    poolStats: () => ({ total: appPool.totalCount, idle: appPool.idleCount, waiting: appPool.waitingCount }),
    close: async () => {
      await Promise.allSettled([changes.close(), app.destroy(), owner.destroy()]);
    },
  };
}

/**
 * The embedded database: one PGlite instance, one connection, serialised by the dialect. After
 * migrating as PGlite's superuser the session switches to the app role, so row-level security
 * applies to requests exactly as on PostgreSQL; system work switches back for one transaction
 * (`set local role none` is allowed because the session user is the superuser).
 */
export async function openPglite(options: PgliteOptions): Promise<Database> {
  // PGlite does no locking of its own: a second process on the folder would lose the first one's
  // writes. The lock is held until close() (or the process's end, however it ends).
  const lock = options.dataDir ? await lockDataDir(options.dataDir) : undefined;
  let pglite: PGlite;
  try {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    if (options.dataDir) seedFromTemplate(options.dataDir, options.template);
    pglite = await PGlite.create({
      startParams: PGLITE_START_PARAMS,
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      // Each commit is written to the folder before it is acknowledged (the default, stated
      // because faults-kill-embedded.test.ts depends on it).
      relaxedDurability: false,
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  let changes: PgliteChangeFeed;
  try {
    await migrateToLatest(db as Kysely<unknown>);
    await sql`set role ${sql.id(APP_ROLE)}`.execute(db);
    changes = await PgliteChangeFeed.open(pglite);
  } catch (error) {
    await db.destroy();
    await lock?.release();
    throw error;
  }
  return {
    kind: 'pglite',
    description: options.dataDir
      ? `embedded PGlite in ${path.resolve(options.dataDir)}`
      : 'embedded PGlite in memory',
    asOrg: (orgId, work, options) =>
      db.transaction().execute(async (trx) => {
        await sql.raw(orgSetting(orgId, options)).execute(trx);
        return work(trx);
      }),
    readAsOrg: (orgId, query) =>
      db.transaction().execute(async (trx) => {
        await sql.raw(orgSetting(orgId)).execute(trx);
        return (await trx.executeQuery(query)).rows;
      }),
    asSystem: (work) =>
      db.transaction().execute(async (trx) => {
        await sql`set local role none`.execute(trx);
        return work(trx);
      }),
    changes,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    // One connection, serialised by the dialect: it is either in use or idle.
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: async () => {
      // The dialect closes PGlite when Kysely is destroyed; the process may not exit otherwise.
      await changes.close();
      await db.destroy();
      await lock?.release();
    },
  };
}
