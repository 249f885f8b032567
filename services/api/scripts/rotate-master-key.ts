import path from 'node:path';
import { createKeyring, DataDirLockedError, openPglite, openPostgres } from '@cg/db';
import { ConfigError, loadConfig } from '../src/config.js';
import { rewrapDataKeys } from '../src/modules/deal-room/index.js';
import { resealEndpointSecrets } from '../src/modules/webhooks/service.js';

/*
 * Re-wraps every deal's data key under MASTER_KEY. Rotation without downtime:
 *   1. restart the replicas with MASTER_KEY=<new> and MASTER_KEYS_PREVIOUS=<old> (they read both);
 *   2. run `pnpm rotate-master-key` with the same settings (safe beside live traffic);
 *   3. drop the old key from MASTER_KEYS_PREVIOUS.
 * On the embedded database, stop the service first: PGlite admits a single process, so this
 * refuses to run while another process holds DATA_DIR (data-dir-lock.ts), and holds it meanwhile.
 */
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  process.stderr.write(
    `rotate-master-key: ${error instanceof ConfigError ? error.message : String(error)}\n`,
  );
  process.exit(78);
}
const keyring = createKeyring(config.MASTER_KEY, config.MASTER_KEYS_PREVIOUS);
const database = await (config.DATABASE_URL
  ? openPostgres({ url: config.DATABASE_URL, appPassword: config.DATABASE_APP_PASSWORD, poolMax: 2 })
  : openPglite({ dataDir: path.join(config.DATA_DIR, 'pgdata') })
).catch((error: unknown) => {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stderr.write(`rotate-master-key: ${error.message}\n`);
  process.exit(75); // EX_TEMPFAIL: run it again once the service is stopped
});
process.stdout.write(
  `re-wrapping deal keys under master key ${keyring.current.id} (${database.description})\n`,
);
try {
  const done = await rewrapDataKeys(database, keyring, (count, total) => {
    process.stdout.write(`  ${count}/${total} (${Math.round((100 * count) / Math.max(total, 1))}%)\n`);
  });
  process.stdout.write(`done: ${done} deal key${done === 1 ? '' : 's'} re-wrapped\n`);
  // Webhook signing secrets are sealed under the master key too (they must be usable to sign).
  const secrets = await resealEndpointSecrets(database, keyring);
  process.stdout.write(`done: ${secrets} webhook signing secret${secrets === 1 ? '' : 's'} re-sealed\n`);
} catch (error) {
  process.stderr.write(`rotate-master-key: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
