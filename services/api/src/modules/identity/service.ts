import type {
  AddMemberRequestSchema,
  CreateApiClientRequestSchema,
  Scope,
  SignupRequestSchema,
  TokenRequestSchema,
} from '@cg/contracts';
import { SCOPES } from '@cg/contracts';
import type { DB } from '@cg/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { newId } from '../../lib/ids.js';
import { AppError, conflict, notFound } from '../../lib/problems.js';
import { constantTimeEqual, newSecret, sha256Hex } from '../../lib/secrets.js';
import { appendAuditEntry as insertAuditEvent } from '../../platform/audit-log.js';
import { requireAdmin } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { requireStrongPassword } from './password-policy.js';
import { hashPassword, isArgon2Busy, verifyPassword } from './passwords.js';
import * as repo from './repository.js';

type Deps = Pick<
  FastifyInstance,
  'database' | 'config' | 'signAccessToken' | 'loginThrottle' | 'signupThrottle'
>;

export const REFRESH_TOKEN_PREFIX = 'cgr_';
export const CLIENT_SECRET_PREFIX = 'cgs_';
const DUMMY_SECRET_HASH = sha256Hex('common-ground timing equaliser');

const invalidCredentials = (detail = 'The email or password is not correct.') =>
  new AppError('invalid-credentials', detail);

const userView = (user: {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'member' | 'viewer';
}) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
});

const memberView = (user: {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'member' | 'viewer';
  created_at: Date;
}) => ({
  ...userView(user),
  createdAt: user.created_at.toISOString(),
});

const clientView = (client: { id: string; name: string; scopes: string[]; created_at: Date }) => ({
  id: client.id,
  clientId: client.id,
  name: client.name,
  scopes: client.scopes as Scope[],
  createdAt: client.created_at.toISOString(),
});

export async function signup(
  deps: Deps,
  request: FastifyRequest,
  input: z.output<typeof SignupRequestSchema>,
) {
  const requestId = request.id;
  const organisationId = newId('org');
  const userId = newId('usr');
  requireStrongPassword(
    input.user.password,
    [input.user.email, input.user.name, input.organisation.name],
    '/body/user/password',
  );
  // Each sign-up costs a hash: its place is taken before the hash, and kept (also for a 409)
  // unless the hash never ran.
  const held = await deps.signupThrottle.reserve(request);
  let passwordHash: string;
  try {
    passwordHash = await hashPassword(input.user.password);
  } catch (error) {
    if (isArgon2Busy(error)) await held.release();
    throw error;
  }
  try {
    return await deps.database.asOrg(organisationId, async (trx) => {
      await repo.insertOrganisation(trx, {
        id: organisationId,
        name: input.organisation.name,
        side: input.organisation.side,
      });
      const user = await repo.insertUser(trx, {
        id: userId,
        organisation_id: organisationId,
        email: input.user.email,
        name: input.user.name,
        role: 'admin',
        password_hash: passwordHash,
      });
      await insertAuditEvent(trx, {
        organisationId,
        actor: { type: 'user', id: userId },
        action: 'organisation.created',
        subject: { type: 'organisation', id: organisationId },
        detail: { side: input.organisation.side },
        requestId,
      });
      return {
        organisation: { id: organisationId, name: input.organisation.name, side: input.organisation.side },
        user: userView(user),
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key'))
      throw conflict('An account with this email address already exists.');
    throw error;
  }
}

async function issueUserTokens(
  deps: Deps,
  trx: Kysely<DB>,
  user: { id: string; organisationId: string },
  familyId: string = newId('rtf'),
) {
  const refreshToken = newSecret(REFRESH_TOKEN_PREFIX);
  await repo.insertRefreshToken(trx, {
    id: newId('rt'),
    organisation_id: user.organisationId,
    user_id: user.id,
    family_id: familyId,
    token_hash: sha256Hex(refreshToken),
    expires_at: new Date(Date.now() + deps.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
  });
  return {
    access_token: deps.signAccessToken({
      kind: 'user',
      id: user.id,
      organisationId: user.organisationId,
      sessionId: familyId,
    }),
    token_type: 'Bearer' as const,
    expires_in: deps.config.ACCESS_TOKEN_TTL_SECONDS,
    refresh_token: refreshToken,
  };
}

export async function grantToken(
  deps: Deps,
  request: FastifyRequest,
  body: z.output<typeof TokenRequestSchema>,
) {
  switch (body.grant_type) {
    case 'password':
      return passwordGrant(deps, request, body.username, body.password);
    case 'refresh_token':
      return refreshGrant(deps, request, body.refresh_token);
    case 'client_credentials':
      return clientCredentialsGrant(deps, request, body.client_id, body.client_secret, body.scope);
  }
}

export async function passwordGrant(deps: Deps, request: FastifyRequest, username: string, password: string) {
  const email = username.trim().toLowerCase();
  // The attempt's place is taken before the lookup and the Argon2 check; only a wrong password
  // keeps it (a success, a busy limiter or a database error give it back).
  const held = await deps.loginThrottle.reserve(request, `user:${email}`);
  let failed = false;
  try {
    return await checkedPasswordGrant(deps, request, email, password, () => {
      failed = true;
    });
  } finally {
    if (!failed) await held.release();
  }
}

async function checkedPasswordGrant(
  deps: Deps,
  request: FastifyRequest,
  email: string,
  password: string,
  markFailed: () => void,
) {
  const user = await deps.database.asSystem((trx) => repo.findUserByEmail(trx, email));
  const valid = await verifyPassword(user?.password_hash, password);
  if (!user || !valid) {
    markFailed();
    if (user) {
      await deps.database.asSystem((trx) =>
        insertAuditEvent(trx, {
          organisationId: user.organisation_id,
          actor: { type: 'user', id: user.id },
          action: 'login.failed',
          detail: { reason: 'wrong_password' },
          requestId: request.id,
        }),
      );
    }
    throw invalidCredentials();
  }
  return deps.database.asOrg(user.organisation_id, async (trx) => {
    await insertAuditEvent(trx, {
      organisationId: user.organisation_id,
      actor: { type: 'user', id: user.id },
      action: 'login.succeeded',
      requestId: request.id,
    });
    return issueUserTokens(deps, trx, { id: user.id, organisationId: user.organisation_id });
  });
}

export async function refreshGrant(deps: Deps, request: FastifyRequest, refreshToken: string) {
  // The outcome is decided and recorded in one transaction; a detected reuse must commit its
  // revocation, so the refusal is thrown only after the transaction ends.
  const outcome = await deps.database.asSystem(async (trx) => {
    const row = await repo.findRefreshTokenForUpdate(trx, sha256Hex(refreshToken));
    if (!row || row.revoked_at || row.expires_at.getTime() <= Date.now()) return { ok: false as const };
    if (row.used_at) {
      const revoked = await repo.revokeRefreshTokenFamily(trx, row.organisation_id, row.family_id);
      await insertAuditEvent(trx, {
        organisationId: row.organisation_id,
        actor: { type: 'user', id: row.user_id },
        action: 'refresh_token.reuse_detected',
        detail: { family: row.family_id, revokedTokens: revoked },
        requestId: request.id,
      });
      return { ok: false as const };
    }
    await repo.markRefreshTokenUsed(trx, row.id);
    await insertAuditEvent(trx, {
      organisationId: row.organisation_id,
      actor: { type: 'user', id: row.user_id },
      action: 'token.refreshed',
      detail: { family: row.family_id },
      requestId: request.id,
    });
    return {
      ok: true as const,
      tokens: await issueUserTokens(
        deps,
        trx,
        { id: row.user_id, organisationId: row.organisation_id },
        row.family_id,
      ),
    };
  });
  if (!outcome.ok) throw invalidCredentials('The refresh token is not valid; sign in again.');
  return outcome.tokens;
}

async function clientCredentialsGrant(
  deps: Deps,
  request: FastifyRequest,
  clientId: string,
  clientSecret: string,
  scope: string | undefined,
) {
  const held = await deps.loginThrottle.reserve(request, `client:${clientId}`);
  let failed = false;
  try {
    return await checkedClientCredentialsGrant(deps, request, clientId, clientSecret, scope, () => {
      failed = true;
    });
  } finally {
    if (!failed) await held.release();
  }
}

async function checkedClientCredentialsGrant(
  deps: Deps,
  request: FastifyRequest,
  clientId: string,
  clientSecret: string,
  scope: string | undefined,
  markFailed: () => void,
) {
  const client = await deps.database.asSystem((trx) => repo.findApiClient(trx, clientId));
  const valid =
    constantTimeEqual(sha256Hex(clientSecret), client?.secret_hash ?? DUMMY_SECRET_HASH) &&
    client !== undefined;
  if (!client || !valid) {
    markFailed();
    if (client) {
      await deps.database.asSystem((trx) =>
        insertAuditEvent(trx, {
          organisationId: client.organisation_id,
          actor: { type: 'client', id: client.id },
          action: 'client.authentication_failed',
          requestId: request.id,
        }),
      );
    }
    throw invalidCredentials('The client id or secret is not correct.');
  }
  let tokenScopes: Scope[] | undefined;
  if (scope !== undefined && scope.trim() !== '') {
    const requested = scope.trim().split(/\s+/);
    const notGranted = requested.filter(
      (s) => !client.scopes.includes(s) || !(SCOPES as readonly string[]).includes(s),
    );
    if (notGranted.length > 0) {
      throw new AppError('validation-failed', 'The requested scope is not granted to this client.', {
        errors: [{ path: '/body/scope', message: `not granted: ${notGranted.join(' ')}` }],
      });
    }
    tokenScopes = requested as Scope[];
  }
  await deps.database.asOrg(client.organisation_id, (trx) =>
    insertAuditEvent(trx, {
      organisationId: client.organisation_id,
      actor: { type: 'client', id: client.id },
      action: 'client.authenticated',
      requestId: request.id,
    }),
  );
  const scopes = tokenScopes ?? (client.scopes as Scope[]);
  return {
    access_token: deps.signAccessToken({
      kind: 'client',
      id: client.id,
      organisationId: client.organisation_id,
      tokenScopes,
    }),
    token_type: 'Bearer' as const,
    expires_in: deps.config.ACCESS_TOKEN_TTL_SECONDS,
    scope: scopes.join(' '),
  };
}

/** RFC 7009: revoking an unknown or already revoked token is not an error. */
export async function revokeToken(deps: Deps, token: string, requestId: string) {
  await deps.database.asSystem(async (trx) => {
    const row = await repo.findRefreshTokenForUpdate(trx, sha256Hex(token));
    if (!row || row.revoked_at) return;
    await repo.revokeRefreshTokenFamily(trx, row.organisation_id, row.family_id);
    await insertAuditEvent(trx, {
      organisationId: row.organisation_id,
      actor: { type: 'user', id: row.user_id },
      action: 'token.revoked',
      detail: { family: row.family_id },
      requestId,
    });
  });
  return { revoked: true as const };
}

export function me(deps: Deps, caller: Caller) {
  return withCaller(deps.database, caller, async (_trx, actor) => {
    const organisation = { id: actor.organisationId, name: actor.organisationName, side: actor.side };
    if (actor.kind === 'user') {
      return { user: userView(actor), organisation, role: actor.role };
    }
    return {
      client: { id: actor.id, clientId: actor.id, name: actor.name },
      organisation,
      scopes: actor.scopes,
    };
  });
}

export function listMembers(
  deps: Deps,
  caller: Caller,
  page: { limit: number; cursor?: string | undefined },
) {
  const afterId = decodeCursor(page.cursor, 'id');
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireAdmin(actor);
    const rows = await repo.listUsers(trx, { limit: page.limit, afterId });
    return toPage(rows, page.limit, memberView, (row) => row.id);
  });
}

export async function addMember(deps: Deps, caller: Caller, input: z.output<typeof AddMemberRequestSchema>) {
  requireStrongPassword(input.password, [input.email, input.name], '/body/password');
  const passwordHash = await hashPassword(input.password);
  try {
    return await withCaller(deps.database, caller, async (trx, actor, effects) => {
      requireAdmin(actor);
      const user = await repo.insertUser(trx, {
        id: newId('usr'),
        organisation_id: actor.organisationId,
        email: input.email,
        name: input.name,
        role: input.role,
        password_hash: passwordHash,
      });
      effects.audit('member.added', {
        subject: { type: 'user', id: user.id },
        detail: { role: user.role },
      });
      return memberView(user);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key'))
      throw conflict('An account with this email address already exists.');
    throw error;
  }
}

export function changeMemberRole(
  deps: Deps,
  caller: Caller,
  userId: string,
  role: 'admin' | 'member' | 'viewer',
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireAdmin(actor);
    await repo.lockOrganisation(trx, actor.organisationId);
    const user = await repo.findUser(trx, userId);
    if (!user) throw notFound('member');
    if (user.role === 'admin' && role !== 'admin' && (await repo.countAdmins(trx)) <= 1) {
      throw conflict('The organisation needs at least one administrator: promote someone else first.');
    }
    const updated = await repo.updateUserRole(trx, userId, role);
    if (!updated) throw notFound('member');
    if (user.role !== role) {
      effects.audit('member.role_changed', {
        subject: { type: 'user', id: userId },
        detail: { from: user.role, to: role },
      });
    }
    return memberView(updated);
  });
}

export function removeMember(deps: Deps, caller: Caller, userId: string) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireAdmin(actor);
    await repo.lockOrganisation(trx, actor.organisationId);
    const user = await repo.findUser(trx, userId);
    if (!user) throw notFound('member');
    if (user.role === 'admin' && (await repo.countAdmins(trx)) <= 1) {
      throw conflict('The last administrator cannot be removed: promote someone else first.');
    }
    await repo.deleteUser(trx, userId);
    effects.audit('member.removed', {
      subject: { type: 'user', id: userId },
    });
  });
}

export function createApiClient(
  deps: Deps,
  caller: Caller,
  input: z.output<typeof CreateApiClientRequestSchema>,
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireAdmin(actor);
    const secret = newSecret(CLIENT_SECRET_PREFIX);
    const client = await repo.insertApiClient(trx, {
      id: newId('cli'),
      organisation_id: actor.organisationId,
      name: input.name,
      secret_hash: sha256Hex(secret),
      scopes: input.scopes,
      created_by: actor.id,
    });
    effects.audit('client.created', {
      subject: { type: 'api_client', id: client.id },
      detail: { scopes: input.scopes.join(' ') },
    });
    return { ...clientView(client), clientSecret: secret };
  });
}

export function listApiClients(
  deps: Deps,
  caller: Caller,
  page: { limit: number; cursor?: string | undefined },
) {
  const afterId = decodeCursor(page.cursor, 'id');
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireAdmin(actor);
    const rows = await repo.listApiClients(trx, { limit: page.limit, afterId });
    return toPage(rows, page.limit, clientView, (row) => row.id);
  });
}

export function deleteApiClient(deps: Deps, caller: Caller, clientId: string) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireAdmin(actor);
    if (!(await repo.deleteApiClient(trx, clientId))) throw notFound('API client');
    effects.audit('client.deleted', {
      subject: { type: 'api_client', id: clientId },
    });
  });
}
