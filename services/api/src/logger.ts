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

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  const pretty = !options.destination && process.stdout.isTTY;
  return pino(
    {
      level: options.level,
      formatters: { log: (object) => redactPrivate(object) as Record<string, unknown> },
      ...(pretty
        ? {
            transport: {
              target: 'pino-pretty',
              options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' },
            },
          }
        : {}),
    },
    pretty ? undefined : (options.destination ?? standardOutput()),
  );
}
