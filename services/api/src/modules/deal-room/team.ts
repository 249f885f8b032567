import { CONTRIBUTION_PART_NAMES, type PutTeamMemberRequestSchema } from '@cg/contracts';
import type { z } from 'zod';
import { AppError, notFound, unprocessable } from '../../lib/problems.js';
import { requireScope } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { dealStandingOf, requireDealParty } from './access.js';
import type { DealRoomDeps } from './dependencies.js';
import * as repo from './team-repository.js';

type Deps = Pick<DealRoomDeps, 'database'>;

type TeamRow = Awaited<ReturnType<typeof repo.listTeam>>[number];

const memberView = (row: TeamRow) => ({
  userId: row.user_id,
  name: row.name,
  email: row.email,
  role: row.role,
  askedParts: row.asked_parts,
  contribution: row.contribution_updated_at ? { updatedAt: row.contribution_updated_at.toISOString() } : null,
  version: row.version,
  addedAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** The side's team on a deal, and what the caller may do on it. Private to the organisation. */
export function getTeam(deps: Deps, caller: Caller, dealId: string) {
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireScope(actor, 'deals:read');
    await requireDealParty(trx, actor, dealId);
    const you = await dealStandingOf(trx, actor, dealId);
    const members = await repo.listTeam(trx, dealId, actor.organisationId);
    return {
      you,
      spreadShared: await repo.spreadShared(trx, dealId, actor.organisationId),
      members: members.map(memberView),
    };
  });
}

/**
 * Whom an owner can add: the organisation's people not on the team yet (an owner need not be an
 * organisation admin, so it cannot list the members itself).
 */
export function listTeamCandidates(deps: Deps, caller: Caller, dealId: string) {
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireScope(actor, 'deals:read');
    await requireDealParty(trx, actor, dealId, { as: 'owner' });
    const people = await repo.listTeamCandidates(trx, dealId, actor.organisationId);
    return {
      data: people.map((person) => ({
        userId: person.id,
        name: person.name,
        email: person.email,
        organisationRole: person.role,
      })),
    };
  });
}

/** The parts a new role asks of a person, or a 422 saying why the role does not fit them. */
function askedPartsFor(
  person: { name: string; role: string },
  input: z.output<typeof PutTeamMemberRequestSchema>,
) {
  if (person.role === 'viewer' && input.role !== 'viewer')
    throw unprocessable(
      `${person.name} has the viewer role in your organisation, which only reads: they can be a viewer of the deal.`,
    );
  if (input.role !== 'contributor' && input.askedParts !== undefined && input.askedParts.length > 0)
    throw unprocessable(
      'Only contributors are asked for parts: leave askedParts out for owners and viewers.',
    );
  const askedParts = input.role === 'contributor' ? (input.askedParts ?? [...CONTRIBUTION_PART_NAMES]) : [];
  if (input.role === 'contributor' && askedParts.length === 0)
    throw unprocessable('Ask a contributor for at least one part.');
  return askedParts;
}

/**
 * Adds a person of the caller's organisation to the side's team, or changes their role (owners
 * only). A contributor is asked for all parts unless told which; others are asked for none.
 */
export function putTeamMember(
  deps: Deps,
  caller: Caller,
  ids: { dealId: string; userId: string },
  input: z.output<typeof PutTeamMemberRequestSchema>,
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    await requireDealParty(trx, actor, ids.dealId, { forUpdate: true, writable: true, as: 'owner' });
    const person = await repo.findOrganisationUser(trx, actor.organisationId, ids.userId);
    if (!person) throw notFound('member of your organisation');
    const askedParts = askedPartsFor(person, input);
    const { created } = await repo.putTeamMember(trx, {
      deal_id: ids.dealId,
      organisation_id: actor.organisationId,
      user_id: person.id,
      role: input.role,
      asked_parts: askedParts,
      added_by: actor.id,
    });
    effects.audit('deal_team.member_set', {
      subject: { type: 'deal', id: ids.dealId },
      detail: { userId: person.id, role: input.role, askedParts: askedParts.join(' ') },
    });
    const member = (await repo.listTeam(trx, ids.dealId, actor.organisationId)).find(
      (row) => row.user_id === person.id,
    );
    if (!member) throw new AppError('conflict', 'The team changed while it was being written: try again.');
    return { created, member: memberView(member) };
  });
}

export function removeTeamMember(deps: Deps, caller: Caller, ids: { dealId: string; userId: string }) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    await requireDealParty(trx, actor, ids.dealId, { forUpdate: true, writable: true, as: 'owner' });
    if (!(await repo.removeTeamMember(trx, ids.dealId, ids.userId))) throw notFound('team member');
    effects.audit('deal_team.member_removed', {
      subject: { type: 'deal', id: ids.dealId },
      detail: { userId: ids.userId },
    });
  });
}
