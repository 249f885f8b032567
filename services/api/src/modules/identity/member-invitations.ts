import { ROLES } from '@cg/contracts';
import { z } from 'zod';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { newId } from '../../lib/ids.js';
import { conflict } from '../../lib/problems.js';
import { requireVerifiedEmail } from '../../platform/caller.js';
import { appendAuditEntry } from '../../platform/effects.js';
import { prepareMail } from '../../platform/mail-outbox.js';
import { requireAdmin } from '../../platform/scopes.js';
import { type Caller, type RequestContext, withCaller } from '../../platform/unit-of-work.js';
import { portalOfSide } from '../mail/index.js';
import {
  expiresIn,
  invalidLink,
  isLive,
  LINK_PREFIX,
  linkTokenHash,
  MEMBER_INVITATION_TTL_MS,
  newLinkToken,
} from './account-tokens.js';
import type { IdentityDeps } from './dependencies.js';
import { requireStrongPassword } from './password-policy.js';
import { hashPassword } from './passwords.js';
import * as repo from './repository.js';
import { userView } from './views.js';

/*
 * Members invited by email: an administrator with a confirmed address names a colleague and a
 * role; the colleague follows the link (valid 7 days, once) and chooses their own password. The
 * account made that way has a proven address. A newer invitation to the same address voids the
 * older one.
 */

type Role = (typeof ROLES)[number];

/** What an invitation row keeps besides its address: names and the role, never the token. */
const InvitationData = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  inviterName: z.string(),
  invitedBy: z.string(),
});

const accountExists = () => conflict('An account with this email address already exists.');
const expiredInvitation = () =>
  invalidLink(
    'invitation',
    'Ask whoever invited you to send a new invitation: each link works once, for 7 days.',
  );

export function inviteMember(
  deps: Pick<IdentityDeps, 'database' | 'keyring'>,
  caller: Caller,
  input: { email: string; name: string; role: Role },
) {
  // Across organisations: an address is one account, whichever organisation holds it.
  return withCaller(
    deps.database,
    caller,
    async (trx, actor, effects) => {
      requireAdmin(actor);
      await requireVerifiedEmail(trx, actor);
      if (await repo.findAccountByEmail(trx, input.email)) throw accountExists();
      const where = {
        purpose: 'member_invitation' as const,
        email: input.email,
        organisationId: actor.organisationId,
      };
      await repo.voidOneTimeTokens(trx, where);
      const token = newLinkToken(LINK_PREFIX.member_invitation);
      const id = newId('ott');
      const expiresAt = expiresIn(MEMBER_INVITATION_TTL_MS);
      await repo.insertOneTimeToken(trx, {
        id,
        organisation_id: actor.organisationId,
        user_id: null,
        purpose: 'member_invitation',
        email: input.email,
        token_hash: linkTokenHash(token),
        data: { name: input.name, role: input.role, inviterName: actor.name, invitedBy: actor.id },
        expires_at: expiresAt,
      });
      effects.mail(
        prepareMail(deps.keyring, {
          organisationId: actor.organisationId,
          to: input.email,
          template: 'member_invitation',
          params: {
            organisationName: actor.organisationName,
            inviterName: actor.name,
            role: input.role,
            recipientName: input.name,
            portal: portalOfSide(actor.side),
          },
          secret: token,
        }),
      );
      effects.audit('member.invited', {
        subject: { type: 'member_invitation', id },
        detail: { role: input.role },
      });
      return { email: input.email, name: input.name, role: input.role, expiresAt: expiresAt.toISOString() };
    },
    { acrossOrganisations: true },
  );
}

/** A live invitation by its link's token, with its organisation; undefined if unknown, spent or expired. */
function findInvitation(deps: Pick<IdentityDeps, 'database'>, token: string) {
  return deps.database.asSystem(async (trx) => {
    const row = await repo.findOneTimeToken(trx, 'member_invitation', linkTokenHash(token), { lock: false });
    if (!row || !isLive(row)) return undefined;
    const data = InvitationData.safeParse(row.data);
    const organisation = await repo.findOrganisation(trx, row.organisation_id);
    return data.success && organisation ? { row, data: data.data, organisation } : undefined;
  });
}

export async function previewInvitation(deps: Pick<IdentityDeps, 'database'>, token: string) {
  const found = await findInvitation(deps, token);
  if (!found) throw expiredInvitation();
  const { row, data, organisation } = found;
  return {
    organisation: { name: organisation.name, side: organisation.side },
    email: row.email,
    name: data.name,
    role: data.role,
    invitedBy: { name: data.inviterName },
    expiresAt: row.expires_at.toISOString(),
  };
}

/** Makes the invited person's account (address proven) with the password they chose. */
export async function acceptInvitation(
  deps: Pick<IdentityDeps, 'database'>,
  request: RequestContext,
  input: { token: string; password: string; name?: string | undefined },
) {
  const found = await findInvitation(deps, input.token);
  if (!found) throw expiredInvitation();
  const { row, data, organisation } = found;
  const name = input.name ?? data.name;
  await requireStrongPassword(input.password, [row.email, name, organisation.name], '/body/password');
  const passwordHash = await hashPassword(input.password);
  let user: Awaited<ReturnType<typeof repo.insertUser>> | undefined;
  try {
    user = await deps.database.asOrg(organisation.id, async (trx) => {
      const locked = await repo.findOneTimeToken(trx, 'member_invitation', linkTokenHash(input.token), {
        lock: true,
      });
      if (!locked || !isLive(locked)) return undefined;
      await repo.markOneTimeTokenUsed(trx, locked.id);
      const created = await repo.insertUser(trx, {
        id: newId('usr'),
        organisation_id: organisation.id,
        email: row.email,
        name,
        role: data.role,
        password_hash: passwordHash,
        email_verified_at: new Date(),
      });
      await appendAuditEntry(trx, {
        organisationId: organisation.id,
        actor: { type: 'user', id: created.id },
        action: 'member.joined',
        subject: { type: 'user', id: created.id },
        detail: { role: created.role, invitation: locked.id, invitedBy: data.invitedBy },
        requestId: request.requestId,
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) throw accountExists();
    throw error;
  }
  if (!user) throw expiredInvitation();
  return { organisation, user: userView(user) };
}
