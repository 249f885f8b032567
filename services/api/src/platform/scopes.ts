import type { Scope } from '@cg/contracts';
import { AppError } from '../lib/problems.js';
import type { Actor, UserActor } from './caller.js';

/** What each role may do, in the vocabulary of client scopes. */
const ROLE_SCOPES: Record<UserActor['role'], readonly Scope[]> = {
  admin: ['deals:read', 'deals:write', 'assessments:read', 'assessments:write', 'webhooks:manage'],
  member: ['deals:read', 'deals:write', 'assessments:read', 'assessments:write'],
  viewer: ['deals:read', 'assessments:read'],
};

export function hasScope(actor: Actor, scope: Scope): boolean {
  return actor.kind === 'user' ? ROLE_SCOPES[actor.role].includes(scope) : actor.scopes.includes(scope);
}

/** 403 unless the caller may act with `scope`: viewers never write, clients only as granted. */
export function requireScope(actor: Actor, scope: Scope): void {
  if (hasScope(actor, scope)) return;
  const who = actor.kind === 'user' ? `The ${actor.role} role` : 'This API client';
  throw new AppError('forbidden', `${who} does not allow ${scope}.`);
}

/** Organisation administration (members, API clients) is for people with the admin role. */
export function requireAdmin(actor: Actor): asserts actor is UserActor & { role: 'admin' } {
  if (actor.kind === 'user' && actor.role === 'admin') return;
  throw new AppError('forbidden', 'Only administrators of the organisation may do this.');
}
