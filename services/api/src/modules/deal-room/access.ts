import type { DB } from '@cg/db';
import { type Keyring, unwrapDataKey } from '@cg/db';
import type { Side } from '@cg/domain';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../../lib/problems.js';
import type { Actor } from '../../platform/caller.js';
import { type DealRow, type DealToWorkOn, findDealToWorkOn } from './repository.js';

/**
 * The deal as the caller's organisation may work on it, with the side it is on, read (and with
 * `forUpdate` locked) in one statement. A deal it is no party to does not exist for it (404) —
 * the query runs under row-level security, so this holds even if a check were forgotten.
 */
export async function requireDealParty(
  trx: Kysely<DB>,
  actor: Actor,
  dealId: string,
  options: { forUpdate?: boolean; writable?: boolean } = {},
): Promise<{ deal: DealToWorkOn; side: Side }> {
  const party = dealParty(actor, await findDealToWorkOn(trx, dealId, { lock: options.forUpdate ?? false }));
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

/** The deal's data key, unwrapped by the master keyring: what seals and opens its private inputs. */
export const dataKeyOf = (
  keyring: Keyring,
  deal: Pick<DealToWorkOn, 'id' | 'wrapped_key' | 'master_key_id'>,
) => unwrapDataKey(keyring, deal.id, deal.wrapped_key, deal.master_key_id);

const sideOf = (deal: Pick<DealRow, 'sales_org_id'>, organisationId: string): Side =>
  deal.sales_org_id === organisationId ? 'sales' : 'procurement';

export const isClosed = (deal: DealRow) =>
  deal.status === 'won' || deal.status === 'lost' || deal.status === 'withdrawn';
