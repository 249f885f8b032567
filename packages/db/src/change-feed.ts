import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The channel `announce_change()` notifies on (migration `2026_12_01_090000_announce_changes`). */
export const CHANGE_CHANNEL = 'cg_changes';
/**
 * The keys `announce_change()` announces (migrations `announce_changes`, `announce_session_ends`,
 * `announce_timeline_entries`): what changed, by kind and id, and nothing else. The one place
 * outside SQL they are spelled; a test holds the triggers to them.
 */
export const changeKeys = {
  /** The deal's row or any of its reports. */
  deal: (dealId: string) => `deal:${dealId}`,
  user: (userId: string) => `user:${userId}`,
  client: (clientId: string) => `client:${clientId}`,
  organisation: (organisationId: string) => `org:${organisationId}`,
  /** A sign-in session (refresh-token family) ended. */
  session: (sessionId: string) => `session:${sessionId}`,
  /** A new entry on the deal's shared timeline (`deal_events`: inserted only, never changed). */
  timeline: (dealId: string) => `timeline:${dealId}`,
} as const;

/** The notice `announce_change()` sends the writing session: this prefix, then the key. */
const CHANGE_NOTICE_PREFIX = 'cg_changed:';

export interface ChangeSubscriber {
  /** A write that may have committed changed what `key` names (one of `changeKeys`). */
  changed(key: string): void;
  /** Changes may have been missed, or the feed just started: forget everything derived from the database. */
  reset(): void;
}

/**
 * What committed writes changed, as keys, for caches of database reads. Writes of this process
 * reach the subscribers before the write's transaction hands back its connection; writes of
 * every other process (another replica, a script) as soon as PostgreSQL delivers their
 * notification, a moment after they commit.
 */
export interface ChangeFeed {
  /** True while every committed change reaches the subscribers: a cache must keep nothing otherwise. */
  readonly live: boolean;
  /** Starts the feed on first use; returns the unsubscribe. */
  subscribe(subscriber: ChangeSubscriber): () => void;
}

class Subscribers {
  private readonly list = new Set<ChangeSubscriber>();
  add(subscriber: ChangeSubscriber): () => void {
    this.list.add(subscriber);
    return () => this.list.delete(subscriber);
  }
  changed(key: string) {
    for (const subscriber of this.list) subscriber.changed(key);
  }
  reset() {
    for (const subscriber of this.list) subscriber.reset();
  }
}

export interface PostgresChangeFeedOptions {
  /** Where to LISTEN: a connection of its own, kept open while anyone subscribes. */
  connection: pg.ClientConfig;
  /** How often the listening connection is asked to answer, to notice a connection that died silently. */
  heartbeatMs?: number;
  /** Waits between attempts to listen again after the connection failed: doubling up to this. */
  maxRetryDelayMs?: number;
  onError?: (error: Error) => void;
}

/**
 * The feed on PostgreSQL: a connection that LISTENs for other processes' changes, and the notices
 * of this process's own writes collected per pooled connection (`capture`) and handed on when the
 * connection is released, which is after its transaction committed or rolled back and before the
 * caller gets its result. (A rolled-back write is announced too: forgetting is always safe.)
 *
 * The feed is live only while the listening connection is listening. Whenever it is lost — the
 * server restarted, the network dropped, a heartbeat went unanswered — notifications may be
 * missed, so the subscribers are reset, and reset again when it listens anew.
 */
export class PostgresChangeFeed implements ChangeFeed {
  private readonly subscribers = new Subscribers();
  private readonly pending = new WeakMap<pg.ClientBase, Set<string>>();
  private client: pg.Client | undefined;
  private started = false;
  private closed = false;
  private listening = false;
  private retryDelayMs = 50;
  private retryTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PostgresChangeFeedOptions) {}

  get live(): boolean {
    return this.listening;
  }

  subscribe(subscriber: ChangeSubscriber): () => void {
    const unsubscribe = this.subscribers.add(subscriber);
    if (!this.started && !this.closed) {
      this.started = true;
      this.listen();
    }
    return unsubscribe;
  }

  /** Collects the change notices of the writes made on `pool`'s connections (see the class). */
  capture(pool: pg.Pool): void {
    pool.on('connect', (client) => {
      client.on('notice', (notice) => {
        const key = notice.message?.startsWith(CHANGE_NOTICE_PREFIX)
          ? notice.message.slice(CHANGE_NOTICE_PREFIX.length)
          : undefined;
        if (key === undefined) return;
        const keys = this.pending.get(client);
        if (keys) keys.add(key);
        else this.pending.set(client, new Set([key]));
      });
    });
    pool.on('release', (_error: unknown, client: pg.PoolClient) => {
      const keys = this.pending.get(client);
      if (!keys || keys.size === 0) return;
      this.pending.delete(client);
      for (const key of keys) this.subscribers.changed(key);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeatTimer);
    this.setListening(false);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private setListening(listening: boolean) {
    if (this.listening === listening) return;
    this.listening = listening;
    this.subscribers.reset();
  }

  private listen() {
    if (this.closed) return;
    const client = new pg.Client({ ...this.options.connection, keepAlive: true });
    this.client = client;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      clearInterval(this.heartbeatTimer);
      if (this.client === client) this.client = undefined;
      this.setListening(false);
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.options.onError?.(error);
      this.retryTimer = setTimeout(() => this.listen(), this.retryDelayMs);
      this.retryTimer.unref();
      this.retryDelayMs = Math.min(this.retryDelayMs * 2, this.options.maxRetryDelayMs ?? 5000);
    };
    client.on('error', fail);
    client.on('end', () => fail(new Error('the change feed connection ended')));
    client.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload) this.subscribers.changed(message.payload);
    });
    client
      .connect()
      .then(() => client.query(`listen ${CHANGE_CHANNEL}`))
      .then(() => {
        if (failed || this.closed) return;
        this.retryDelayMs = 50;
        this.setListening(true);
        this.heartbeatTimer = setInterval(() => {
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error('the change feed heartbeat went unanswered')), 5000);
            timer.unref();
          });
          Promise.race([client.query('select 1'), timeout])
            .catch(fail)
            .finally(() => clearTimeout(timer));
        }, this.options.heartbeatMs ?? 5000);
        this.heartbeatTimer.unref();
      })
      .catch(fail);
  }
}

/**
 * The feed on the embedded database: one session for every read and write, which LISTENs too.
 * PGlite hands a notification to its listeners while it processes the reply to the `commit` that
 * made it, so a change reaches the subscribers before the writing transaction returns. Live from
 * the moment `open` resolves, and for as long as the database is open.
 */
export class PgliteChangeFeed implements ChangeFeed {
  private readonly subscribers = new Subscribers();
  readonly live = true;

  private constructor(private readonly unlisten: () => Promise<void>) {}

  static async open(pglite: PGlite): Promise<PgliteChangeFeed> {
    let feed: PgliteChangeFeed | undefined;
    const unlisten = await pglite.listen(CHANGE_CHANNEL, (key) => feed?.subscribers.changed(key));
    feed = new PgliteChangeFeed(unlisten);
    return feed;
  }

  subscribe(subscriber: ChangeSubscriber): () => void {
    return this.subscribers.add(subscriber);
  }

  async close(): Promise<void> {
    await this.unlisten().catch(() => undefined);
  }
}
