import { createHash } from 'node:crypto';
import { type Database, type DB, type Keyring, openWithKeyring, sealWithKeyring } from '@cg/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../lib/problems.js';
import * as repo from './repository.js';

const IDEMPOTENCY_TTL_HOURS = 24;

export interface StoredReply {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type ClaimOutcome = { kind: 'proceed' } | { kind: 'replay'; reply: StoredReply };

/** JSON with sorted keys, so the same body sent with another key order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

const purpose = (scope: string, key: string) => `common-ground/idempotency/${scope}/${key}`;

/**
 * Claims an idempotency key for a request (Stripe's semantics, PLATFORM-NOTES): the first
 * completed reply is replayed; the same key with another request is a 422; a retry while the
 * first is still running is a 409. A claim whose process died is taken over after its lease.
 */
export async function claimKey(
  database: Database,
  keyring: Keyring,
  scope: string,
  key: string,
  fingerprint: string,
): Promise<ClaimOutcome> {
  return database.asSystem(async (trx) => {
    if (await repo.claim(trx, scope, key, fingerprint, IDEMPOTENCY_TTL_HOURS)) return { kind: 'proceed' };
    const existing = await repo.findForUpdate(trx, scope, key);
    if (!existing || existing.expired) {
      await repo.reclaim(trx, scope, key, fingerprint, IDEMPOTENCY_TTL_HOURS);
      return { kind: 'proceed' };
    }
    if (existing.request_hash !== fingerprint) {
      throw new AppError(
        'idempotency-key-reused',
        'This Idempotency-Key was used with a different request; use a new key.',
      );
    }
    if (existing.state === 'completed' && existing.response) {
      return {
        kind: 'replay',
        reply: JSON.parse(openWithKeyring(keyring, existing.response, purpose(scope, key))) as StoredReply,
      };
    }
    if (existing.leased) {
      throw new AppError(
        'idempotency-in-progress',
        'A request with this Idempotency-Key is still being processed; retry shortly.',
        {
          headers: { 'retry-after': '1' },
        },
      );
    }
    if (existing.state === 'committed') {
      // The write committed but its reply was lost before it could be stored: never write twice.
      throw new AppError(
        'conflict',
        'The request with this Idempotency-Key was carried out, but its reply could not be kept: read the resource instead of retrying.',
      );
    }
    // In progress, but its lease ran out: the process handling it died before committing.
    await repo.reclaim(trx, scope, key, fingerprint, IDEMPOTENCY_TTL_HOURS);
    return { kind: 'proceed' };
  });
}

/** The claim a request holds, for the transaction that makes its write to mark. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
}

export const markClaimCommitted = (trx: Kysely<DB>, claim: IdempotencyClaim) =>
  repo.markCommitted(trx, claim.scope, claim.key);

export function completeKey(
  database: Database,
  keyring: Keyring,
  scope: string,
  key: string,
  reply: StoredReply,
) {
  return database.asSystem((trx) =>
    repo.complete(trx, scope, key, sealWithKeyring(keyring, JSON.stringify(reply), purpose(scope, key))),
  );
}

export function releaseKey(database: Database, scope: string, key: string) {
  return database.asSystem((trx) => repo.release(trx, scope, key));
}

export function deleteExpiredKeys(database: Database) {
  return database.asSystem((trx) => repo.deleteExpired(trx));
}
