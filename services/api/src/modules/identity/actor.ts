import type { Scope } from '@cg/contracts';
import type { Database, DB } from '@cg/db';
import type { Transaction } from 'kysely';
import { AppError } from '../../lib/problems.js';

/** Who a verified access token says the caller is; checked against the database per request. */
export interface Principal {
  kind: 'user' | 'client';
  id: string;
  organisationId: string;
  /** For clients: the scopes the token was narrowed to. */
  tokenScopes?: Scope[] | undefined;
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

async function loadActor(trx: Transaction<DB>, principal: Principal): Promise<Actor | undefined> {
  const organisation = await trx
    .selectFrom('organisations')
    .select(['id', 'name', 'side'])
    .where('id', '=', principal.organisationId)
    .executeTakeFirst();
  if (!organisation) return undefined;
  const base = {
    id: principal.id,
    organisationId: organisation.id,
    side: organisation.side,
    organisationName: organisation.name,
  };
  if (principal.kind === 'user') {
    const user = await trx
      .selectFrom('users')
      .select(['role', 'email', 'name'])
      .where('id', '=', principal.id)
      .executeTakeFirst();
    return user && { kind: 'user', ...base, ...user };
  }
  const client = await trx
    .selectFrom('api_clients')
    .select(['name', 'scopes'])
    .where('id', '=', principal.id)
    .executeTakeFirst();
  if (!client) return undefined;
  const granted = client.scopes as Scope[];
  const scopes = principal.tokenScopes
    ? granted.filter((scope) => principal.tokenScopes?.includes(scope))
    : granted;
  return { kind: 'client', ...base, name: client.name, scopes };
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
  work: (trx: Transaction<DB>, actor: Actor) => Promise<T>,
): Promise<T> {
  return database.asOrg(principal.organisationId, async (trx) => {
    const actor = await loadActor(trx, principal);
    if (!actor)
      throw new AppError('invalid-token', 'The access token no longer names an active user or client.');
    return work(trx, actor);
  });
}
