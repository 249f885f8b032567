import path from 'node:path';
import v8 from 'node:v8';
import { type Database, openPglite, openPostgres } from '@cg/db';
import closeWithGrace from 'close-with-grace';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  if (config.DATABASE_URL) {
    return openPostgres({
      url: config.DATABASE_URL,
      appPassword: config.DATABASE_APP_PASSWORD,
      poolMax: config.DATABASE_POOL_MAX,
      onPoolError: (error) => logger.warn({ err: error }, 'idle database connection lost'),
      onChangeFeedError: (error) =>
        logger.warn(
          { err: error },
          'change feed connection lost: the read cache is off until it listens again',
        ),
    });
  }
  return openPglite({ dataDir: path.join(config.DATA_DIR, 'pgdata') });
}

/**
 * After each full garbage collection V8 lets the old generation grow to several times what
 * survived (up to 4× when collection is fast), which is how an API with ~30 MiB of live objects
 * came to hold 250 MiB under load. Half again what survived keeps the peak near 160 MiB for about
 * 5 % more CPU a request (bench/RESULTS.md, "Memory"). It is a growth step, not a limit: a
 * process that needs more memory still gets it. V8 reads the flag at every collection, so setting
 * it at start-up applies it — the one V8 flag that works here without a command-line option.
 */
v8.setFlagsFromString('--heap-growing-percent=50');

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`common-ground: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger({ level: config.LOG_LEVEL });
  const database = await openDatabase(config, logger);
  const app = await buildApp({ config, database, logger });

  closeWithGrace({ delay: 5000, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'shutting down after an error');
    else logger.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
  });

  await app.listen({
    host: config.HOST,
    port: config.PORT,
    listenTextResolver: (address) => `Common Ground listening on ${address} using ${database.description}`,
  });
}

main().catch((error) => {
  process.stderr.write(
    `common-ground: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
