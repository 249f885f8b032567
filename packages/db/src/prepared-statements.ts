import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Distinct statements one connection keeps prepared; past it, new ones are sent unnamed. Queries
 * are built by code, so their texts are few (a few hundred), but a text that varies with its
 * input (an `in (…)` list of any length) must not grow a connection's memory without end.
 */
const MAX_PREPARED_PER_CONNECTION = 1000;

/** SQLSTATE of "cached plan must not change result type": a prepared statement outlived a schema change. */
const OUTDATED_PREPARED_STATEMENT = '0A000';

type Send = (...args: unknown[]) => unknown;

/** What one connection has prepared, by statement text. */
class ConnectionStatements {
  private readonly names = new Map<string, string>();
  /** Names the server has answered for: the statement exists on the connection. */
  private readonly prepared = new Set<string>();
  private readonly unprepared = new Set<string>();

  /** The name to send `text` under, or undefined to send it unnamed. */
  nameFor(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined) {
      if (this.unprepared.has(text) || this.names.size >= MAX_PREPARED_PER_CONNECTION) return undefined;
      name = `cg_${createHash('sha1').update(text).digest('hex')}`;
      this.names.set(text, name);
    }
    return name;
  }

  confirm(name: string): void {
    this.prepared.add(name);
  }

  /** The name of `text` if the server already holds it prepared. */
  preparedName(text: string): string | undefined {
    const name = this.names.get(text);
    return name !== undefined && this.prepared.has(name) ? name : undefined;
  }

  /** After PostgreSQL refused the prepared statement as outdated: send this text unnamed from now on. */
  forget(text: string): void {
    const name = this.names.get(text);
    if (name !== undefined) this.prepared.delete(name);
    this.names.delete(text);
    this.unprepared.add(text);
  }
}

const statementsOf = new WeakMap<pg.ClientBase, ConnectionStatements>();

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
  const statements = new ConnectionStatements();
  statementsOf.set(client, statements);
  const query: Send = (...args) => {
    const [text, values] = args;
    if (args.length !== 2 || typeof text !== 'string' || !Array.isArray(values) || values.length === 0) {
      return send(...args);
    }
    const name = statements.nameFor(text);
    if (name === undefined) return send(text, values);
    return (send({ name, text, values }) as Promise<unknown>).then(
      (result) => {
        statements.confirm(name);
        return result;
      },
      (error: unknown) => {
        if (isOutdatedStatement(error)) statements.forget(text);
        throw error;
      },
    );
  };
  client.query = query as typeof client.query;
}

export function isOutdatedStatement(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === OUTDATED_PREPARED_STATEMENT;
}

/** The name under which `text` is prepared on this connection, if the server holds it already. */
export function preparedNameOn(client: pg.ClientBase, text: string): string | undefined {
  return statementsOf.get(client)?.preparedName(text);
}

/** Stops naming `text` on this connection (PostgreSQL refused its prepared statement as outdated). */
export function forgetPreparedOn(client: pg.ClientBase, text: string): void {
  statementsOf.get(client)?.forget(text);
}
