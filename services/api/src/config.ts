import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const base64Key32 = z.string().refine((value) => {
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === 32 && bytes.toString('base64') === value.replace(/\s/g, '');
}, 'must be the base64 encoding of exactly 32 bytes (e.g. `openssl rand -base64 32`)');

/**
 * Every setting of the service, read from the environment once. Each key is documented in the
 * README's configuration table (a test keeps the two in step).
 */
export const ConfigSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATABASE_APP_PASSWORD: z.string().min(1).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./.data'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MASTER_KEY: base64Key32.optional(),
  MASTER_KEYS_PREVIOUS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .pipe(z.array(base64Key32))
    .default([]),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(262_144),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: booleanFlag.default(false),
  METRICS_ENABLED: booleanFlag.default(false),
  READ_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  LIVE_HEARTBEAT_MS: z.coerce.number().int().min(50).max(300_000).default(15_000),
  LIVE_STREAMS_PER_CALLER: z.coerce.number().int().min(1).max(100).default(5),
  JWT_ISSUER: z.string().min(1).default('common-ground'),
  JWT_AUDIENCE: z.string().min(1).default('common-ground-api'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(900).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  REDIS_KEY_PREFIX: z.string().min(1).max(100).default('cg:'),
  RATE_LIMIT_ENABLED: booleanFlag.default(true),
  RATE_LIMIT_PER_CALLER: z.coerce.number().int().min(1).default(1000),
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(3000),
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  LOGIN_ACCOUNT_CEILING: z.coerce.number().int().min(1).default(100),
  SIGNUPS_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  SIGNUPS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  ACCOUNT_EMAILS_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  ACCOUNT_EMAILS_PER_RECIPIENT: z.coerce.number().int().min(1).default(5),
  ARGON2_QUEUE_MAX: z.coerce.number().int().min(0).max(100_000).optional(),
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  ROUND_BUDGET: z.coerce.number().int().min(1).max(50).default(5),
  WEBHOOK_WORKER_ENABLED: booleanFlag.default(true),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: booleanFlag.default(false),
  WEBHOOK_RETRY_SCHEDULE_SECONDS: z
    .string()
    .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, 'must be comma-separated seconds, e.g. 0,5,300')
    .transform((value) => value.split(',').map(Number))
    .pipe(
      z
        .array(z.number().max(604_800, 'each delay must be at most 7 days'))
        .max(50, 'must list at most 50 attempts')
        .refine((delays) => delays[0] === 0, 'must start with 0: the first attempt is immediate'),
    )
    .default([0, 5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400]),
  WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).max(254).default('Common Ground <no-reply@common-ground.localhost>'),
  MAIL_WORKER_ENABLED: booleanFlag.default(true),
  MAIL_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  MAIL_RETRY_SCHEDULE_SECONDS: z
    .string()
    .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, 'must be comma-separated seconds, e.g. 0,30,300')
    .transform((value) => value.split(',').map(Number))
    .pipe(
      z
        .array(z.number().max(86_400, 'each delay must be at most a day'))
        .max(20, 'must list at most 20 attempts')
        .refine((delays) => delays[0] === 0, 'must start with 0: the first attempt is immediate'),
    )
    .default([0, 30, 120, 600, 1800, 3600, 7200]),
  SCHEDULER_ENABLED: booleanFlag.default(true),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(7),
});

export type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config extends Omit<RawConfig, 'JWT_SECRET' | 'MASTER_KEY'> {
  JWT_SECRET: string;
  MASTER_KEY: string;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Turns the environment into a typed config or throws a message naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): RawConfig {
  // An empty variable means "not set", as in most shells' `FOO= command`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = ConfigSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

const SECRETS_FILE = 'secrets.json';

type StoredSecrets = { JWT_SECRET?: string; MASTER_KEY?: string };

/**
 * Fills in `JWT_SECRET` and `MASTER_KEY`. With PostgreSQL they must be given, since replicas
 * have to share them. With the embedded database they are generated on first start into
 * `DATA_DIR` (readable by the owner only) and reused afterwards.
 */
export function resolveSecrets(raw: RawConfig): Config {
  const { JWT_SECRET, MASTER_KEY } = raw;
  if (JWT_SECRET && MASTER_KEY) return { ...raw, JWT_SECRET, MASTER_KEY };
  if (raw.DATABASE_URL) {
    const missing = [!JWT_SECRET && 'JWT_SECRET', !MASTER_KEY && 'MASTER_KEY'].filter(Boolean).join(' and ');
    throw new ConfigError(
      `invalid configuration:\n  ${missing}: required with DATABASE_URL (every replica must use the same value)`,
    );
  }
  mkdirSync(raw.DATA_DIR, { recursive: true });
  const file = path.join(raw.DATA_DIR, SECRETS_FILE);
  const { stored, found } = readSecretsFile(file);
  // Only what the environment does not give is generated and kept.
  const toStore = { ...stored };
  if (!JWT_SECRET) toStore.JWT_SECRET ??= randomBytes(48).toString('base64url');
  if (!MASTER_KEY) toStore.MASTER_KEY ??= randomBytes(32).toString('base64');
  if (toStore.JWT_SECRET !== stored.JWT_SECRET || toStore.MASTER_KEY !== stored.MASTER_KEY) {
    if (!writeSecretsFile(file, toStore, found)) return resolveSecrets(raw);
  }
  const next = {
    JWT_SECRET: JWT_SECRET ?? toStore.JWT_SECRET ?? '',
    MASTER_KEY: MASTER_KEY ?? toStore.MASTER_KEY ?? '',
  };
  return { ...raw, ...next };
}

/** The secrets kept in `file`; `found` is false when there is no file yet. */
function readSecretsFile(file: string): { stored: StoredSecrets; found: boolean } {
  try {
    return { stored: JSON.parse(readFileSync(file, 'utf8')), found: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`);
    }
    return { stored: {}, found: false };
  }
}

/**
 * Keeps `secrets` in `file`, readable by the owner only. False when `found` was false and another
 * process created the file meanwhile: its secrets are the ones to use.
 */
function writeSecretsFile(file: string, secrets: StoredSecrets, found: boolean): boolean {
  try {
    // A new file only if there was none: of two first starts on one DATA_DIR (the data folder's
    // lock refuses one later), both must go on with the same keys, the first writer's.
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: found ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  chmodSync(file, 0o600);
  return true;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return resolveSecrets(parseConfig(env));
}
