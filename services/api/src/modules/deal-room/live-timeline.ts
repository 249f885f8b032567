import { type ChangeSubscriber, changeKeys, type Database, type DB } from '@cg/db';
import type { Kysely } from 'kysely';
import { idFloor, idTime } from '../../lib/ids.js';
import { AppError } from '../../lib/problems.js';
import { callerChanges, type Principal } from '../../platform/caller.js';
import { requireScope } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { requireDealParty } from './access.js';
import { listDealEvents, listDealEventsAfter } from './repository.js';
import { dealEventView } from './timeline.js';

/*
 * Live deal pages (issue 16): a stream of the entries a party may read on a deal's shared
 * timeline, as they are written — by this process or any other — fed by the database's change
 * feed (`timeline:<deal id>`). A stream holds no database connection while it waits: it reads
 * only when a key of its deal or of its caller arrives (bursts coalesce into one read), and every
 * read is the reader's own (`withCaller`: the caller still exists, its session is live, it holds
 * `deals:read` and its organisation is a party), so a caller who loses access gets the stream
 * closed at the next wake. When the feed resets (the database restarted, notifications may have
 * been missed) every stream reads again after the last entry it sent.
 */

/** A timeline entry exactly as `GET /v1/deals/{id}/events` lists it: nothing more. */
export type TimelineEntry = ReturnType<typeof dealEventView>;

/** Where a stream's output goes; the route frames it as Server-Sent Events. */
export interface LiveSink {
  /** Where the stream starts from (the newest entry the reader has): a reconnect resumes after it. */
  position(resumeId: string): void;
  /** A new entry; `resumeId` is where a reconnect resumes (the newest entry sent so far). */
  entry(entry: TimelineEntry, resumeId: string): void;
  heartbeat(): void;
  /**
   * The stream is over (access lost, the token expired, the server is closing): end the reply;
   * resolves once it is sent, so that a closing server finds the connection idle.
   */
  end(): Promise<void>;
}

export interface LiveTimelineSettings {
  /** How often an idle stream sends a heartbeat. */
  heartbeatMs: number;
  /** Streams one user or API client may hold open at once in this process. */
  streamsPerCaller: number;
}

export interface OpenOptions {
  /** The `Last-Event-ID` of a reconnect: entries after it are sent first. */
  lastEventId?: string | undefined;
  /** When the caller's credentials expire (ms since the epoch): the stream ends then. */
  until?: number | undefined;
}

/** Entries read at a time. */
const PAGE = 100;
/** How long a stream waits after a key arrives before it reads, so that a burst costs one read. */
const COALESCE_MS = 25;
/**
 * Each read looks this far behind the newest entry sent (and skips those sent): an entry whose id
 * was made a little before one already sent — another replica's clock running behind — is sent
 * when it commits, not lost.
 */
const LOOKBACK_MS = 5_000;
/** Waits before reading again after a read failed for a reason other than access (the database). */
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 5000];
/** After the feed resets, the streams' reads are spread over this long. */
const RESET_SPREAD_MS = 250;
/** Refusals that mean the caller may no longer read the deal: the stream ends. */
const ACCESS_LOST = new Set([401, 403, 404]);

const ownerOf = (principal: Principal) => `${principal.kind}:${principal.id}`;

/** The reader's checks, then `read`, in one transaction that is the reader's own. */
function asReader<T>(
  database: Database,
  caller: Caller,
  dealId: string,
  read: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return withCaller(database, caller, async (trx, actor) => {
    requireScope(actor, 'deals:read');
    await requireDealParty(trx, actor, dealId);
    return read(trx);
  });
}

interface StreamContext {
  database: Database;
  caller: Caller;
  dealId: string;
  sink: LiveSink;
  onClosed: () => void;
}

/** One open stream: its position, what it already sent, and its wake-ups. */
class LiveTimeline {
  /** The newest entry sent (or, at the start, the one the reader has). */
  private cursor = '';
  /** The newest entry the reader had when it connected: it and those before it are never sent. */
  private had = '';
  /** Entries sent (or had) within the look-back behind the cursor, by id, with the time in their id. */
  private readonly sent = new Map<string, number>();
  private state: 'starting' | 'idle' | 'scheduled' | 'reading' | 'closed' = 'starting';
  private again = false;
  private failures = 0;
  private wakeTimer: NodeJS.Timeout | undefined;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly context: StreamContext) {}

  /** The change keys that wake this stream: its deal's timeline and row, and its caller's rights. */
  get keys(): string[] {
    const { dealId, caller } = this.context;
    return [changeKeys.timeline(dealId), changeKeys.deal(dealId), ...callerChanges(caller.principal)];
  }

  /**
   * Checks the reader, finds where to start and sends what came after it (on a reconnect: what
   * the reader missed); throws when it may not read. Resolves once the stream is up to date.
   */
  async start(options: OpenOptions, settings: LiveTimelineSettings): Promise<void> {
    const { database, caller, dealId, sink } = this.context;
    const newest = await asReader(database, caller, dealId, async (trx) =>
      options.lastEventId === undefined
        ? ((await listDealEvents(trx, dealId, { limit: 1 }))[0]?.id ?? '')
        : options.lastEventId,
    );
    if (this.state === 'closed') return;
    this.cursor = newest;
    this.had = newest;
    if (newest) sink.position(newest);
    this.state = 'reading';
    await this.readNew();
    if (this.state !== 'reading') return;
    this.timers.push(setInterval(() => sink.heartbeat(), settings.heartbeatMs));
    if (options.until !== undefined) {
      const delayMs = Math.min(options.until - Date.now(), 2 ** 31 - 1);
      this.timers.push(setTimeout(() => void this.close(), delayMs));
    }
    for (const timer of this.timers) timer.unref();
    this.state = 'idle';
    if (this.again) this.schedule(COALESCE_MS);
  }

  /** A key of this stream changed, or the feed reset: read soon (`spreadMs` apart from the others). */
  wake(spreadMs = 0): void {
    if (this.state === 'idle') this.schedule(COALESCE_MS + Math.random() * spreadMs);
    else if (this.state !== 'closed') this.again = true;
  }

  close(): Promise<void> {
    if (this.state === 'closed') return Promise.resolve();
    this.state = 'closed';
    clearTimeout(this.wakeTimer);
    for (const timer of this.timers) clearTimeout(timer);
    this.context.onClosed();
    return this.context.sink.end();
  }

  private schedule(delayMs: number) {
    this.state = 'scheduled';
    this.wakeTimer = setTimeout(() => void this.run(), delayMs);
    this.wakeTimer.unref();
  }

  private async run() {
    if (this.state !== 'scheduled') return;
    this.state = 'reading';
    this.again = false;
    let delayMs = COALESCE_MS;
    try {
      await this.readNew();
      this.failures = 0;
    } catch (error) {
      if (error instanceof AppError && ACCESS_LOST.has(error.status)) return void this.close();
      // The database is unavailable, say: try again (and the feed's reset wakes the stream too).
      delayMs = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)] ?? COALESCE_MS;
      this.failures++;
      this.again = true;
    }
    if (this.state !== 'reading') return;
    this.state = 'idle';
    if (this.again) this.schedule(delayMs);
  }

  /** Reads the entries after the look-back behind the cursor, page by page, and sends the new ones. */
  private async readNew() {
    const { database, caller, dealId } = this.context;
    let after = this.lookbackFloor();
    for (;;) {
      const rows = await asReader(database, caller, dealId, (trx) =>
        listDealEventsAfter(trx, dealId, { afterId: after, limit: PAGE }),
      );
      if (this.state !== 'reading') return;
      for (const row of rows) this.deliver(row);
      const last = rows[rows.length - 1];
      if (rows.length < PAGE || !last) break;
      after = last.id;
    }
    this.forgetBefore((idTime(this.cursor) ?? 0) - LOOKBACK_MS);
  }

  private deliver(row: Parameters<typeof dealEventView>[0]) {
    if (this.sent.has(row.id) || row.id <= this.had) return;
    this.sent.set(row.id, idTime(row.id) ?? 0);
    if (row.id > this.cursor) this.cursor = row.id;
    this.context.sink.entry(dealEventView(row), this.cursor);
  }

  private lookbackFloor(): string {
    const time = idTime(this.cursor);
    return time === undefined ? this.cursor : idFloor('evt', time - LOOKBACK_MS);
  }

  private forgetBefore(time: number) {
    for (const [id, made] of this.sent) if (made < time) this.sent.delete(id);
  }
}

const tooManyStreams = (limit: number) =>
  new AppError(
    'rate-limited',
    `At most ${limit} live streams may be open at once for one user or API client: close one (another tab or browser) first.`,
    { headers: { 'retry-after': '10' } },
  );

/**
 * The process's live timeline streams: one subscription to the change feed for all of them,
 * handing each key to the streams it wakes; a bound on the streams of each caller; and closing
 * them all when the server closes, so that shutdown is not held open by them.
 */
export class LiveTimelines {
  private readonly byKey = new Map<string, Set<LiveTimeline>>();
  private readonly perOwner = new Map<string, number>();
  private readonly streams = new Set<LiveTimeline>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly database: Database,
    private readonly settings: LiveTimelineSettings,
  ) {}

  /** Streams open now. */
  get size(): number {
    return this.streams.size;
  }

  /**
   * Opens a stream of `dealId`'s timeline for `caller`, or throws the problem it must get (401,
   * 403, 404, 429) before anything is sent. Returns the stream's close.
   */
  async open(
    caller: Caller,
    dealId: string,
    options: OpenOptions,
    sink: LiveSink,
  ): Promise<() => Promise<void>> {
    const owner = ownerOf(caller.principal);
    const held = this.perOwner.get(owner) ?? 0;
    if (held >= this.settings.streamsPerCaller) throw tooManyStreams(this.settings.streamsPerCaller);
    this.perOwner.set(owner, held + 1);
    const stream: LiveTimeline = new LiveTimeline({
      database: this.database,
      caller,
      dealId,
      sink,
      onClosed: () => this.forget(stream, owner),
    });
    this.track(stream);
    try {
      await stream.start(options, this.settings);
    } catch (error) {
      this.forget(stream, owner);
      throw error;
    }
    return () => stream.close();
  }

  /** Ends every stream; resolves when their replies are sent. */
  async closeAll(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await Promise.all([...this.streams].map((stream) => stream.close()));
  }

  private track(stream: LiveTimeline) {
    this.streams.add(stream);
    for (const key of stream.keys) {
      const set = this.byKey.get(key) ?? new Set();
      set.add(stream);
      this.byKey.set(key, set);
    }
    this.unsubscribe ??= this.database.changes.subscribe(this.subscriber);
  }

  private forget(stream: LiveTimeline, owner: string) {
    if (!this.streams.delete(stream)) return;
    for (const key of stream.keys) {
      const set = this.byKey.get(key);
      set?.delete(stream);
      if (set?.size === 0) this.byKey.delete(key);
    }
    const held = (this.perOwner.get(owner) ?? 1) - 1;
    if (held > 0) this.perOwner.set(owner, held);
    else this.perOwner.delete(owner);
  }

  private readonly subscriber: ChangeSubscriber = {
    changed: (key) => {
      for (const stream of this.byKey.get(key) ?? []) stream.wake();
    },
    // Every stream reads again, spread out so that a database coming back is not met by all at once.
    reset: () => {
      for (const stream of this.streams) stream.wake(RESET_SPREAD_MS);
    },
  };
}
