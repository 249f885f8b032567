export {
  APP_ROLE,
  type Database,
  type DatabaseKind,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  openPglite,
  openPostgres,
  type PgliteOptions,
  type PostgresOptions,
} from './database.js';
export {
  type ContentBinding,
  contentFingerprint,
  createKeyring,
  DecryptionError,
  generateDataKey,
  type Keyring,
  masterKeyId,
  openContent,
  sealContent,
  unwrapDataKey,
  wrapDataKey,
} from './encryption.js';
export { MigrationFailedError, migrateToLatest, migrationNames } from './migrate.js';
export type { DB } from './schema.js';
