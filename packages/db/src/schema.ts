import type { ColumnType } from 'kysely';

/**
 * The database as Kysely sees it: one interface per table, added with the migration that
 * creates the table. Repositories use `Selectable<…>`, `Insertable<…>`, `Updateable<…>`.
 */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OrganisationsTable {
  id: string;
  name: string;
  side: 'sales' | 'procurement';
  created_at: CreatedAt;
}

export interface UsersTable {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: 'admin' | 'member' | 'viewer';
  password_hash: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ApiClientsTable {
  id: string;
  organisation_id: string;
  name: string;
  secret_hash: string;
  scopes: string[];
  created_by: string | null;
  created_at: CreatedAt;
}

export interface RefreshTokensTable {
  id: string;
  organisation_id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditEventsTable {
  id: string;
  organisation_id: string;
  /** Set by the chaining trigger. */
  seq: ColumnType<string | number, never, never>;
  occurred_at: CreatedAt;
  actor_type: 'user' | 'client' | 'system';
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
  request_id: string | null;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

export interface DB {
  organisations: OrganisationsTable;
  users: UsersTable;
  api_clients: ApiClientsTable;
  refresh_tokens: RefreshTokensTable;
  audit_events: AuditEventsTable;
}
