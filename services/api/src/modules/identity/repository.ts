import type { DB, OneTimeTokenPurpose } from '@cg/db';
import { type Kysely, sql } from 'kysely';

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
    email_verified_at?: Date;
  },
) {
  return db
    .insertInto('users')
    .values(user)
    .returning(['id', 'email', 'name', 'role', 'email_verified_at', 'created_at'])
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
    .select(['id', 'organisation_id', 'email', 'name', 'role', 'email_verified_at', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listUsers(db: Kysely<DB>, options: { limit: number; afterId?: string | undefined }) {
  let query = db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'email_verified_at', 'created_at'])
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
    .returning(['id', 'email', 'name', 'role', 'email_verified_at', 'created_at'])
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

/** A person found by address for the emailed flows, with what their messages need to say. */
export function findAccountByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.organisation_id',
      'users.email',
      'users.name',
      'users.email_verified_at',
      'organisations.side',
    ])
    .where('users.email', '=', email)
    .executeTakeFirst();
}

/** The password hash of the caller, with the words a new password must not be built from. */
export function findCredentials(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.password_hash', 'users.email', 'users.name', 'organisations.name as organisation_name'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export async function updatePasswordHash(db: Kysely<DB>, userId: string, passwordHash: string) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

/** Marks the address proven (once: a later proof keeps the first time) and returns the user. */
export function markEmailVerified(db: Kysely<DB>, userId: string) {
  return db
    .updateTable('users')
    .set({ email_verified_at: sql<Date>`coalesce(email_verified_at, now())` })
    .where('id', '=', userId)
    .returning(['id', 'email', 'name', 'role', 'email_verified_at'])
    .executeTakeFirst();
}

/** Ends every session of a user (each refresh-token family) but `except`; how many tokens it revoked. */
export async function revokeUserSessions(
  db: Kysely<DB>,
  userId: string,
  except?: string | undefined,
): Promise<number> {
  let query = db
    .updateTable('refresh_tokens')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (except !== undefined) query = query.where('family_id', '<>', except);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertOneTimeToken(
  db: Kysely<DB>,
  token: {
    id: string;
    organisation_id: string;
    user_id: string | null;
    purpose: OneTimeTokenPurpose;
    email: string;
    token_hash: string;
    data?: Record<string, string>;
    expires_at: Date;
  },
) {
  await db
    .insertInto('one_time_tokens')
    .values({ ...token, data: JSON.stringify(token.data ?? {}) })
    .execute();
}

/** Spends every unused token of one purpose for an address: a new link or code voids the older ones. */
export async function voidOneTimeTokens(
  db: Kysely<DB>,
  where: { purpose: OneTimeTokenPurpose; email: string; organisationId: string },
) {
  await db
    .updateTable('one_time_tokens')
    .set({ used_at: new Date() })
    .where('organisation_id', '=', where.organisationId)
    .where('email', '=', where.email)
    .where('purpose', '=', where.purpose)
    .where('used_at', 'is', null)
    .execute();
}

const ONE_TIME_TOKEN_COLUMNS = [
  'id',
  'organisation_id',
  'user_id',
  'email',
  'data',
  'failed_attempts',
  'created_at',
  'expires_at',
  'used_at',
] as const;

/** A link's token by its hash, whatever its state (the caller tells expired from used); locked on request. */
export function findOneTimeToken(
  db: Kysely<DB>,
  purpose: OneTimeTokenPurpose,
  tokenHash: string,
  options: { lock: boolean },
) {
  const query = db
    .selectFrom('one_time_tokens')
    .select(ONE_TIME_TOKEN_COLUMNS)
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose);
  return (options.lock ? query.forUpdate() : query).executeTakeFirst();
}

/** The account's code that may still be tried (a new one voids the older), locked. */
export function findLiveSignInCodeForUpdate(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('one_time_tokens')
    .select([...ONE_TIME_TOKEN_COLUMNS, 'token_hash'])
    .where('user_id', '=', userId)
    .where('purpose', '=', 'sign_in_code')
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export async function markOneTimeTokenUsed(db: Kysely<DB>, id: string) {
  await db.updateTable('one_time_tokens').set({ used_at: new Date() }).where('id', '=', id).execute();
}

/** Counts a wrong code; at `limit` wrong tries the code is spent. */
export async function recordWrongCode(db: Kysely<DB>, id: string, limit: number) {
  await db
    .updateTable('one_time_tokens')
    .set((eb) => ({
      failed_attempts: eb('failed_attempts', '+', 1),
      used_at: sql<Date | null>`case when failed_attempts + 1 >= ${limit} then now() else used_at end`,
    }))
    .where('id', '=', id)
    .execute();
}
