import type { DB } from '@cg/db';
import { type Kysely, sql } from 'kysely';

const LEASE = sql<Date>`now() + interval '60 seconds'`;

/** Claims (scope, key) for a new request; false when a row exists already. */
export async function claim(
  db: Kysely<DB>,
  scope: string,
  key: string,
  requestHash: string,
  ttlHours: number,
): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      scope,
      key,
      request_hash: requestHash,
      state: 'in_progress',
      locked_until: LEASE,
      expires_at: sql`now() + make_interval(hours => ${ttlHours})`,
    })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findForUpdate(db: Kysely<DB>, scope: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .select([
      'request_hash',
      'state',
      'response',
      sql<boolean>`locked_until is not null and locked_until > now()`.as('leased'),
      sql<boolean>`expires_at <= now()`.as('expired'),
    ])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .forUpdate()
    .executeTakeFirst();
}

/** Takes over an abandoned or expired claim for a new attempt. */
export async function reclaim(
  db: Kysely<DB>,
  scope: string,
  key: string,
  requestHash: string,
  ttlHours: number,
) {
  await db
    .updateTable('idempotency_keys')
    .set({
      request_hash: requestHash,
      state: 'in_progress',
      response: null,
      locked_until: LEASE,
      expires_at: sql`now() + make_interval(hours => ${ttlHours})`,
    })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute();
}

export async function complete(db: Kysely<DB>, scope: string, key: string, response: string) {
  await db
    .updateTable('idempotency_keys')
    .set({ state: 'completed', response, locked_until: null })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('state', 'in', ['in_progress', 'committed'])
    .execute();
}

/** Marks a claim committed: called inside the transaction that makes the request's write. */
export async function markCommitted(db: Kysely<DB>, scope: string, key: string) {
  await db
    .updateTable('idempotency_keys')
    .set({ state: 'committed', locked_until: LEASE })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('state', '=', 'in_progress')
    .execute();
}

export async function release(db: Kysely<DB>, scope: string, key: string) {
  await db
    .deleteFrom('idempotency_keys')
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('state', '=', 'in_progress')
    .execute();
}

export async function deleteExpired(db: Kysely<DB>): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
