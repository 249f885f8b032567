import type { Scope } from '@cg/contracts';
import { changeKeys, compileOnce, type Database, type DB, type Param } from '@cg/db';
import {
  type AliasedSelectQueryBuilder,
  type Compilable,
  type CompiledQuery,
  type Kysely,
  sql,
} from 'kysely';
import { AppError } from '../lib/problems.js';
import type { ReadCache } from './read-cache.js';

/** Who a verified access token says the caller is; checked against the database per request. */
export interface Principal {
  kind: 'user' | 'client';
  id: string;
  organisationId: string;
  /** For clients: the scopes the token was narrowed to. */
  tokenScopes?: Scope[] | undefined;
  /**
   * For users: the sign-in session the token belongs to (its refresh-token family). Signing out,
   * revoking the refresh token or a detected reuse ends the session, and its access tokens are
   * refused from the next request on, as those of a removed member are.
   */
  sessionId?: string | undefined;
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
interface ClientActor extends ActorBase {
  kind: 'client';
  name: string;
  scopes: Scope[];
}
export type Actor = UserActor | ClientActor;

/** The caller's row: its organisation and the user or client the token names, which must still exist. */
export interface ActorRow {
  organisationName: string;
  side: 'sales' | 'procurement';
  role: UserActor['role'] | null;
  email: string | null;
  name: string;
  scopes: string[] | null;
}

/**
 * The caller's row as a sub-query (`actor`), one shape for users and clients, so that a read can
 * select it in the same statement as its own rows.
 */
function actorQuery(db: Kysely<DB>, principal: Principal): AliasedSelectQueryBuilder<ActorRow, 'actor'> {
  if (principal.kind === 'user') {
    return db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select([
        'organisations.name as organisationName',
        'organisations.side',
        'users.role',
        'users.email',
        'users.name',
        sql<string[] | null>`null::text[]`.as('scopes'),
      ])
      .where('users.id', '=', principal.id)
      .where('users.organisation_id', '=', principal.organisationId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('refresh_tokens')
            .select(sql<number>`1`.as('live'))
            .where('refresh_tokens.organisation_id', '=', principal.organisationId)
            // A user token without a session names none: refused (fails closed).
            .where('refresh_tokens.family_id', '=', principal.sessionId ?? '')
            .where('refresh_tokens.revoked_at', 'is', null),
        ),
      )
      .$castTo<ActorRow>()
      .as('actor');
  }
  return db
    .selectFrom('api_clients')
    .innerJoin('organisations', 'organisations.id', 'api_clients.organisation_id')
    .select([
      'organisations.name as organisationName',
      'organisations.side',
      sql<UserActor['role'] | null>`null::text`.as('role'),
      sql<string | null>`null::text`.as('email'),
      'api_clients.name',
      'api_clients.scopes',
    ])
    .where('api_clients.id', '=', principal.id)
    .where('api_clients.organisation_id', '=', principal.organisationId)
    .$castTo<ActorRow>()
    .as('actor');
}

/** The actor a caller's row describes; scopes are the client's grant narrowed by its token. */
function toActor(principal: Principal, row: ActorRow): Actor {
  const base = {
    id: principal.id,
    organisationId: principal.organisationId,
    organisationName: row.organisationName,
    side: row.side,
    name: row.name,
  };
  if (principal.kind === 'user') {
    return { kind: 'user', ...base, role: row.role ?? 'viewer', email: row.email ?? '' };
  }
  const granted = (row.scopes ?? []) as Scope[];
  const scopes = principal.tokenScopes
    ? granted.filter((scope) => principal.tokenScopes?.includes(scope))
    : granted;
  return { kind: 'client', ...base, scopes };
}

const invalidActor = () =>
  new AppError('invalid-token', 'The access token no longer names an active user or client.');

/**
 * The actor a principal names, read in the caller's transaction: its user or client must still
 * exist (a removed member or a deleted client is refused at once, and role changes apply to the
 * next request), and a user's session must still be live. Role and scopes come from the
 * database, not the token.
 */
export async function loadActor(trx: Kysely<DB>, principal: Principal): Promise<Actor> {
  const row = await trx.selectFrom(actorQuery(trx, principal)).selectAll().executeTakeFirst();
  if (!row) throw invalidActor();
  return toActor(principal, row);
}

interface CallerParams {
  callerId: string;
  callerOrganisationId: string;
  callerSessionId: string;
}

/** A read of the caller's row and the read's own rows in one statement, compiled once per kind of caller. */
export type ActorRead<P, Row> = Record<Principal['kind'], (values: P & CallerParams) => CompiledQuery<Row>>;

/**
 * Defines a read for `readWithActor`: `read` selects from the `actor` sub-query (every actor
 * column) and adds its own columns with left joins, so a missing row means the caller no longer
 * exists. Its parameters are named (`param('dealId')`, and the caller's `callerId` and
 * `callerOrganisationId`) because the statement is compiled once.
 */
export function defineActorRead<P extends Record<string, unknown>, Row extends ActorRow>(
  read: (
    db: Kysely<DB>,
    actor: AliasedSelectQueryBuilder<ActorRow, 'actor'>,
    param: Param<P & CallerParams>,
  ) => Compilable<Row>,
): ActorRead<P, Row> {
  const variant = (kind: Principal['kind']) =>
    compileOnce<P & CallerParams, Row>((db, param) =>
      read(
        db,
        actorQuery(db, {
          kind,
          id: param('callerId'),
          organisationId: param('callerOrganisationId'),
          sessionId: param('callerSessionId'),
        }),
        param,
      ),
    );
  return { user: variant('user'), client: variant('client') };
}

/**
 * For the hottest reads: the caller's check and the read in one statement, which `readAsOrg`
 * sends in one round trip. A read-only counterpart of `withCaller`: the same checks, the same
 * confinement to the caller's organisation.
 */
export async function readWithActor<P extends Record<string, unknown>, Row extends ActorRow>(
  database: Database,
  principal: Principal,
  read: ActorRead<P, Row>,
  values: P,
): Promise<{ actor: Actor; row: Row }> {
  const query = read[principal.kind]({
    ...values,
    callerId: principal.id,
    callerOrganisationId: principal.organisationId,
    callerSessionId: principal.sessionId ?? '',
  });
  const [row] = await database.readAsOrg(principal.organisationId, query);
  if (!row) throw invalidActor();
  return { actor: toActor(principal, row), row };
}

/** The change keys (migration `announce_changes`) whose change can end or alter a caller's rights. */
export const callerChanges = (principal: Principal): string[] => [
  changeKeys[principal.kind](principal.id),
  changeKeys.organisation(principal.organisationId),
  ...(principal.kind === 'user' ? [changeKeys.session(principal.sessionId ?? '')] : []),
];

const callerCacheKey = (principal: Principal) =>
  `caller:${principal.kind}:${principal.id}:${principal.organisationId}:${principal.sessionId ?? ''}`;

const ACTOR_ROW_KEYS = ['organisationName', 'side', 'role', 'email', 'name', 'scopes'] as const;
const actorRowOf = (row: ActorRow): ActorRow =>
  Object.fromEntries(ACTOR_ROW_KEYS.map((key) => [key, row[key]])) as unknown as ActorRow;

export interface CachedRead<Row, Result> {
  /**
   * Where the result is kept. It must name everything the result depends on that the change
   * keys do not — at least the caller's organisation when the result is a party's view.
   */
  key: string;
  /** The change keys the result is computed from (besides the caller's own). */
  dependsOn: string[];
  /** Checks that run on every request, answered from the cache or not (role, scope). */
  authorize(actor: Actor): void;
  /** The result from the statement's row; throwing (404, …) keeps nothing. */
  compute(actor: Actor, row: Row): Result;
}

/**
 * `readWithActor` through the process's read cache (`read-cache.ts`): the caller's row and
 * the read's result are kept under the change keys they come from and served until one of them
 * changes — the same checks, in the same order, as the read that computed them. A caller that
 * no longer exists, a deal it is not party to, any refusal: nothing is kept, and the next
 * request asks the database again.
 */
export async function cachedReadWithActor<P extends Record<string, unknown>, Row extends ActorRow, Result>(
  database: Database,
  cache: ReadCache,
  principal: Principal,
  read: ActorRead<P, Row>,
  values: P,
  options: CachedRead<Row, Result>,
): Promise<Result> {
  const callerKey = callerCacheKey(principal);
  const cachedCaller = cache.get<ActorRow>(callerKey);
  if (cachedCaller) {
    const actor = toActor(principal, cachedCaller);
    options.authorize(actor);
    const cached = cache.get<Result>(options.key);
    if (cached !== undefined) return cached;
  }
  const ticket = cache.begin([...callerChanges(principal), ...options.dependsOn]);
  try {
    const { actor, row } = await readWithActor(database, principal, read, values);
    cache.keep(ticket, callerKey, actorRowOf(row), callerChanges(principal));
    options.authorize(actor);
    const result = options.compute(actor, row);
    cache.keep(ticket, options.key, result, options.dependsOn);
    return result;
  } finally {
    cache.finish(ticket);
  }
}

/**
 * Mail sent on a person's behalf (invitations by email) needs an address they proved is theirs;
 * an API client acts for its organisation, which an admin vouched for when creating it.
 */
export async function requireVerifiedEmail(trx: Kysely<DB>, actor: Actor): Promise<void> {
  if (actor.kind !== 'user') return;
  const row = await trx
    .selectFrom('users')
    .select('email_verified_at')
    .where('id', '=', actor.id)
    .executeTakeFirst();
  if (!row?.email_verified_at) {
    throw new AppError(
      'email-unverified',
      'Confirm your email address (follow the link we sent you, or ask for a new one) before sending invitations by email.',
    );
  }
}
