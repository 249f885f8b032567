import type { Schemas } from '@cg/sdk';
import { useEffect, useRef } from 'react';
import { useSession } from './context.js';
import type { Session } from './session.js';

/*
 * Live deal pages (issue 16): the open deal page follows `GET /v1/deals/{id}/stream`, the deal's
 * timeline as Server-Sent Events, and reads again what changed when the other side (or another
 * tab) writes. Read with fetch rather than EventSource, because EventSource cannot send the
 * bearer token: the session's client adds it and refreshes it as every request does. When the
 * stream ends or breaks, it reconnects with backoff and `Last-Event-ID`, so nothing is missed.
 */

export type DealEvent = Schemas['DealEvent'];

/** Bursts (a submit that closes a round writes three entries) become one refetch. */
const COALESCE_MS = 150;
/** Reconnection waits double from the stream's `retry` up to this. */
const MAX_BACKOFF_MS = 30_000;
/** Refusals that reconnecting will not change: the deal is gone for this reader, or the session. */
const FINAL_STATUSES = new Set([400, 401, 403, 404]);

/** Splits an event stream into events: the parts of WHATWG HTML §9.2.6 this API uses. */
export class EventStreamReader {
  lastEventId = '';
  retryMs: number | undefined;
  private buffer = '';
  private data: string[] = [];
  private type = '';
  private id = '';

  /** Feeds decoded text; returns the events it completed. */
  push(text: string): { type: string; data: string }[] {
    this.buffer += text;
    // A \r at the very end may be the first half of a \r\n: it waits for the next piece.
    const held = this.buffer.endsWith('\r') ? '\r' : '';
    const lines = this.buffer.slice(0, this.buffer.length - held.length).split(/\r\n|\r|\n/);
    this.buffer = (lines.pop() ?? '') + held;
    const events: { type: string; data: string }[] = [];
    for (const line of lines) {
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  private line(line: string): { type: string; data: string } | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.type = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return undefined;
  }

  private dispatch() {
    this.lastEventId = this.id;
    const event =
      this.data.length > 0 ? { type: this.type || 'message', data: this.data.join('\n') } : undefined;
    this.data = [];
    this.type = '';
    return event;
  }
}

type Outcome = { kind: 'stop' } | { kind: 'retry'; afterMs?: number | undefined; received: boolean };

const waitFor = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Reads one connection of the stream until it ends: `on.entry` for each timeline entry. */
async function readOnce(
  session: Session,
  dealId: string,
  reader: EventStreamReader,
  signal: AbortSignal,
  on: { opened: (resumed: boolean) => void; entry: (entry: DealEvent) => void },
): Promise<Outcome> {
  const resumeFrom = reader.lastEventId;
  const { data, response } = await session.client.GET('/v1/deals/{dealId}/stream', {
    params: { path: { dealId }, header: resumeFrom ? { 'last-event-id': resumeFrom } : {} },
    parseAs: 'stream',
    signal,
  });
  if (!response.ok || !data) {
    if (FINAL_STATUSES.has(response.status)) return { kind: 'stop' };
    const retryAfter = Number(response.headers.get('retry-after'));
    return { kind: 'retry', afterMs: retryAfter > 0 ? retryAfter * 1000 : undefined, received: false };
  }
  on.opened(resumeFrom !== '');
  const decoder = new TextDecoder();
  const body = data.getReader();
  let received = false;
  for (;;) {
    const { value, done } = await body.read();
    if (done) break;
    received = true;
    for (const event of reader.push(decoder.decode(value, { stream: true }))) {
      if (event.type === 'timeline') on.entry(JSON.parse(event.data) as DealEvent);
    }
  }
  return { kind: 'retry', received };
}

/** Follows the stream until `signal` aborts or the API refuses it for good. */
async function follow(
  session: Session,
  dealId: string,
  signal: AbortSignal,
  changed: (entries: DealEvent[]) => void,
) {
  const reader = new EventStreamReader();
  let pending: DealEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const entries = pending;
    pending = [];
    // Never for a session that has just ended: its requests would only be refused.
    if (!signal.aborted && session.getState().status === 'signed-in') changed(entries);
  };
  const queue = (entries: DealEvent[]) => {
    pending.push(...entries);
    timer ??= setTimeout(flush, COALESCE_MS);
  };
  let connections = 0;
  const on = {
    // The first connection starts from what the page has just read. A later one that cannot resume
    // (no entry had been seen) may have missed something: the page reads everything again.
    opened: (resumed: boolean) => {
      if (!resumed && connections > 0) queue([]);
      connections++;
    },
    entry: (entry: DealEvent) => queue([entry]),
  };
  let failures = 0;
  while (!signal.aborted) {
    const outcome = await readOnce(session, dealId, reader, signal, on).catch(
      (): Outcome => ({ kind: 'retry', received: false }),
    );
    if (outcome.kind === 'stop' || signal.aborted) break;
    failures = outcome.received ? 0 : failures + 1;
    const base = reader.retryMs ?? 2000;
    const backoff = Math.min(base * 2 ** failures, MAX_BACKOFF_MS) * (0.8 + Math.random() * 0.4);
    await waitFor(outcome.afterMs ?? (failures === 0 ? base : backoff), signal);
  }
  clearTimeout(timer);
}

/**
 * While `enabled`, follows the deal's live stream and calls `onChange` (coalesced) with the new
 * timeline entries — or with none, when the page should read everything again.
 */
export function useLiveDeal(
  dealId: string,
  enabled: boolean,
  onChange: (entries: DealEvent[]) => void,
): void {
  const session = useSession();
  const saved = useRef(onChange);
  saved.current = onChange;
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    void follow(session, dealId, controller.signal, (entries) => saved.current(entries));
    return () => controller.abort();
  }, [session, dealId, enabled]);
}
