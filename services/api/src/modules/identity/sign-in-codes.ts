import { newId } from '../../lib/ids.js';
import { AppError } from '../../lib/problems.js';
import { constantTimeEqual } from '../../lib/secrets.js';
import { appendAuditEntry } from '../../platform/effects.js';
import { queueMail } from '../../platform/mail-outbox.js';
import type { RequestContext } from '../../platform/unit-of-work.js';
import {
  expiresIn,
  newSignInCode,
  SIGN_IN_CODE_MAX_TRIES,
  SIGN_IN_CODE_TTL_MS,
  signInCodeHash,
} from './account-tokens.js';
import type { Background } from './background.js';
import type { IdentityDeps } from './dependencies.js';
import * as repo from './repository.js';
import { issueUserTokens } from './tokens.js';

/*
 * Sign-in by emailed one-time code, for people who would rather not keep a password: a six-digit
 * code, valid 10 minutes, single use, spent after five wrong tries, and voided by a newer one.
 * It is redeemed at the token endpoint (an RFC 6749 §4.5 extension grant) or by the portal's
 * session route; wrong codes count against the sign-in throttle of the emailed-code channel.
 * A code that works proves the address.
 */

type Deps = IdentityDeps;

/** Always the same answer; the code is made and mailed after the reply, if the address has an account. */
export async function requestSignInCode(
  deps: Deps & { background: Background },
  request: RequestContext,
  email: string,
) {
  await deps.mailThrottle.reserve(request, 'sign_in_code', email);
  deps.background.run('sign-in code', () => sendSignInCode(deps, request, email));
  return { accepted: true as const };
}

async function sendSignInCode(deps: Deps, request: RequestContext, email: string) {
  const account = await deps.database.asSystem((trx) => repo.findAccountByEmail(trx, email));
  if (!account) return;
  const code = newSignInCode();
  await deps.database.asOrg(account.organisation_id, async (trx) => {
    await repo.voidOneTimeTokens(trx, {
      purpose: 'sign_in_code',
      email: account.email,
      organisationId: account.organisation_id,
    });
    await repo.insertOneTimeToken(trx, {
      id: newId('ott'),
      organisation_id: account.organisation_id,
      user_id: account.id,
      purpose: 'sign_in_code',
      email: account.email,
      token_hash: signInCodeHash(account.id, code),
      expires_at: expiresIn(SIGN_IN_CODE_TTL_MS),
    });
    await queueMail(trx, deps.keyring, {
      organisationId: account.organisation_id,
      to: account.email,
      template: 'sign_in_code',
      params: { recipientName: account.name },
      secret: code,
    });
    await appendAuditEntry(trx, {
      organisationId: account.organisation_id,
      actor: { type: 'system', id: null },
      action: 'sign_in_code.requested',
      subject: { type: 'user', id: account.id },
      requestId: request.requestId,
    });
  });
}

const wrongCode = () =>
  new AppError(
    'invalid-credentials',
    'The email or code is not correct, or the code has expired or was used: ask for a new code.',
  );

/**
 * The emailed-code grant: the account's live code, compared in constant time. A wrong code is
 * counted on the code (five spend it) and kept by the sign-in throttle; the outcome commits
 * before the refusal is thrown.
 */
export async function emailedCodeGrant(deps: Deps, request: RequestContext, username: string, code: string) {
  const email = username.trim().toLowerCase();
  const held = await deps.loginThrottle.reserve(request, `user:${email}`, { channel: 'emailed-code' });
  let failed = false;
  try {
    const tokens = await redeemCode(deps, request, email, code);
    if (tokens) return tokens;
    failed = true;
    throw wrongCode();
  } finally {
    if (!failed) await held.release();
  }
}

function redeemCode(deps: Deps, request: RequestContext, email: string, code: string) {
  return deps.database.asSystem(async (trx) => {
    const user = await repo.findAccountByEmail(trx, email);
    if (!user) return undefined;
    const row = await repo.findLiveSignInCodeForUpdate(trx, user.id);
    const audit = { organisationId: user.organisation_id, actor: { type: 'user' as const, id: user.id } };
    const matches =
      row !== undefined &&
      row.failed_attempts < SIGN_IN_CODE_MAX_TRIES &&
      constantTimeEqual(signInCodeHash(user.id, code), row.token_hash);
    if (!row || !matches) {
      if (row) await repo.recordWrongCode(trx, row.id, SIGN_IN_CODE_MAX_TRIES);
      await appendAuditEntry(trx, {
        ...audit,
        action: 'login.failed',
        detail: { reason: row ? 'wrong_code' : 'no_live_code' },
        requestId: request.requestId,
      });
      return undefined;
    }
    await repo.markOneTimeTokenUsed(trx, row.id);
    await repo.markEmailVerified(trx, user.id);
    await appendAuditEntry(trx, {
      ...audit,
      action: 'login.succeeded',
      detail: { method: 'emailed_code' },
      requestId: request.requestId,
    });
    return issueUserTokens(deps, trx, { id: user.id, organisationId: user.organisation_id });
  });
}
