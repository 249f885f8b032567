import type { DB } from '@cg/db';
import type { Kysely } from 'kysely';

export async function insertOrganisation(
  db: Kysely<DB>,
  org: { id: string; name: string; side: 'sales' | 'procurement' },
) {
  await db.insertInto('organisations').values(org).execute();
}

export function findOrganisation(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'side'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Locks the organisation's row so that membership changes serialise (the last-admin rule). */
export async function lockOrganisation(db: Kysely<DB>, id: string) {
  await db.selectFrom('organisations').select('id').where('id', '=', id).forUpdate().execute();
}

export async function insertUser(
  db: Kysely<DB>,
  user: {
    id: string;
    organisation_id: string;
    email: string;
    name: string;
    role: 'admin' | 'member' | 'viewer';
    password_hash: string;
  },
) {
  return db
    .insertInto('users')
    .values(user)
    .returning(['id', 'email', 'name', 'role', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'organisation_id', 'email', 'name', 'role', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export function findUser(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'organisation_id', 'email', 'name', 'role', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listUsers(db: Kysely<DB>, options: { limit: number; afterId?: string | undefined }) {
  let query = db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'created_at'])
    .orderBy('id')
    .limit(options.limit + 1);
  if (options.afterId) query = query.where('id', '>', options.afterId);
  return query.execute();
}

export async function countAdmins(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function updateUserRole(db: Kysely<DB>, id: string, role: 'admin' | 'member' | 'viewer') {
  return db
    .updateTable('users')
    .set({ role, updated_at: new Date() })
    .where('id', '=', id)
    .returning(['id', 'email', 'name', 'role', 'created_at'])
    .executeTakeFirst();
}

export async function deleteUser(db: Kysely<DB>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function insertApiClient(
  db: Kysely<DB>,
  client: {
    id: string;
    organisation_id: string;
    name: string;
    secret_hash: string;
    scopes: string[];
    created_by: string | null;
  },
) {
  return db
    .insertInto('api_clients')
    .values(client)
    .returning(['id', 'name', 'scopes', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function findApiClient(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('api_clients')
    .select(['id', 'organisation_id', 'name', 'scopes', 'secret_hash', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listApiClients(db: Kysely<DB>, options: { limit: number; afterId?: string | undefined }) {
  let query = db
    .selectFrom('api_clients')
    .select(['id', 'name', 'scopes', 'created_at'])
    .orderBy('id')
    .limit(options.limit + 1);
  if (options.afterId) query = query.where('id', '>', options.afterId);
  return query.execute();
}

export async function deleteApiClient(db: Kysely<DB>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('api_clients').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function insertRefreshToken(
  db: Kysely<DB>,
  token: {
    id: string;
    organisation_id: string;
    user_id: string;
    family_id: string;
    token_hash: string;
    expires_at: Date;
  },
) {
  await db.insertInto('refresh_tokens').values(token).execute();
}

/** Locks the token's row: two concurrent refreshes with one token must not both succeed. */
export function findRefreshTokenForUpdate(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('refresh_tokens')
    .select(['id', 'organisation_id', 'user_id', 'family_id', 'expires_at', 'used_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markRefreshTokenUsed(db: Kysely<DB>, id: string) {
  await db.updateTable('refresh_tokens').set({ used_at: new Date() }).where('id', '=', id).execute();
}

export async function revokeRefreshTokenFamily(
  db: Kysely<DB>,
  organisationId: string,
  familyId: string,
): Promise<number> {
  const result = await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
