import type { FastifyBaseLogger } from 'fastify';

/*
 * The loop of an outbox worker (webhook deliveries, mail): poll, claim as many due items as there
 * are free slots, handle each, and poll again at once while a claim filled every slot. Claims are
 * the caller's (FOR UPDATE SKIP LOCKED with a lease), so processes sharing a database never
 * handle the same item at once, and an item whose process died becomes due again.
 */

export interface OutboxPollerOptions<T> {
  /** Claims up to `limit` due items. */
  claim(limit: number): Promise<T[]>;
  /** Handles one claimed item; `shutdown` aborts when the worker stops. Must settle the item itself. */
  handle(item: T, shutdown: AbortSignal): Promise<void>;
  concurrency: number;
  intervalMs: number;
  log: FastifyBaseLogger;
  /** For log lines: "webhook", "mail". */
  name: string;
}

export interface OutboxPoller {
  start(): void;
  /** Stops claiming, aborts the work in flight and waits for it. */
  stop(): Promise<void>;
}

export function createOutboxPoller<T>(options: OutboxPollerOptions<T>): OutboxPoller {
  const { claim, handle, concurrency, intervalMs, log, name } = options;
  const shutdown = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  /** The last claim took every free slot: more may be due as soon as one frees up. */
  let backlog = false;

  function schedule(delayMs: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      polling = poll().finally(() => {
        polling = undefined;
      });
    }, delayMs);
  }

  async function poll() {
    const free = concurrency - inFlight.size;
    if (free > 0 && !stopped) {
      try {
        const claimed = await claim(free);
        for (const item of claimed) track(handle(item, shutdown.signal));
        backlog = claimed.length === free;
      } catch (error) {
        log.warn({ err: error }, `${name} worker could not claim work`);
      }
    }
    schedule(intervalMs);
  }

  function track(work: Promise<void>) {
    const settled = work.catch((error: unknown) => log.error({ err: error }, `${name} worker failed`));
    inFlight.add(settled);
    void settled.finally(() => {
      inFlight.delete(settled);
      if (backlog && !polling) schedule(0);
    });
  }

  return {
    start() {
      if (!stopped || shutdown.signal.aborted) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      shutdown.abort();
      await polling;
      await Promise.allSettled([...inFlight]);
    },
  };
}
