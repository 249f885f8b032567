import { type Database, type DB, generateDataKey, type Keyring, unwrapDataKey, wrapDataKey } from '@cg/db';
import type { Kysely } from 'kysely';
import {
  countKeysNotWrappedBy,
  insertDealKey,
  lockKeysNotWrappedBy,
  replaceWrappedKey,
} from './repository.js';

/** Creates the deal's data key (stored wrapped by the current master key) with the deal. */
export async function createDealKey(trx: Kysely<DB>, keyring: Keyring, dealId: string): Promise<void> {
  const { wrappedKey, masterKeyId } = wrapDataKey(keyring, dealId, generateDataKey());
  await insertDealKey(trx, { deal_id: dealId, wrapped_key: wrappedKey, master_key_id: masterKeyId });
}

/**
 * Re-wraps every deal's data key under the current master key, in small locked batches, so it
 * can run beside live traffic (the data itself is never touched: it stays encrypted under the
 * same data keys). Needs the previous master keys in the keyring to unwrap.
 */
export async function rewrapDataKeys(
  database: Database,
  keyring: Keyring,
  onProgress: (done: number, total: number) => void = () => {},
  batchSize = 200,
): Promise<number> {
  const total = await database.asSystem((trx) => countKeysNotWrappedBy(trx, keyring.current.id));
  let done = 0;
  for (;;) {
    const batch = await database.asSystem(async (trx) => {
      const rows = await lockKeysNotWrappedBy(trx, keyring.current.id, batchSize);
      for (const row of rows) {
        const dataKey = unwrapDataKey(keyring, row.deal_id, row.wrapped_key, row.master_key_id);
        const { wrappedKey, masterKeyId } = wrapDataKey(keyring, row.deal_id, dataKey);
        await replaceWrappedKey(trx, row.deal_id, wrappedKey, masterKeyId);
      }
      return rows.length;
    });
    if (batch === 0) break;
    done += batch;
    onProgress(done, Math.max(total, done));
  }
  return done;
}
