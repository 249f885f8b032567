import type { Scope, SignupRequestSchema, TokenRequestSchema } from '@cg/contracts';
import { EMAILED_CODE_GRANT_TYPE, SCOPES } from '@cg/contracts';
import type { z } from 'zod';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { newId } from '../../lib/ids.js';
import { AppError, conflict } from '../../lib/problems.js';
import { constantTimeEqual, sha256Hex } from '../../lib/secrets.js';
import { appendAuditEntry } from '../../platform/effects.js';
import { queueMail } from '../../platform/mail-outbox.js';
import type { RequestContext } from '../../platform/unit-of-work.js';
import type { IdentityDeps } from './dependencies.js';
import { requireStrongPassword } from './password-policy.js';
import { hashPassword, isArgon2Busy, verifyPassword } from './passwords.js';
import * as repo from './repository.js';
import { emailedCodeGrant } from './sign-in-codes.js';
import { issueUserTokens } from './tokens.js';
import { verificationMail } from './verification.js';
import { userView } from './views.js';

/*
 * Sign-up, and the sessions and tokens of the OAuth 2.0 token endpoint: password, refresh-token
 * and client-credentials grants, the emailed-code extension grant (sign-in-codes.ts), and
 * revocation. These run before a caller exists, so they record their audit entries themselves.
 * Sign-up mails the new person a link to confirm their address (verification.ts).
 */

type Deps = IdentityDeps;

const DUMMY_SECRET_HASH = sha256Hex('common-ground timing equaliser');

const invalidCredentials = (detail = 'The email or password is not correct.') =>
  new AppError('invalid-credentials', detail);

export async function signup(
  deps: Deps,
  request: RequestContext,
  input: z.output<typeof SignupRequestSchema>,
) {
  const requestId = request.requestId;
  const organisationId = newId('org');
  const userId = newId('usr');
  await requireStrongPassword(
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
      await appendAuditEntry(trx, {
        organisationId,
        actor: { type: 'user', id: userId },
        action: 'organisation.created',
        subject: { type: 'organisation', id: organisationId },
        detail: { side: input.organisation.side },
        requestId,
      });
      // The address is proven by the link this message carries (valid 7 days).
      const verification = await verificationMail(trx, {
        userId,
        organisationId,
        email: user.email,
        name: user.name,
        side: input.organisation.side,
      });
      await queueMail(trx, deps.keyring, verification);
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

export async function grantToken(
  deps: Deps,
  request: RequestContext,
  body: z.output<typeof TokenRequestSchema>,
) {
  switch (body.grant_type) {
    case 'password':
      return passwordGrant(deps, request, body.username, body.password);
    case 'refresh_token':
      return refreshGrant(deps, request, body.refresh_token);
    case 'client_credentials':
      return clientCredentialsGrant(deps, request, body.client_id, body.client_secret, body.scope);
    case EMAILED_CODE_GRANT_TYPE:
      return emailedCodeGrant(deps, request, body.username, body.code);
  }
}

export async function passwordGrant(deps: Deps, request: RequestContext, username: string, password: string) {
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
  request: RequestContext,
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
        appendAuditEntry(trx, {
          organisationId: user.organisation_id,
          actor: { type: 'user', id: user.id },
          action: 'login.failed',
          detail: { reason: 'wrong_password' },
          requestId: request.requestId,
        }),
      );
    }
    throw invalidCredentials();
  }
  return deps.database.asOrg(user.organisation_id, async (trx) => {
    await appendAuditEntry(trx, {
      organisationId: user.organisation_id,
      actor: { type: 'user', id: user.id },
      action: 'login.succeeded',
      requestId: request.requestId,
    });
    return issueUserTokens(deps, trx, { id: user.id, organisationId: user.organisation_id });
  });
}

export async function refreshGrant(deps: Deps, request: RequestContext, refreshToken: string) {
  // The outcome is decided and recorded in one transaction; a detected reuse must commit its
  // revocation, so the refusal is thrown only after the transaction ends.
  const outcome = await deps.database.asSystem(async (trx) => {
    const row = await repo.findRefreshTokenForUpdate(trx, sha256Hex(refreshToken));
    if (!row || row.revoked_at || row.expires_at.getTime() <= Date.now()) return { ok: false as const };
    if (row.used_at) {
      const revoked = await repo.revokeRefreshTokenFamily(trx, row.organisation_id, row.family_id);
      await appendAuditEntry(trx, {
        organisationId: row.organisation_id,
        actor: { type: 'user', id: row.user_id },
        action: 'refresh_token.reuse_detected',
        detail: { family: row.family_id, revokedTokens: revoked },
        requestId: request.requestId,
      });
      return { ok: false as const };
    }
    await repo.markRefreshTokenUsed(trx, row.id);
    await appendAuditEntry(trx, {
      organisationId: row.organisation_id,
      actor: { type: 'user', id: row.user_id },
      action: 'token.refreshed',
      detail: { family: row.family_id },
      requestId: request.requestId,
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
  request: RequestContext,
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
  request: RequestContext,
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
        appendAuditEntry(trx, {
          organisationId: client.organisation_id,
          actor: { type: 'client', id: client.id },
          action: 'client.authentication_failed',
          requestId: request.requestId,
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
    appendAuditEntry(trx, {
      organisationId: client.organisation_id,
      actor: { type: 'client', id: client.id },
      action: 'client.authenticated',
      requestId: request.requestId,
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
    await appendAuditEntry(trx, {
      organisationId: row.organisation_id,
      actor: { type: 'user', id: row.user_id },
      action: 'token.revoked',
      detail: { family: row.family_id },
      requestId,
    });
  });
  return { revoked: true as const };
}
