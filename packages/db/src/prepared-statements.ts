import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Distinct statements one connection keeps prepared; past it, new ones are sent unnamed. Queries
 * are built by code, so their texts are few (a few hundred), but a text that varies with its
 * input (an `in (…)` list of any length) must not grow a connection's memory without end.
 */
const MAX_PREPARED_PER_CONNECTION = 1000;

/** SQLSTATE of "cached plan must not change result type": a prepared statement outlived a schema change. */
const FEATURE_NOT_SUPPORTED = '0A000';

type Send = (...args: unknown[]) => unknown;

/**
 * Makes a pooled connection send each parameterised query as a named prepared statement (the
 * name is a hash of its text), so PostgreSQL parses and plans it once per connection instead of
 * on every request. Under row-level security that planning is most of a read's database time:
 * each plan expands the policies of every table the query touches (bench/RESULTS.md).
 *
 * Only `query(text, values)` with values is named, which is how Kysely sends every query;
 * statements without parameters (`begin; select set_config(…)`, `commit`) keep the simple
 * protocol. When another replica's migration changes the columns a prepared statement returns,
 * PostgreSQL refuses it once; from then on this connection sends that text unnamed.
 *
 * Needs a session-level connection: a transaction-pooling proxy would send the statement to a
 * server connection that never parsed it.
 */
export function prepareStatementsOn(client: pg.ClientBase): void {
  const send = client.query.bind(client) as Send;
  const names = new Map<string, string>();
  const unprepared = new Set<string>();
  const query: Send = (...args) => {
    const [text, values] = args;
    if (args.length !== 2 || typeof text !== 'string' || !Array.isArray(values) || values.length === 0) {
      return send(...args);
    }
    let name = names.get(text);
    if (name === undefined) {
      if (unprepared.has(text) || names.size >= MAX_PREPARED_PER_CONNECTION) return send(text, values);
      name = `cg_${createHash('sha1').update(text).digest('hex')}`;
      names.set(text, name);
    }
    return (send({ name, text, values }) as Promise<unknown>).catch((error: unknown) => {
      if ((error as { code?: unknown } | null)?.code === FEATURE_NOT_SUPPORTED) {
        names.delete(text);
        unprepared.add(text);
      }
      throw error;
    });
  };
  client.query = query as typeof client.query;
}
