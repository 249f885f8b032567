import pg from 'pg';
// The bench package depends on neither @cg/db nor the service: relative imports keep package.json
// untouched, and resolve to the very modules the service runs (same files, same pg).
import { openPostgres } from '../packages/db/src/index.js';
import { getDeal, listDeals } from '../services/api/src/modules/deal-room/deals.js';
import { getAlignment } from '../services/api/src/modules/deal-room/reports.js';
import type { Principal } from '../services/api/src/platform/caller.js';
import { ReadCache } from '../services/api/src/platform/read-cache.js';

/** One statement as node-postgres sent it to the server. */
export interface CapturedQuery {
  text: string;
  values: unknown[];
}

let capturing: CapturedQuery[] | undefined;
/** Set while a one-statement read runs: it is recorded as its statement, not as the wire messages. */
let insideRead = false;

// Patched when this module loads, before any pool connects: the request pool binds each new
// connection's `query` (to name prepared statements), so a connection made before the patch
// would send its statements past it unseen.
const originalQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [first, second] = args;
  if (capturing && !insideRead) {
    if (typeof first === 'string')
      capturing.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === 'object' && 'text' in first) {
      const config = first as { text: string; values?: unknown[] };
      capturing.push({ text: config.text, values: config.values ?? [] });
    }
  }
  return originalQuery.apply(this, args);
} as typeof pg.Client.prototype.query;

/**
 * Records every statement node-postgres sends while `work` runs. The service's Kysely instances
 * sit on the same `pg` module as this file (one copy in the workspace), so what is recorded is
 * exactly what a request sends: for a transaction, the `begin; set_config` opening, each query
 * with its bind parameters, the `commit`; for a one-statement read (`readAsOrg`, through
 * `openServiceReads`), that statement with its parameters.
 */
export async function captureQueries(work: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  capturing = captured;
  try {
    await work();
  } finally {
    capturing = undefined;
  }
  return captured;
}

/** The service-level reads the scale benchmark measures, run in-process against a database. */
export async function openServiceReads(ownerUrl: string) {
  // The service's own connection set-up: migrations (nothing left to do), then the app-role pool.
  const database = await openPostgres({ url: ownerUrl, poolMax: 2 });
  // A read through `readAsOrg` goes out as `select set_config(…); execute <name>(…)` once its
  // statement is prepared on the connection: record the statement itself, which is what runs.
  const readAsOrg = database.readAsOrg;
  database.readAsOrg = async (orgId, query) => {
    capturing?.push({ text: query.sql, values: [...query.parameters] });
    insideRead = true;
    try {
      return await readAsOrg(orgId, query);
    } finally {
      insideRead = false;
    }
  };
  type Deps = Parameters<typeof listDeals>[0];
  const deps = { database } as unknown as Deps;
  return {
    listDeals: (principal: Principal, cursor?: string) =>
      listDeals(deps, { principal, requestId: 'bench' }, { limit: 20, ...(cursor ? { cursor } : {}) }),
    getDeal: (principal: Principal, dealId: string) =>
      getDeal(deps, { principal, requestId: 'bench' }, dealId),
    // No read cache: every call must run its statement.
    getAlignment: (principal: Principal, dealId: string) =>
      getAlignment(
        { database, readCache: new ReadCache(database.changes, 0) },
        { principal, requestId: 'bench' },
        dealId,
      ),
    close: () => database.close(),
  };
}

export interface ExplainedQuery {
  sql: string;
  parameters: unknown[];
  planningMs: number | null;
  executionMs: number | null;
  /** Shared buffers hit / read by the execution (top plan node), the planner's own excluded. */
  sharedHit: number;
  sharedRead: number;
  plan: string;
}

const isExplainable = (text: string) => /^\s*(select|with)\b/i.test(text);

/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of each captured SELECT, run as the service runs it: connected as
 * the app role, inside a transaction with `app.org_id` set, so row-level security shapes the plan,
 * and as a prepared statement executed six times first (warm caches, and the plan the statement
 * cache settles on: generic or custom). Rolled back at the end.
 */
export async function explainCaptured(
  appUrl: string,
  organisationId: string,
  queries: CapturedQuery[],
): Promise<ExplainedQuery[]> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  const explained: ExplainedQuery[] = [];
  try {
    await client.query('begin');
    await client.query(`select set_config('app.org_id', $1, true)`, [organisationId]);
    // The planner settings a transaction opened with (`asOrg(…, { indexOrderedPage: true })`) apply.
    const opening = queries.find((q) => /^\s*begin;/i.test(q.text));
    if (opening) await client.query(opening.text.replace(/^\s*begin;/i, ''));
    for (const [index, query] of queries.filter((q) => isExplainable(q.text)).entries()) {
      // Prepared and run as the service runs it: after five executions PostgreSQL's plan cache
      // settles on a generic plan (or keeps custom ones), and `explain execute` shows that plan.
      const name = `explained_${index}`;
      for (let i = 0; i < 6; i++) await client.query({ name, text: query.text, values: query.values });
      const literals = query.values.map((value) =>
        value === null ? 'null' : pg.escapeLiteral(String(value)),
      );
      const { rows } = await client.query(
        `explain (analyze, buffers) execute ${name}${literals.length > 0 ? `(${literals.join(', ')})` : ''}`,
      );
      const plan = rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
      const number = (pattern: RegExp) => {
        const match = pattern.exec(plan);
        return match?.[1] ? Number(match[1]) : null;
      };
      // The first Buffers line of the execution part is the top node's (totals of the whole tree).
      const execution = plan.split(/\nPlanning/)[0] ?? '';
      const topBuffers = /\n\s+Buffers: ([^\n]*)/.exec(execution)?.[1] ?? '';
      explained.push({
        sql: query.text,
        parameters: query.values,
        planningMs: number(/Planning Time: ([\d.]+) ms/),
        executionMs: number(/Execution Time: ([\d.]+) ms/),
        sharedHit: Number(/shared hit=(\d+)/.exec(topBuffers)?.[1] ?? 0),
        sharedRead: Number(/read=(\d+)/.exec(topBuffers)?.[1] ?? 0),
        plan,
      });
    }
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
  return explained;
}

/** The URL the service's request pool uses: the same server and database, as the app role. */
export function appRoleUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = 'common_ground_app';
  url.password = '';
  return url.toString();
}
