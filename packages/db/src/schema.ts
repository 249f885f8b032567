/**
 * The database as Kysely sees it: one interface per table, added by the migration that creates
 * the table. Row types for repositories are `Selectable<…>`, `Insertable<…>`, `Updateable<…>`.
 */
// biome-ignore lint/complexity/noBannedTypes: tables are added by later migrations
export type DB = {};
