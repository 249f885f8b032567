import type { DB } from '@cg/db';
import type { Kysely } from 'kysely';
import { fanOut } from './repository.js';

/**
 * Queues the webhook deliveries of a deal event that was just recorded, in the same transaction
 * (the outbox): both commit together or neither does. Timeline types outside the webhook
 * catalogue add nothing; which type maps to which event is decided in the database function.
 */
export function enqueueWebhookDeliveries(trx: Kysely<DB>, dealEventId: string): Promise<number> {
  return fanOut(trx, dealEventId);
}
