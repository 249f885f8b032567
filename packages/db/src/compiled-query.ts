import {
  type Compilable,
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import type { DB } from './schema.js';

/** Builds and compiles queries only; it never connects (PostgreSQL and PGlite share the SQL). */
const compiler = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Stands for a named parameter while the query is compiled. */
class Placeholder {
  constructor(readonly name: string) {}
}

export type Param<P> = <K extends keyof P & string>(name: K) => P[K];

/**
 * A query of fixed shape, built and compiled on first use and afterwards only given new
 * parameter values: for the hottest reads, where building and compiling with Kysely on every
 * request was a fifth of the API's CPU (bench/RESULTS.md). Every call returns the very same SQL
 * text, so the connection's prepared statement is found without hashing it again.
 *
 * `build` receives `param(name)`, which stands for `values[name]`; it must use it only as a value
 * (in `where`, `limit`, …), never to decide the query's shape, since it runs once.
 */
export function compileOnce<P extends Record<string, unknown>, R>(
  build: (db: Kysely<DB>, param: Param<P>) => Compilable<R>,
): (values: P) => CompiledQuery<R> {
  let template: CompiledQuery<R> | undefined;
  return (values) => {
    template ??= build(compiler, ((name: string) => new Placeholder(name)) as Param<P>).compile();
    const parameters = template.parameters.map((value) =>
      value instanceof Placeholder ? values[value.name] : value,
    );
    return { ...template, parameters };
  };
}
