export { CHANGE_CHANNEL, type ChangeFeed, type ChangeSubscriber, changeKeys } from './change-feed.js';
export { compileOnce, type Param } from './compiled-query.js';
export { type DataDirHolder, type DataDirLock, DataDirLockedError, lockDataDir } from './data-dir-lock.js';
export {
  APP_ROLE,
  type Database,
  type DatabaseKind,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  type OrgTransactionOptions,
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
  openWithKeyring,
  sealContent,
  sealWithKeyring,
  unwrapDataKey,
  wrapDataKey,
} from './encryption.js';
export { MigrationFailedError, migrateToLatest, migrationNames } from './migrate.js';
export {
  createPgliteTemplate,
  PGLITE_START_PARAMS,
  type PgliteTemplate,
  seedFromTemplate,
  templateIsCurrent,
} from './pglite-template.js';
export {
  type ContributionPartName,
  type DB,
  type DealRole,
  type MailTemplate,
  NOTIFICATION_KINDS,
  type NotificationDelivery,
  type NotificationKind,
  type OneTimeTokenPurpose,
} from './schema.js';
