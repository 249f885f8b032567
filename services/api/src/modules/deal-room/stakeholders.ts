import type { CreateStakeholderRequestSchema, UpdateStakeholderRequestSchema } from '@cg/contracts';
import { type DB, openContent, sealContent } from '@cg/db';
import type { Side } from '@cg/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { newId } from '../../lib/ids.js';
import { notFound, unprocessable } from '../../lib/problems.js';
import type { Actor } from '../../platform/caller.js';
import { requireScope } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { dataKeyOf, requireDealParty } from './access.js';
import type { DealRoomDeps } from './dependencies.js';
import { checkIfMatch } from './milestones.js';
import type { DealToWorkOn } from './repository.js';
import * as repo from './team-repository.js';

/*
 * The stakeholder map (issue 17): the people of either organisation with a role in the buying
 * decision, as one side sees them. Private to that side — row-level security on its
 * organisation — and its notes are private inputs, sealed with the deal's data key.
 */

type Deps = Pick<DealRoomDeps, 'database' | 'keyring'>;
type StakeholderRow = Awaited<ReturnType<typeof repo.listStakeholders>>[number];

const stakeholderEtag = (row: Pick<StakeholderRow, 'version'>) => `"s${row.version}"`;
const notesBinding = (deal: Pick<DealToWorkOn, 'id'>, side: Side, id: string) => ({
  dealId: deal.id,
  side,
  revision: `stakeholder:${id}`,
});

function view(keyring: Deps['keyring'], deal: DealToWorkOn, side: Side, row: StakeholderRow) {
  return {
    id: row.id,
    name: row.name,
    side: row.side,
    role: row.role,
    influence: row.influence,
    stance: row.stance,
    memberUserId: row.member_user_id,
    notes:
      row.notes === null
        ? null
        : openContent(dataKeyOf(keyring, deal), row.notes, notesBinding(deal, side, row.id)),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A linked member must be a person of the caller's own organisation. */
async function checkedMember(trx: Kysely<DB>, actor: Actor, memberUserId: string | null | undefined) {
  if (memberUserId === undefined || memberUserId === null) return memberUserId;
  if (!(await repo.findOrganisationUser(trx, actor.organisationId, memberUserId)))
    throw unprocessable('memberUserId must be a person of your organisation.');
  return memberUserId;
}

export function listStakeholders(deps: Deps, caller: Caller, dealId: string) {
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireScope(actor, 'deals:read');
    const { deal, side } = await requireDealParty(trx, actor, dealId);
    const rows = await repo.listStakeholders(trx, dealId, actor.organisationId);
    return { data: rows.map((row) => view(deps.keyring, deal, side, row)) };
  });
}

export function createStakeholder(
  deps: Deps,
  caller: Caller,
  dealId: string,
  input: z.output<typeof CreateStakeholderRequestSchema>,
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    const { deal, side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    const id = newId('stk');
    const notes = input.notes ?? null;
    const row = await repo.insertStakeholder(trx, {
      id,
      deal_id: dealId,
      organisation_id: actor.organisationId,
      name: input.name,
      side: input.side,
      role: input.role,
      influence: input.influence,
      stance: input.stance,
      member_user_id: (await checkedMember(trx, actor, input.memberUserId)) ?? null,
      notes:
        notes === null
          ? null
          : sealContent(dataKeyOf(deps.keyring, deal), notes, notesBinding(deal, side, id)),
    });
    effects.audit('stakeholder.created', {
      subject: { type: 'deal', id: dealId },
      detail: { stakeholderId: id },
    });
    return { body: view(deps.keyring, deal, side, row), etag: stakeholderEtag(row) };
  });
}

export function updateStakeholder(
  deps: Deps,
  caller: Caller,
  ids: { dealId: string; stakeholderId: string },
  input: z.output<typeof UpdateStakeholderRequestSchema>,
  ifMatch: string | undefined,
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    const { deal, side } = await requireDealParty(trx, actor, ids.dealId, {
      forUpdate: true,
      writable: true,
    });
    const existing = await repo.findStakeholder(trx, ids.dealId, ids.stakeholderId);
    if (!existing) throw notFound('stakeholder');
    checkIfMatch(ifMatch, stakeholderEtag(existing), 'stakeholder');
    const { notes, memberUserId, ...plain } = input;
    const row = await repo.updateStakeholder(trx, ids.dealId, ids.stakeholderId, {
      ...plain,
      ...(memberUserId !== undefined
        ? { member_user_id: await checkedMember(trx, actor, memberUserId) }
        : {}),
      ...(notes !== undefined
        ? {
            notes:
              notes === null
                ? null
                : sealContent(dataKeyOf(deps.keyring, deal), notes, notesBinding(deal, side, existing.id)),
          }
        : {}),
    });
    effects.audit('stakeholder.updated', {
      subject: { type: 'deal', id: ids.dealId },
      detail: { stakeholderId: existing.id },
    });
    return { body: view(deps.keyring, deal, side, row), etag: stakeholderEtag(row) };
  });
}

export function deleteStakeholder(
  deps: Deps,
  caller: Caller,
  ids: { dealId: string; stakeholderId: string },
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    await requireDealParty(trx, actor, ids.dealId, { forUpdate: true, writable: true });
    if (!(await repo.deleteStakeholder(trx, ids.dealId, ids.stakeholderId))) throw notFound('stakeholder');
    effects.audit('stakeholder.deleted', {
      subject: { type: 'deal', id: ids.dealId },
      detail: { stakeholderId: ids.stakeholderId },
    });
  });
}
