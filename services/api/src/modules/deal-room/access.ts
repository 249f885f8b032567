import type { ContributionPartName, DB, DealRole } from '@cg/db';
import { type Keyring, unwrapDataKey } from '@cg/db';
import type { Side } from '@cg/domain';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../../lib/problems.js';
import type { Actor } from '../../platform/caller.js';
import { type DealRow, type DealToWorkOn, findDealToWorkOn } from './repository.js';
import { findTeamMember } from './team-repository.js';

/**
 * The deal as the caller's organisation may work on it, with the side it is on, read (and with
 * `forUpdate` locked) in one statement. A deal it is no party to does not exist for it (404) —
 * the query runs under row-level security, so this holds even if a check were forgotten.
 */
export async function requireDealParty(
  trx: Kysely<DB>,
  actor: Actor,
  dealId: string,
  options: { forUpdate?: boolean; writable?: boolean; as?: DealRole } = {},
): Promise<{ deal: DealToWorkOn; side: Side }> {
  const party = dealParty(actor, await findDealToWorkOn(trx, dealId, { lock: options.forUpdate ?? false }));
  if (options.writable && isClosed(party.deal)) {
    throw new AppError('conflict', `The deal is ${party.deal.status}: it is read-only.`);
  }
  // Every write needs at least a contributor of the side; what only owners do says so.
  const least = options.as ?? (options.writable ? 'contributor' : 'viewer');
  if (least !== 'viewer') requireDealRole(await dealStandingOf(trx, actor, dealId), least);
  return party;
}

/** What a caller may do on one deal, and whether that comes from the deal team or its organisation. */
export interface DealStanding {
  role: DealRole;
  askedParts: ContributionPartName[];
  source: 'team' | 'organisation';
}

const ROLE_RANK: Record<DealRole, number> = { viewer: 0, contributor: 1, owner: 2 };

/**
 * The caller's role on a deal its organisation is party to. Administrators and API clients act
 * as owners (a client's scopes still decide); an organisation viewer only reads; anyone else has
 * the role the side's team gives them, and reads when not on it.
 */
export async function dealStandingOf(trx: Kysely<DB>, actor: Actor, dealId: string): Promise<DealStanding> {
  if (actor.kind === 'client' || actor.role === 'admin')
    return { role: 'owner', askedParts: [], source: 'organisation' };
  if (actor.role === 'viewer') return { role: 'viewer', askedParts: [], source: 'organisation' };
  const member = await findTeamMember(trx, dealId, actor.id);
  if (!member) return { role: 'viewer', askedParts: [], source: 'organisation' };
  return { role: member.role, askedParts: member.asked_parts, source: 'team' };
}

function requireDealRole(standing: DealStanding, least: DealRole): void {
  if (ROLE_RANK[standing.role] >= ROLE_RANK[least]) return;
  const yours =
    standing.source === 'team'
      ? `You are a ${standing.role} of this deal`
      : 'You are not on this deal’s team';
  throw new AppError(
    'forbidden',
    `${yours}: this needs ${least === 'owner' ? 'an owner' : 'a contributor or owner'}. An owner of your side can change your role.`,
  );
}

/** A deal read for the caller with the caller's side; 404 unless the caller's organisation is a party. */
export function dealParty<Deal extends Pick<DealRow, 'sales_org_id' | 'procurement_org_id'>>(
  actor: Actor,
  deal: Deal | undefined,
): { deal: Deal; side: Side } {
  if (
    !deal ||
    (deal.sales_org_id !== actor.organisationId && deal.procurement_org_id !== actor.organisationId)
  ) {
    throw notFound('deal');
  }
  return { deal, side: sideOf(deal, actor.organisationId) };
}

/** The deal's data key, unwrapped by the master keyring: what seals and opens its private inputs. */
export const dataKeyOf = (
  keyring: Keyring,
  deal: Pick<DealToWorkOn, 'id' | 'wrapped_key' | 'master_key_id'>,
) => unwrapDataKey(keyring, deal.id, deal.wrapped_key, deal.master_key_id);

const sideOf = (deal: Pick<DealRow, 'sales_org_id'>, organisationId: string): Side =>
  deal.sales_org_id === organisationId ? 'sales' : 'procurement';

export const isClosed = (deal: DealRow) =>
  deal.status === 'won' || deal.status === 'lost' || deal.status === 'withdrawn';
