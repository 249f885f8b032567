import type { Scope } from '@cg/contracts';
import type { Database, DB } from '@cg/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../lib/problems.js';
import { type IdempotencyClaim, markClaimCommitted } from '../idempotency/service.js';

/** Who a verified access token says the caller is; checked against the database per request. */
export interface Principal {
  kind: 'user' | 'client';
  id: string;
  organisationId: string;
  /** For clients: the scopes the token was narrowed to. */
  tokenScopes?: Scope[] | undefined;
  /** Set by the idempotency plugin: the key this request holds, to mark in the write's transaction. */
  idempotencyClaim?: IdempotencyClaim | undefined;
}

interface ActorBase {
  id: string;
  organisationId: string;
  side: 'sales' | 'procurement';
  organisationName: string;
}
export interface UserActor extends ActorBase {
  kind: 'user';
  role: 'admin' | 'member' | 'viewer';
  email: string;
  name: string;
}
export interface ClientActor extends ActorBase {
  kind: 'client';
  name: string;
  scopes: Scope[];
}
export type Actor = UserActor | ClientActor;

async function loadActor(trx: Kysely<DB>, principal: Principal): Promise<Actor | undefined> {
  // One query per request: the organisation and the user or client, which must still exist.
  if (principal.kind === 'user') {
    const row = await trx
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select([
        'organisations.name as organisationName',
        'organisations.side',
        'users.role',
        'users.email',
        'users.name',
      ])
      .where('users.id', '=', principal.id)
      .where('users.organisation_id', '=', principal.organisationId)
      .executeTakeFirst();
    return row && { kind: 'user', id: principal.id, organisationId: principal.organisationId, ...row };
  }
  const row = await trx
    .selectFrom('api_clients')
    .innerJoin('organisations', 'organisations.id', 'api_clients.organisation_id')
    .select([
      'organisations.name as organisationName',
      'organisations.side',
      'api_clients.name',
      'api_clients.scopes',
    ])
    .where('api_clients.id', '=', principal.id)
    .where('api_clients.organisation_id', '=', principal.organisationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const granted = row.scopes as Scope[];
  const scopes = principal.tokenScopes
    ? granted.filter((scope) => principal.tokenScopes?.includes(scope))
    : granted;
  return {
    kind: 'client',
    id: principal.id,
    organisationId: principal.organisationId,
    organisationName: row.organisationName,
    side: row.side,
    name: row.name,
    scopes,
  };
}

/**
 * Runs `work` in one transaction confined to the caller's organisation, after checking that the
 * token's user or client still exists (a removed member or a deleted client is refused at once,
 * and role changes apply to the next request). Role and scopes come from the database, not the
 * token.
 */
export function withActor<T>(
  database: Database,
  principal: Principal,
  work: (trx: Kysely<DB>, actor: Actor) => Promise<T>,
): Promise<T> {
  return database.asOrg(principal.organisationId, async (trx) => {
    const actor = await loadActor(trx, principal);
    if (!actor) {
      throw new AppError('invalid-token', 'The access token no longer names an active user or client.');
    }
    const result = await work(trx, actor);
    if (principal.idempotencyClaim) await markClaimCommitted(trx, principal.idempotencyClaim);
    return result;
  });
}
