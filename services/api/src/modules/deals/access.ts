import type { DB } from '@cg/db';
import type { Side } from '@cg/domain';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../../lib/problems.js';
import type { Actor } from '../identity/actor.js';
import { type DealRow, findDeal, lockDeal } from './repository.js';
import { isClosed, sideOf } from './view.js';

/**
 * The deal as the caller's organisation may see it, with the side it is on. A deal it is no
 * party to does not exist for it (404) — the query runs under row-level security, so this holds
 * even if a check were forgotten. With `forUpdate`, the deal's row is locked for the transaction.
 */
export async function requireDealParty(
  trx: Kysely<DB>,
  actor: Actor,
  dealId: string,
  options: { forUpdate?: boolean; writable?: boolean } = {},
): Promise<{ deal: DealRow; side: Side }> {
  if (options.forUpdate && !(await lockDeal(trx, dealId))) throw notFound('deal');
  const party = dealParty(actor, await findDeal(trx, dealId));
  if (options.writable && isClosed(party.deal)) {
    throw new AppError('conflict', `The deal is ${party.deal.status}: it is read-only.`);
  }
  return party;
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
