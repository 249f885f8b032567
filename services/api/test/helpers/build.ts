import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Database, openPostgres } from '@cg/db';
import { createTestDatabase, type TestDatabase } from '@cg/db/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { type Config, parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

type Teardown = { teardown(fn: () => unknown): void };

export interface TestApp {
  app: FastifyInstance;
  testDatabase: TestDatabase;
  config: Config;
  /** Every log line the app wrote, as raw JSON text, for checks that secrets never appear. */
  logs: string[];
}

function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...parseConfig({ LOG_LEVEL: 'info' }),
    // Tests keep apart by signing up organisations of their own, many from one address: the
    // sign-up throttle's own tests set its limits.
    SIGNUPS_PER_ADDRESS: 1000,
    SIGNUPS_PER_MINUTE: 1000,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    MASTER_KEY: randomBytes(32).toString('base64'),
    // Mail without SMTP_URL goes to DATA_DIR/mailbox: each app a folder of its own.
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'cg-test-data-')),
    ...overrides,
  };
}

/**
 * A ready app on a fresh database of its own, closed and dropped when the test ends. Tests may
 * add routes before calling `ready()` by passing `beforeReady`.
 */
export async function build(
  t: Teardown,
  options: {
    config?: Partial<Config>;
    beforeReady?: (app: FastifyInstance) => void | Promise<void>;
    /** Another app's database: a second replica (or a restarted one) on the same data. */
    shareDatabaseOf?: TestApp;
    /**
     * With `shareDatabaseOf` on PostgreSQL: connections and a change feed of its own, as a
     * replica in another process has, instead of the other app's handle.
     */
    ownConnections?: boolean;
  } = {},
): Promise<TestApp> {
  let shared = options.shareDatabaseOf?.testDatabase;
  let ownHandle: Database | undefined;
  if (shared && options.ownConnections) {
    if (!shared.url) throw new Error('ownConnections needs PostgreSQL');
    ownHandle = await openPostgres({ url: shared.url, poolMax: 5 });
    shared = { ...shared, database: ownHandle };
  }
  const testDatabase = shared ?? (await createTestDatabase());
  const logs: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => logs.push(line) } });
  // Replicas share their signing key and master key, as they must in production.
  const replicaOf = options.shareDatabaseOf?.config;
  const config = testConfig({
    ...(replicaOf ? { JWT_SECRET: replicaOf.JWT_SECRET, MASTER_KEY: replicaOf.MASTER_KEY } : {}),
    ...options.config,
  });
  const app = await buildApp({ config, database: testDatabase.database, logger });
  await options.beforeReady?.(app);
  await app.ready();
  t.teardown(async () => {
    await app.close();
    await ownHandle?.close();
    if (!shared) await testDatabase.drop();
    if (!options.config?.DATA_DIR) rmSync(config.DATA_DIR, { recursive: true, force: true });
  });
  return { app, testDatabase, config, logs };
}
