import type { DB } from '@cg/db';
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';

type EndpointRow = Selectable<DB['webhook_endpoints']>;

const ENDPOINT_COLUMNS = [
  'id',
  'url',
  'events',
  'status',
  'disabled_at',
  'disabled_reason',
  'created_at',
  'secret_rotated_at',
  'previous_secret_expires_at',
] as const;
export type EndpointSummary = Pick<EndpointRow, (typeof ENDPOINT_COLUMNS)[number]>;

// --- endpoints (requests: row-level security confines them to the caller's organisation) ---

export function insertEndpoint(db: Kysely<DB>, endpoint: Insertable<DB['webhook_endpoints']>) {
  return db
    .insertInto('webhook_endpoints')
    .values(endpoint)
    .returning(ENDPOINT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function countEndpoints(db: Kysely<DB>, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('webhook_endpoints')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function listEndpoints(db: Kysely<DB>, options: { limit: number; beforeId?: string | undefined }) {
  let query = db
    .selectFrom('webhook_endpoints')
    .select(ENDPOINT_COLUMNS)
    .orderBy('id', 'desc')
    .limit(options.limit + 1);
  if (options.beforeId) query = query.where('id', '<', options.beforeId);
  return query.execute();
}

export function findEndpoint(db: Kysely<DB>, id: string) {
  return db.selectFrom('webhook_endpoints').select(ENDPOINT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function deleteEndpoint(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db
    .deleteFrom('webhook_endpoints')
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The new secret signs from now on; the one it replaces keeps signing until `graceUntil`. */
export function rotateSecret(db: Kysely<DB>, id: string, sealedSecret: string, graceUntil: Date) {
  return db
    .updateTable('webhook_endpoints')
    .set((eb) => ({
      previous_secret_sealed: eb.ref('secret_sealed'),
      previous_secret_expires_at: graceUntil,
      secret_sealed: sealedSecret,
      secret_rotated_at: sql<Date>`date_trunc('milliseconds', now())`,
    }))
    .where('id', '=', id)
    .returning(ENDPOINT_COLUMNS)
    .executeTakeFirst();
}

/** The next `limit` endpoints after `afterId` with their sealed secrets, locked (system path). */
export function lockEndpointSecrets(db: Kysely<DB>, options: { afterId: string; limit: number }) {
  return db
    .selectFrom('webhook_endpoints')
    .select(['id', 'secret_sealed', 'previous_secret_sealed'])
    .where('id', '>', options.afterId)
    .orderBy('id')
    .limit(options.limit)
    .forUpdate()
    .execute();
}

export async function replaceSealedSecrets(
  db: Kysely<DB>,
  id: string,
  sealed: { secret: string; previous: string | null },
) {
  await db
    .updateTable('webhook_endpoints')
    .set({ secret_sealed: sealed.secret, previous_secret_sealed: sealed.previous })
    .where('id', '=', id)
    .execute();
}

/** The delivery log of one endpoint, newest attempt first. */
export function listAttempts(
  db: Kysely<DB>,
  endpointId: string,
  options: { limit: number; beforeSeq?: number | undefined },
) {
  let query = db
    .selectFrom('webhook_attempts as a')
    .innerJoin('webhook_deliveries as d', 'd.id', 'a.delivery_id')
    .select([
      'a.seq',
      'a.delivery_id',
      'a.attempt',
      'a.attempted_at',
      'a.duration_ms',
      'a.status_code',
      'a.error',
      'a.outcome',
      'a.next_retry_at',
      'd.deal_event_id',
      'd.event_type',
      'd.deal_id',
    ])
    .where('a.endpoint_id', '=', endpointId)
    .orderBy('a.seq', 'desc')
    .limit(options.limit + 1);
  if (options.beforeSeq !== undefined) query = query.where('a.seq', '<', String(options.beforeSeq));
  return query.execute();
}

// --- the worker (system path) ---------------------------------------------------------------

export type ClaimedDelivery = Awaited<ReturnType<typeof claimDueDeliveries>>[number];

/**
 * Claims up to `limit` due deliveries of active endpoints: rows another worker holds are skipped
 * (`FOR UPDATE SKIP LOCKED`), and each claimed row counts one more attempt and is leased — its
 * `next_attempt_at` moves to the end of the lease, so if this process dies the delivery becomes
 * due again by itself and is attempted anew with the same `webhook-id`.
 */
export function claimDueDeliveries(db: Kysely<DB>, options: { limit: number; leaseSeconds: number }) {
  return db
    .with('due', (qb) =>
      qb
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_endpoints as w', 'w.id', 'd.endpoint_id')
        .select('d.id')
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', sql<Date>`now()`)
        .where('w.status', '=', 'active')
        .orderBy('d.next_attempt_at')
        .limit(options.limit)
        .forUpdate('d')
        .skipLocked(),
    )
    .updateTable('webhook_deliveries as d')
    .from(['due', 'webhook_endpoints as w', 'deal_events as e'])
    .set((eb) => ({
      attempts: eb('d.attempts', '+', 1),
      last_attempt_at: sql<Date>`now()`,
      next_attempt_at: sql<Date>`now() + make_interval(secs => ${options.leaseSeconds})`,
    }))
    .whereRef('d.id', '=', 'due.id')
    .whereRef('w.id', '=', 'd.endpoint_id')
    .whereRef('e.id', '=', 'd.deal_event_id')
    .returning([
      'd.id',
      'd.organisation_id',
      'd.endpoint_id',
      'd.deal_id',
      'd.event_type',
      'd.attempts',
      'w.url',
      'w.secret_sealed',
      'w.previous_secret_sealed',
      'w.previous_secret_expires_at',
      'e.id as deal_event_id',
      'e.type as timeline_type',
      'e.occurred_at',
      'e.side',
      'e.data',
    ])
    .execute();
}

export interface AttemptRecord {
  deliveryId: string;
  attempt: number;
  organisationId: string;
  endpointId: string;
  attemptedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  outcome: 'succeeded' | 'retrying' | 'failed';
  /** For `retrying`: seconds from now until the next attempt. */
  retryInSeconds?: number;
}

/**
 * Settles an attempt and logs it — only if this worker still holds the delivery (same attempt
 * number, still pending); after a lost lease it changes nothing and returns null.
 */
export async function recordAttempt(db: Kysely<DB>, record: AttemptRecord) {
  const settled = await db
    .updateTable('webhook_deliveries')
    .set(
      record.outcome === 'retrying'
        ? { next_attempt_at: sql<Date>`now() + make_interval(secs => ${record.retryInSeconds ?? 0})` }
        : { status: record.outcome, completed_at: sql<Date>`now()` },
    )
    .where('id', '=', record.deliveryId)
    .where('attempts', '=', record.attempt)
    .where('status', '=', 'pending')
    .returning(['next_attempt_at'])
    .executeTakeFirst();
  if (!settled) return null;
  await db
    .insertInto('webhook_attempts')
    .values({
      delivery_id: record.deliveryId,
      attempt: record.attempt,
      organisation_id: record.organisationId,
      endpoint_id: record.endpointId,
      attempted_at: record.attemptedAt,
      duration_ms: record.durationMs,
      status_code: record.statusCode,
      error: record.error,
      outcome: record.outcome,
      next_retry_at: record.outcome === 'retrying' ? settled.next_attempt_at : null,
    })
    .execute();
  return settled;
}

/** Disables an endpoint and cancels what was still waiting for it; null if it was not active. */
export async function disableEndpoint(db: Kysely<DB>, id: string, reason: string) {
  const endpoint = await db
    .updateTable('webhook_endpoints')
    .set({ status: 'disabled', disabled_at: sql<Date>`now()`, disabled_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .returning(['id', 'organisation_id'])
    .executeTakeFirst();
  if (!endpoint) return null;
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'cancelled', completed_at: sql<Date>`now()` })
    .where('endpoint_id', '=', id)
    .where('status', '=', 'pending')
    .execute();
  return endpoint;
}

/** Deliveries still to be made (due now or later), for the queue-depth gauge. */
export async function countPendingDeliveries(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
