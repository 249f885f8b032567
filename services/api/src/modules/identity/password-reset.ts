import { newId } from '../../lib/ids.js';
import { appendAuditEntry } from '../../platform/effects.js';
import { queueMail } from '../../platform/mail-outbox.js';
import type { RequestContext } from '../../platform/unit-of-work.js';
import { portalOfSide } from '../mail/index.js';
import {
  expiresIn,
  invalidLink,
  isLive,
  LINK_PREFIX,
  linkTokenHash,
  newLinkToken,
  PASSWORD_RESET_TTL_MS,
} from './account-tokens.js';
import type { Background } from './background.js';
import type { IdentityDeps } from './dependencies.js';
import { requireStrongPassword } from './password-policy.js';
import { hashPassword } from './passwords.js';
import * as repo from './repository.js';

/*
 * Password reset by emailed link: valid 30 minutes, single use, a newer link voids the older.
 * The request has one answer for every address; choosing the new password proves the address,
 * ends every session of the account and forgives its failed sign-ins from here.
 */

type Deps = IdentityDeps;

const expiredLink = () =>
  invalidLink(
    'password reset',
    'Ask for a new one on the “Forgot your password?” page: each link works once, for 30 minutes.',
  );

/** Always the same answer; the link is made and mailed after the reply, if the address has an account. */
export async function requestPasswordReset(
  deps: Deps & { background: Background },
  request: RequestContext,
  email: string,
) {
  await deps.mailThrottle.reserve(request, 'password_reset', email);
  deps.background.run('password reset', () => sendPasswordReset(deps, request, email));
  return { accepted: true as const };
}

async function sendPasswordReset(deps: Deps, request: RequestContext, email: string) {
  const account = await deps.database.asSystem((trx) => repo.findAccountByEmail(trx, email));
  if (!account) return;
  const token = newLinkToken(LINK_PREFIX.password_reset);
  await deps.database.asOrg(account.organisation_id, async (trx) => {
    await repo.voidOneTimeTokens(trx, {
      purpose: 'password_reset',
      email: account.email,
      organisationId: account.organisation_id,
    });
    await repo.insertOneTimeToken(trx, {
      id: newId('ott'),
      organisation_id: account.organisation_id,
      user_id: account.id,
      purpose: 'password_reset',
      email: account.email,
      token_hash: linkTokenHash(token),
      expires_at: expiresIn(PASSWORD_RESET_TTL_MS),
    });
    await queueMail(trx, deps.keyring, {
      organisationId: account.organisation_id,
      to: account.email,
      template: 'password_reset',
      params: { recipientName: account.name, portal: portalOfSide(account.side) },
      secret: token,
    });
    await appendAuditEntry(trx, {
      organisationId: account.organisation_id,
      actor: { type: 'system', id: null },
      action: 'password_reset.requested',
      subject: { type: 'user', id: account.id },
      requestId: request.requestId,
    });
  });
}

/**
 * Sets the new password from a live link: the link is checked before the (costly) hash and
 * again, locked, in the transaction that spends it, so two tabs cannot both use one link.
 */
export async function confirmPasswordReset(
  deps: Deps,
  request: RequestContext,
  input: { token: string; password: string },
) {
  const tokenHash = linkTokenHash(input.token);
  const found = await deps.database.asSystem(async (trx) => {
    const row = await repo.findOneTimeToken(trx, 'password_reset', tokenHash, { lock: false });
    if (!row?.user_id || !isLive(row)) return undefined;
    const credentials = await repo.findCredentials(trx, row.user_id);
    return credentials && { row, userId: row.user_id, credentials };
  });
  if (!found) throw expiredLink();
  const { credentials, userId } = found;
  await requireStrongPassword(
    input.password,
    [credentials.email, credentials.name, credentials.organisation_name],
    '/body/password',
  );
  const passwordHash = await hashPassword(input.password);
  const done = await deps.database.asOrg(found.row.organisation_id, async (trx) => {
    const row = await repo.findOneTimeToken(trx, 'password_reset', tokenHash, { lock: true });
    if (!row || !isLive(row) || row.user_id !== userId) return false;
    await repo.markOneTimeTokenUsed(trx, row.id);
    await repo.updatePasswordHash(trx, userId, passwordHash);
    await repo.markEmailVerified(trx, userId);
    const revokedTokens = await repo.revokeUserSessions(trx, userId);
    await appendAuditEntry(trx, {
      organisationId: row.organisation_id,
      actor: { type: 'user', id: userId },
      action: 'password.reset',
      subject: { type: 'user', id: userId },
      detail: { revokedTokens },
      requestId: request.requestId,
    });
    return true;
  });
  if (!done) throw expiredLink();
  await deps.loginThrottle.forgive(request, `user:${credentials.email}`);
}
