import type { ChangeFeed, ChangeSubscriber } from '@cg/db';

/**
 * A read in progress: what it depends on, and whether one of those changed (or the feed was
 * reset) while it ran — then what it read may already be outdated, and is not kept.
 */
export interface ReadTicket {
  readonly dependencies: readonly string[];
  outdated: boolean;
}

function addTo<K, V>(sets: Map<K, Set<V>>, key: K, value: V) {
  const set = sets.get(key);
  if (set) set.add(value);
  else sets.set(key, new Set([value]));
}

interface Entry {
  value: unknown;
  dependencies: readonly string[];
}

/**
 * Results of database reads kept in this process, each under the change keys it was computed
 * from (`deal:<id>`, `user:<id>`, … — see the migration `announce_changes`), and forgotten the
 * moment the database's change feed announces one of them.
 *
 * - Nothing is kept, or served, while the feed is not live (its listening connection lost):
 *   changes made meanwhile would go unseen.
 * - A read takes a ticket before it queries; a change of one of its keys while it runs, or a
 *   reset of the feed, voids the ticket, so a result read before a write committed cannot be
 *   kept after the write was announced.
 * - A write of this process is announced before it returns to its caller, so a caller always
 *   reads its own writes; a write of another process, as soon as PostgreSQL delivers its
 *   notification (typically well under a millisecond after its commit).
 * - At most `maxEntries` results, least recently used forgotten first; `maxEntries = 0` turns it
 *   off.
 */
export class ReadCache implements ChangeSubscriber {
  private readonly entries = new Map<string, Entry>();
  /** Change key → the entries computed from it. */
  private readonly byDependency = new Map<string, Set<string>>();
  /** Change key → the reads running on it. */
  private readonly running = new Map<string, Set<ReadTicket>>();
  private readonly unsubscribe: () => void;
  hits = 0;
  misses = 0;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly maxEntries: number,
  ) {
    this.unsubscribe = maxEntries > 0 ? feed.subscribe(this) : () => undefined;
  }

  get size(): number {
    return this.entries.size;
  }

  private get usable(): boolean {
    return this.maxEntries > 0 && this.feed.live;
  }

  get<V>(key: string): V | undefined {
    if (!this.usable) return undefined;
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value as V;
  }

  /** Call before the read's query; `finish` the ticket when the read is done, whatever its outcome. */
  begin(dependencies: readonly string[]): ReadTicket {
    const ticket: ReadTicket = { dependencies, outdated: !this.usable };
    for (const dependency of dependencies) addTo(this.running, dependency, ticket);
    return ticket;
  }

  /** Keeps `value` under `key` unless the ticket's read may be outdated. Depends on a subset of the ticket's keys. */
  keep(ticket: ReadTicket, key: string, value: unknown, dependencies: readonly string[]): void {
    if (dependencies.some((dependency) => !ticket.dependencies.includes(dependency)))
      throw new Error(`${key} depends on a change key its read did not watch`);
    if (ticket.outdated || !this.usable) return;
    this.forget(key);
    this.entries.set(key, { value, dependencies });
    for (const dependency of dependencies) addTo(this.byDependency, dependency, key);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.forget(oldest);
    }
  }

  finish(ticket: ReadTicket): void {
    for (const dependency of ticket.dependencies) {
      const tickets = this.running.get(dependency);
      tickets?.delete(ticket);
      if (tickets?.size === 0) this.running.delete(dependency);
    }
  }

  changed(dependency: string): void {
    for (const ticket of this.running.get(dependency) ?? []) ticket.outdated = true;
    const keys = this.byDependency.get(dependency);
    if (!keys) return;
    for (const key of keys) this.forget(key);
  }

  reset(): void {
    for (const tickets of this.running.values()) for (const ticket of tickets) ticket.outdated = true;
    this.entries.clear();
    this.byDependency.clear();
  }

  close(): void {
    this.unsubscribe();
    this.reset();
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const dependency of entry.dependencies) {
      const keys = this.byDependency.get(dependency);
      keys?.delete(key);
      if (keys?.size === 0) this.byDependency.delete(dependency);
    }
  }
}
