import { AppError } from '../../lib/problems.js';
import type { Actor } from '../../platform/caller.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import type { IdentityDeps } from './dependencies.js';
import { requireStrongPassword } from './password-policy.js';
import { hashPassword, verifyPassword } from './passwords.js';
import * as repo from './repository.js';

/*
 * Changing the password while signed in: the current password is checked like a sign-in (and a
 * wrong one counts against the sign-in throttle), then the new one replaces it and every other
 * session of the account ends; this one goes on.
 */

type Deps = Pick<IdentityDeps, 'database' | 'loginThrottle'>;

function requirePerson(actor: Actor) {
  if (actor.kind !== 'user') throw new AppError('forbidden', 'An API client has no password to change.');
  return actor;
}

const wrongCurrentPassword = () =>
  new AppError('validation-failed', 'The current password is not correct.', {
    errors: [{ path: '/body/currentPassword', message: 'is not your current password' }],
  });

/** Checks the current password under the sign-in throttle; only a wrong one keeps its place. */
async function checkCurrentPassword(
  deps: Deps,
  request: { ip: string },
  email: string,
  storedHash: string | undefined,
  password: string,
) {
  const held = await deps.loginThrottle.reserve(request, `user:${email}`);
  let valid = true;
  try {
    valid = await verifyPassword(storedHash, password);
  } finally {
    if (valid) await held.release();
  }
  return valid;
}

export async function changePassword(
  deps: Deps,
  caller: Caller,
  request: { ip: string },
  input: { currentPassword: string; newPassword: string },
) {
  const { actor, credentials } = await withCaller(deps.database, caller, async (trx, actor) => ({
    actor: requirePerson(actor),
    credentials: await repo.findCredentials(trx, actor.id),
  }));
  const context = [actor.email, actor.name, actor.organisationName];
  await requireStrongPassword(input.newPassword, context, '/body/newPassword');
  if (
    !(await checkCurrentPassword(
      deps,
      request,
      actor.email,
      credentials?.password_hash,
      input.currentPassword,
    ))
  ) {
    await withCaller(deps.database, caller, async (_trx, _actor, effects) => {
      effects.audit('password.change_failed', { detail: { reason: 'wrong_password' } });
    });
    throw wrongCurrentPassword();
  }
  const passwordHash = await hashPassword(input.newPassword);
  await withCaller(deps.database, caller, async (trx, actor, effects) => {
    await repo.updatePasswordHash(trx, actor.id, passwordHash);
    const revokedTokens = await repo.revokeUserSessions(trx, actor.id, caller.principal.sessionId ?? '');
    effects.audit('password.changed', { subject: { type: 'user', id: actor.id }, detail: { revokedTokens } });
  });
}
