import type { AddMemberRequestSchema } from '@cg/contracts';
import type { z } from 'zod';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { newId } from '../../lib/ids.js';
import { conflict, notFound } from '../../lib/problems.js';
import { requireAdmin } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { adminPage, type PageQuery } from './admin-page.js';
import type { IdentityDeps } from './dependencies.js';
import { requireStrongPassword } from './password-policy.js';
import { hashPassword } from './passwords.js';
import * as repo from './repository.js';
import { memberView, userView } from './views.js';

/** Who the caller is, and the organisation's members (administrators manage them). */

type Deps = Pick<IdentityDeps, 'database'>;

export function me(deps: Deps, caller: Caller) {
  return withCaller(deps.database, caller, async (trx, actor) => {
    const organisation = { id: actor.organisationId, name: actor.organisationName, side: actor.side };
    if (actor.kind === 'user') {
      const user = await repo.findUser(trx, actor.id);
      const emailVerifiedAt = user?.email_verified_at ?? null;
      return {
        user: userView({ ...actor, email_verified_at: emailVerifiedAt }),
        organisation,
        role: actor.role,
      };
    }
    return {
      client: { id: actor.id, clientId: actor.id, name: actor.name },
      organisation,
      scopes: actor.scopes,
    };
  });
}

export const listMembers = (deps: Deps, caller: Caller, page: PageQuery) =>
  adminPage(deps, caller, page, repo.listUsers, memberView);

/**
 * A password typed by an admin proves nothing about the address: the member starts unconfirmed
 * and asks for a link (`POST /v1/me/verification-email`). Member invitations by email are the
 * better way in.
 */
export async function addMember(deps: Deps, caller: Caller, input: z.output<typeof AddMemberRequestSchema>) {
  await requireStrongPassword(input.password, [input.email, input.name], '/body/password');
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
