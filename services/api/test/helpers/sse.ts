import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, InjectOptions } from 'fastify';

/*
 * A Server-Sent Events client for tests, written from the WHATWG HTML standard's "event stream
 * interpretation" (§9.2.6) and independent of the server's code: it reads the raw bytes over
 * node:http (so it can send `Authorization`, which a browser's EventSource cannot), keeps every
 * byte for sweeps, and parses events the way a browser does. It does not
 * reconnect by itself: tests reconnect on purpose, with the `lastEventId` it reports.
 */

export interface SseEvent {
  /** The last event ID string when the event was dispatched (what a reconnect sends). */
  lastEventId: string;
  /** The event type (`message` unless the stream named one). */
  type: string;
  data: string;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** Every byte received, decoded: for sweeps. */
  readonly text: string;
  readonly events: SseEvent[];
  /** The stream's last event ID string now (set by `id:` lines, even without an event). */
  readonly lastEventId: string;
  /** Comments received (lines starting with `:`), e.g. heartbeats. */
  readonly comments: string[];
  /** The `retry:` reconnection time the stream asked for, if any. */
  readonly retryMs: number | undefined;
  /** True once the server ended the stream (or the connection broke). */
  readonly ended: boolean;
  /** The body of a refusal (anything but 200 with `text/event-stream`). */
  readonly refusal: string | undefined;
  /** Resolves when the stream has ended. */
  readonly done: Promise<void>;
  /** Waits until `count` events satisfy `match` (all events by default); throws after `ms`. */
  waitForEvents(count: number, ms?: number, match?: (event: SseEvent) => boolean): Promise<SseEvent[]>;
  waitUntil(what: string, check: () => boolean, ms?: number): Promise<void>;
  close(): void;
}

/** Parses an event stream incrementally, as §9.2.6 says. */
class EventStreamParser {
  events: SseEvent[] = [];
  comments: string[] = [];
  lastEventId = '';
  retryMs: number | undefined;
  private buffer = '';
  private data = '';
  private type = '';
  private idBuffer = '';
  private first = true;

  push(chunk: string) {
    this.buffer += chunk;
    if (this.first && this.buffer.length > 0) {
      this.first = false;
      if (this.buffer.startsWith('\uFEFF')) this.buffer = this.buffer.slice(1);
    }
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      // A lone \r at the end may be the start of \r\n: wait for more.
      if (!match || (match[0] === '\r' && match.index === this.buffer.length - 1)) return;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      this.line(line);
    }
  }

  private line(line: string) {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) {
      this.comments.push(line.slice(1).trimStart());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.type = value;
    else if (field === 'data') this.data += `${value}\n`;
    else if (field === 'id' && !value.includes('\0')) this.idBuffer = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
  }

  private dispatch() {
    this.lastEventId = this.idBuffer;
    if (this.data === '') {
      this.type = '';
      return;
    }
    this.events.push({
      lastEventId: this.lastEventId,
      type: this.type || 'message',
      data: this.data.slice(0, -1),
    });
    this.data = '';
    this.type = '';
  }
}

export interface OpenStreamOptions {
  headers?: Record<string, string>;
  lastEventId?: string;
}

/** Opens `url` as an event stream; resolves once the response's headers arrived. */
export async function openEventStream(url: string, options: OpenStreamOptions = {}): Promise<SseStream> {
  // node:http on a connection of its own (no pool): closing it closes the connection, as a tab does.
  const request = http.get(url, {
    agent: false,
    headers: {
      accept: 'text/event-stream',
      ...options.headers,
      ...(options.lastEventId !== undefined ? { 'last-event-id': options.lastEventId } : {}),
    },
  });
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  request.on('error', () => undefined);
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    for (const one of Array.isArray(value) ? value : [value])
      if (one !== undefined) headers.append(name, one);
  }
  const status = response.statusCode ?? 0;
  const parser = new EventStreamParser();
  let text = '';
  let ended = false;
  let refusal: string | undefined;
  const isStream = status === 200 && headers.get('content-type')?.startsWith('text/event-stream');
  response.setEncoding('utf8');
  const done = (async () => {
    let body = '';
    try {
      for await (const chunk of response as AsyncIterable<string>) {
        if (!isStream) body += chunk;
        else {
          text += chunk;
          parser.push(chunk);
        }
      }
    } catch {
      // Closed by close(), or the connection broke: the stream is over either way.
    }
    if (!isStream) refusal = body;
  })().finally(() => {
    ended = true;
  });
  const waitUntil = async (what: string, check: () => boolean, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline)
        throw new Error(`timed out after ${ms} ms waiting for ${what}; received:\n${text}`);
      await sleep(5);
    }
  };
  return {
    status,
    headers,
    get text() {
      return text;
    },
    get events() {
      return parser.events;
    },
    get lastEventId() {
      return parser.lastEventId;
    },
    get comments() {
      return parser.comments;
    },
    get retryMs() {
      return parser.retryMs;
    },
    get ended() {
      return ended;
    },
    get refusal() {
      return refusal;
    },
    done,
    waitUntil,
    async waitForEvents(count, ms = 5000, match = () => true) {
      await waitUntil(`${count} events`, () => parser.events.filter(match).length >= count, ms);
      return parser.events.filter(match);
    },
    close: () => request.destroy(),
  };
}

export interface InjectedReply {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body of any shape, read by the test
  json(): any;
}

/**
 * `app.inject` for tests that go through every operation of the document: an event stream never
 * ends by itself, so its reply is read until it has been quiet for `settleMs` (its opening lines,
 * and what a `Last-Event-ID` replays), then the client goes away; any other reply is read whole.
 */
export async function injectAny(
  app: FastifyInstance,
  options: InjectOptions,
  settleMs = 50,
): Promise<InjectedReply> {
  const res = await app.inject({ ...options, payloadAsStream: true });
  const stream = res.stream();
  let body = '';
  const live = String(res.headers['content-type'] ?? '').startsWith('text/event-stream');
  if (!live) {
    for await (const chunk of stream) body += chunk;
  } else {
    let last = Date.now();
    stream.on('data', (chunk) => {
      body += chunk;
      last = Date.now();
    });
    const deadline = Date.now() + 5000;
    while (Date.now() - last < settleMs && Date.now() < deadline) await sleep(5);
    // The client goes away, as a browser that closed the page: the server ends the stream.
    res.raw.res.destroy();
  }
  return { statusCode: res.statusCode, headers: res.headers, body, json: () => JSON.parse(body) };
}
