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
export { MigrationFailedError, migrateToLatest, migrationNames } from './migrate.js';
export type { DB } from './schema.js';
