import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { type Database, DataDirLockedError, openPglite, openPostgres, type PgliteTemplate } from '@cg/db';
import closeWithGrace from 'close-with-grace';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createLogger, startBanner } from './logger.js';

/** Set by the bundler (scripts/build.ts): the key of the template built with this bundle. */
declare const __PGLITE_TEMPLATE_KEY__: string | undefined;

/**
 * What the embedded database starts with in this process:
 *
 * - A new data folder is copied from the migrated template that the build put beside the bundle
 *   (`dist/pglite-template`) instead of running initdb and the migrations: about 0.1 s instead of
 *   5–8 s. Without a template of this bundle's key (a bundle built by tests, a source run) it
 *   starts as before.
 * - V8 runs PGlite's WebAssembly with its baseline compiler only (Liftoff). Its optimising
 *   compiler recompiles PostgreSQL's hot functions on background threads, whose allocators then
 *   keep about 55 MiB resident for good, for about 20 % less CPU per database query
 *   (bench/RESULTS.md, "Embedded mode"). The embedded mode is the one-machine, try-it-out mode,
 *   where memory counts more; the flag only concerns WebAssembly, and PostgreSQL mode does not
 *   set it. It must be set before PGlite compiles its module.
 */
function embeddedStart(): { template?: PgliteTemplate } {
  v8.setFlagsFromString('--liftoff-only');
  if (typeof __PGLITE_TEMPLATE_KEY__ !== 'string') return {};
  const dir = fileURLToPath(new URL('./pglite-template', import.meta.url));
  return { template: { dir, key: __PGLITE_TEMPLATE_KEY__ } };
}

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
  return openPglite({ dataDir: path.join(config.DATA_DIR, 'pgdata'), ...embeddedStart() });
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

  const address = await app.listen({
    host: config.HOST,
    port: config.PORT,
    listenTextResolver: (address) => `Common Ground listening on ${address} using ${database.description}`,
  });
  if (process.stdout.isTTY) {
    process.stdout.write(
      startBanner(config.PUBLIC_URL ?? address, database.description, process.stdout.hasColors?.() ?? false),
    );
  }
}

main().catch((error) => {
  process.stderr.write(
    `common-ground: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  // Another process holds DATA_DIR (openPglite takes its lock): EX_TEMPFAIL, it may start later.
  process.exit(error instanceof DataDirLockedError ? 75 : 1);
});
