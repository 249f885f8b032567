import pino, { type Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log object: credentials of every kind and
 * the free text of private assessments. Requests are logged without bodies anyway; this is the
 * second line for objects logged by hand.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  ...[
    'password',
    'secret',
    'clientSecret',
    'client_secret',
    'token',
    'access_token',
    'refresh_token',
    'accessToken',
    'refreshToken',
    'note',
    'notes',
    'body',
  ].flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
  'objectives',
  '*.objectives',
  'risks',
  '*.risks',
];

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  const pretty = !options.destination && process.stdout.isTTY;
  return pino(
    {
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      ...(pretty
        ? {
            transport: {
              target: 'pino-pretty',
              options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' },
            },
          }
        : {}),
    },
    options.destination,
  );
}
