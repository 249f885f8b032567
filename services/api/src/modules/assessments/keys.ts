import { type DB, generateDataKey, type Keyring, unwrapDataKey, wrapDataKey } from '@cg/db';
import type { Kysely } from 'kysely';
import { findDealKey, insertDealKey } from './repository.js';

/** Creates the deal's data key (stored wrapped by the current master key) with the deal. */
export async function createDealKey(trx: Kysely<DB>, keyring: Keyring, dealId: string): Promise<void> {
  const { wrappedKey, masterKeyId } = wrapDataKey(keyring, dealId, generateDataKey());
  await insertDealKey(trx, { deal_id: dealId, wrapped_key: wrappedKey, master_key_id: masterKeyId });
}

export async function dealDataKey(trx: Kysely<DB>, keyring: Keyring, dealId: string): Promise<Buffer> {
  const row = await findDealKey(trx, dealId);
  if (!row) throw new Error(`deal ${dealId} has no data key`);
  return unwrapDataKey(keyring, dealId, row.wrapped_key, row.master_key_id);
}
