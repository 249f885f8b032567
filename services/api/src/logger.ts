import pino, { type Logger } from 'pino';

/**
 * Keys whose values never reach a log line, at any depth, whatever their case: credentials of
 * every kind and the free text of private assessments. Requests are logged without bodies
 * anyway; this is the second line for objects logged by hand.
 */
const REDACTED_KEYS = new Set([
  'authorization',
  'cookie',
  'set-cookie',
  'idempotency-key',
  'password',
  'secret',
  'clientsecret',
  'client_secret',
  'token',
  'access_token',
  'refresh_token',
  'accesstoken',
  'refreshtoken',
  'note',
  'notes',
  'body',
  'objectives',
  'risks',
]);

const CENSOR = '[redacted]';
/** Deeper than anything we log; a deeper value is replaced rather than walked. */
const MAX_DEPTH = 8;

/**
 * A copy of `value` with every redacted key's value replaced, sharing whatever needed no change.
 * Errors are serialised first (message, stack, type and their own fields), so a field an error
 * carries is redacted like any other.
 *
 * Hand-written rather than pino's path-based `redact`: with the wildcard paths needed to catch a
 * key at any depth, that cost 37 µs a log line — about a tenth of a whole alignment read's CPU
 * (bench/RESULTS.md) — where this walk costs about one.
 */
export function redactPrivate(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return CENSOR;
  if (value instanceof Error) return redactPrivate(pino.stdSerializers.err(value), depth);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const redacted = redactPrivate(item, depth + 1);
      if (redacted !== item) {
        copy ??= value.slice();
        copy[index] = redacted;
      }
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const redacted = REDACTED_KEYS.has(key.toLowerCase()) ? CENSOR : redactPrivate(item, depth + 1);
    if (redacted !== item) {
      copy ??= { ...record };
      copy[key] = redacted;
    }
  }
  return copy ?? value;
}

/**
 * Standard output is written asynchronously: a request does not wait for its log line's write,
 * and lines logged while a write is under way go out together in the next one. Whatever is still
 * buffered is flushed when the process exits (not after SIGKILL); past `maxLength` of unwritten
 * lines (a reader that stopped reading) lines are dropped instead of growing memory.
 */
function standardOutput(): pino.DestinationStream {
  return pino.destination({ dest: 1, sync: false, minLength: 0, maxLength: 16 * 1024 * 1024 });
}

const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};
/** Fields every line has, or that the short form already shows: not repeated after the message. */
const SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'err']);
const REQUEST_FIELDS = new Set(['method', 'route', 'url', 'statusCode', 'durationMs']);

const paint = (colour: boolean, code: number, text: string) =>
  colour ? `\u001b[${code}m${text}\u001b[0m` : text;

function clock(time: unknown): string {
  const date = new Date(typeof time === 'number' ? time : Date.now());
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** A level other than info, as ` WARN`, ` ERROR`, …: info is what most lines are, so it goes unsaid. */
function levelLabel(level: number, colour: boolean): string {
  if (level === 30) return '';
  const name = LEVELS[level] ?? String(level);
  return ` ${paint(colour, level >= 50 ? 31 : level >= 40 ? 33 : 2, name.toUpperCase())}`;
}

type RequestEntry = Record<string, unknown> & { method: string; statusCode: number };

const isRequestEntry = (entry: Record<string, unknown>): entry is RequestEntry =>
  typeof entry.method === 'string' && typeof entry.statusCode === 'number';

function requestSummary(entry: RequestEntry, colour: boolean): string {
  const status = entry.statusCode;
  const statusText = paint(colour, status >= 500 ? 31 : status >= 400 ? 33 : 32, String(status));
  const extra = Object.keys(entry).filter((key) => !SHOWN.has(key) && !REQUEST_FIELDS.has(key));
  const rest = extra.map((key) => ` ${key}=${JSON.stringify(entry[key])}`).join('');
  return `${entry.method} ${String(entry.url ?? entry.route ?? '')} ${statusText} ${String(entry.durationMs ?? '?')} ms${rest}`;
}

function messageSummary(entry: Record<string, unknown>, colour: boolean): string {
  const rest = Object.keys(entry)
    .filter((key) => !SHOWN.has(key))
    .map((key) => ` ${paint(colour, 2, `${key}=`)}${JSON.stringify(entry[key])}`)
    .join('');
  return `${String(entry.msg ?? '')}${rest}`;
}

/**
 * One JSON log line as one short line for a person at a terminal: a request as
 * `12:00:01.234 GET /v1/deals 200 3.1 ms`, anything else as its time, level (unless info),
 * message and remaining fields as `key=value`; an error's stack follows on its own lines.
 */
export function terminalLine(json: string, colour = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const level = typeof entry.level === 'number' ? entry.level : 30;
  const time = paint(colour, 2, clock(entry.time));
  const err = entry.err as { stack?: unknown; message?: unknown } | undefined;
  const stack = err ? `\n${String(err.stack ?? err.message ?? '')}` : '';
  const summary = isRequestEntry(entry) ? requestSummary(entry, colour) : messageSummary(entry, colour);
  return `${time}${levelLabel(level, colour)} ${summary}${stack}\n`;
}

/**
 * Standard output for a terminal: each line as `terminalLine` writes it, in this process (no
 * worker thread, as pino-pretty's transport would start), synchronously — a person reads it.
 */
function terminalOutput(): pino.DestinationStream {
  const colour = process.stdout.hasColors?.() ?? false;
  return { write: (line: string) => process.stdout.write(terminalLine(line, colour)) };
}

/**
 * Logs go to standard output as JSON lines — what production and the tests parse — except on a
 * terminal, where each is one short line (`terminalLine`).
 */
export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  const terminal = !options.destination && process.stdout.isTTY;
  return pino(
    {
      level: options.level,
      formatters: { log: (object) => redactPrivate(object) as Record<string, unknown> },
    },
    options.destination ?? (terminal ? terminalOutput() : standardOutput()),
  );
}

/**
 * What `pnpm start` prints on a terminal once it listens: where to go next. `base` is the public
 * address (PUBLIC_URL, or the one it listens on).
 */
export function startBanner(base: string, database: string, colour = false): string {
  const url = (path: string) => paint(colour, 36, `${base.replace(/\/$/, '')}${path}`);
  return [
    '',
    `  ${paint(colour, 1, 'Common Ground is ready')} (${database})`,
    `  Supplier portal  ${url('/supplier')}`,
    `  Buyer portal     ${url('/buyer')}`,
    `  API docs         ${url('/docs')}`,
    '  Requests are logged below: time, method, URL, status, duration. Ctrl-C stops.',
    '',
    '',
  ].join('\n');
}
