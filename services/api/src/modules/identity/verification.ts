import type { DB } from '@cg/db';
import type { Kysely } from 'kysely';
import { newId } from '../../lib/ids.js';
import { AppError, conflict } from '../../lib/problems.js';
import { appendAuditEntry } from '../../platform/effects.js';
import { type OutgoingMail, prepareMail } from '../../platform/mail-outbox.js';
import { type Caller, type RequestContext, withCaller } from '../../platform/unit-of-work.js';
import { portalOfSide } from '../mail/index.js';
import {
  EMAIL_VERIFICATION_TTL_MS,
  expiresIn,
  invalidLink,
  isLive,
  LINK_PREFIX,
  linkTokenHash,
  newLinkToken,
} from './account-tokens.js';
import type { IdentityDeps } from './dependencies.js';
import * as repo from './repository.js';
import { userView } from './views.js';

/*
 * Email verification: a new account's address is unproven until its owner follows the link
 * mailed at sign-up (or proves it another way: a reset link, an emailed code, an invitation).
 * Until then the person may do everything but receive notification mail and send invitations
 * by email.
 */

interface Account {
  userId: string;
  organisationId: string;
  email: string;
  name: string;
  side: 'sales' | 'procurement';
}

/** Stores a new verification token and returns the message that carries it (to be queued in `trx`). */
export async function verificationMail(trx: Kysely<DB>, account: Account): Promise<OutgoingMail> {
  const token = newLinkToken(LINK_PREFIX.email_verification);
  await repo.insertOneTimeToken(trx, {
    id: newId('ott'),
    organisation_id: account.organisationId,
    user_id: account.userId,
    purpose: 'email_verification',
    email: account.email,
    token_hash: linkTokenHash(token),
    expires_at: expiresIn(EMAIL_VERIFICATION_TTL_MS),
  });
  return {
    organisationId: account.organisationId,
    to: account.email,
    template: 'email_verification',
    params: { recipientName: account.name, portal: portalOfSide(account.side) },
    secret: token,
  };
}

/** Follows a verification link: the address is proven, every verification link of it is spent. */
export async function verifyEmail(
  deps: Pick<IdentityDeps, 'database'>,
  request: RequestContext,
  token: string,
) {
  const user = await deps.database.asSystem(async (trx) => {
    const row = await repo.findOneTimeToken(trx, 'email_verification', linkTokenHash(token), { lock: true });
    if (!row || !isLive(row) || !row.user_id) return undefined;
    await repo.voidOneTimeTokens(trx, {
      purpose: 'email_verification',
      email: row.email,
      organisationId: row.organisation_id,
    });
    const verified = await repo.markEmailVerified(trx, row.user_id);
    if (!verified || verified.email !== row.email) return undefined;
    await appendAuditEntry(trx, {
      organisationId: row.organisation_id,
      actor: { type: 'user', id: verified.id },
      action: 'email.verified',
      subject: { type: 'user', id: verified.id },
      requestId: request.requestId,
    });
    return verified;
  });
  if (!user) {
    throw invalidLink(
      'confirmation',
      'If your address is not confirmed yet, sign in and ask for a new confirmation email.',
    );
  }
  return userView(user);
}

/** Sends the signed-in person a new verification link (409 once the address is proven). */
export function resendVerification(
  deps: Pick<IdentityDeps, 'database' | 'keyring' | 'mailThrottle'>,
  caller: Caller,
  request: { ip: string },
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    if (actor.kind !== 'user') {
      throw new AppError('forbidden', 'An API client has no email address to confirm.');
    }
    const user = await repo.findUser(trx, actor.id);
    if (user?.email_verified_at) throw conflict('Your email address is already confirmed.');
    await deps.mailThrottle.reserve(request, 'email_verification', actor.email);
    const mail = await verificationMail(trx, {
      userId: actor.id,
      organisationId: actor.organisationId,
      email: actor.email,
      name: actor.name,
      side: actor.side,
    });
    effects.mail(prepareMail(deps.keyring, mail));
    effects.audit('email.verification_requested', { subject: { type: 'user', id: actor.id } });
    return { accepted: true as const };
  });
}
