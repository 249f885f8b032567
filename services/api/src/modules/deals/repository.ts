import type { DB } from '@cg/db';
import type { AliasedSelectQueryBuilder, Insertable, Kysely, Updateable } from 'kysely';
import { type ActorRow, defineActorRead } from '../identity/actor.js';

const DEAL_COLUMNS = [
  'deals.id',
  'deals.title',
  'deals.description',
  'deals.value_amount',
  'deals.value_currency',
  'deals.expected_decision_at',
  'deals.status',
  'deals.sales_org_id',
  'deals.procurement_org_id',
  'deals.created_at',
  'deals.updated_at',
  'deals.version',
  'deals.round',
  'deals.round_budget',
  'deals.report_ready',
  'deals.sales_round_revision',
  'deals.procurement_round_revision',
  'deals.sales_revision',
  'deals.procurement_revision',
] as const;

/** A deal with the names of its parties; rows the caller's organisation is no party to do not exist. */
function selectDeals(db: Kysely<DB>) {
  return db
    .selectFrom('deals')
    .leftJoin('organisations as sales', 'sales.id', 'deals.sales_org_id')
    .leftJoin('organisations as procurement', 'procurement.id', 'deals.procurement_org_id')
    .select([...DEAL_COLUMNS, 'sales.name as sales_name', 'procurement.name as procurement_name']);
}

export type DealRow = NonNullable<Awaited<ReturnType<typeof findDeal>>>;

const unqualified = (column: `deals.${string}`) => column.slice('deals.'.length);
const DEAL_ROW_KEYS = [
  ...DEAL_COLUMNS.map(unqualified),
  'sales_name',
  'procurement_name',
] as (keyof DealRow)[];

/**
 * The caller's row with the deal beside it, in one statement (`readWithActor`): the deal's
 * columns are null when it does not exist or the caller's organisation is no party to it.
 */
export const actorWithDeal = defineActorRead<{ dealId: string }, ActorRow & Nullable<DealRow>>(
  (db, actor, param) =>
    db
      .selectFrom(actor)
      .leftJoin(selectDeals(db).where('deals.id', '=', param('dealId')).as('deal'), (join) => join.onTrue())
      .selectAll('actor')
      .selectAll('deal'),
);

/** What a deal's alignment read needs of it: its parties and its round state, without names. */
const DEAL_STATE_COLUMNS = [
  'deals.id',
  'deals.sales_org_id',
  'deals.procurement_org_id',
  'deals.round',
  'deals.round_budget',
  'deals.report_ready',
  'deals.sales_round_revision',
  'deals.procurement_round_revision',
] as const;
const DEAL_STATE_KEYS = DEAL_STATE_COLUMNS.map(unqualified) as (keyof DealState)[];
type Unqualified<Column> = Column extends `deals.${infer Name}` ? Name : never;
export type DealState = Pick<DealRow, Unqualified<(typeof DEAL_STATE_COLUMNS)[number]> & keyof DealRow>;

/**
 * The caller's row with the deal's parties and round state beside it (null when the caller's
 * organisation is no party to it), for a read to join more to in one statement.
 */
export function selectActorWithDealState(
  db: Kysely<DB>,
  actor: AliasedSelectQueryBuilder<ActorRow, 'actor'>,
  dealId: string,
) {
  return db
    .selectFrom(actor)
    .leftJoin(
      db.selectFrom('deals').select(DEAL_STATE_COLUMNS).where('deals.id', '=', dealId).as('deal'),
      (join) => join.onTrue(),
    )
    .selectAll('actor')
    .selectAll('deal');
}

export type Nullable<Row> = { [K in keyof Row]: Row[K] | null };

/** The deal in a row of `actorWithDeal`, or undefined where there is none. */
export const dealIn = (row: Nullable<DealRow>) => columnsIn<DealRow>(row, DEAL_ROW_KEYS);
/** The deal in a row of `selectActorWithDealState`, or undefined where there is none. */
export const dealStateIn = (row: Nullable<DealState>) => columnsIn<DealState>(row, DEAL_STATE_KEYS);

function columnsIn<Row extends { id: string }>(
  row: Nullable<Row>,
  keys: readonly (keyof Row)[],
): Row | undefined {
  if (row.id === null) return undefined;
  const picked = {} as Record<keyof Row, unknown>;
  for (const key of keys) picked[key] = row[key];
  return picked as Row;
}

export function findDeal(db: Kysely<DB>, id: string) {
  return selectDeals(db).where('deals.id', '=', id).executeTakeFirst();
}

/** Locks the deal's row: writes that depend on its state (rounds, status) serialise on it. */
export async function lockDeal(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db.selectFrom('deals').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return row !== undefined;
}

export function listDeals(
  db: Kysely<DB>,
  options: {
    side: 'sales' | 'procurement';
    organisationId: string;
    limit: number;
    beforeId?: string | undefined;
    status?: string | undefined;
  },
) {
  const column = options.side === 'sales' ? 'sales_org_id' : 'procurement_org_id';
  // The page is cut from `deals` alone and only then joined for the parties' names: row-level
  // security checks a counterparty's organisation row once per deal on the page, not once per
  // deal of the organisation (bench/RESULTS.md, "Scale").
  let page = db
    .selectFrom('deals')
    .selectAll()
    .where(column, '=', options.organisationId)
    .orderBy('id', 'desc')
    .limit(options.limit + 1);
  if (options.beforeId) page = page.where('id', '<', options.beforeId);
  if (options.status) page = page.where('status', '=', options.status as DealRow['status']);
  return db
    .selectFrom(page.as('deals'))
    .leftJoin('organisations as sales', 'sales.id', 'deals.sales_org_id')
    .leftJoin('organisations as procurement', 'procurement.id', 'deals.procurement_org_id')
    .select([...DEAL_COLUMNS, 'sales.name as sales_name', 'procurement.name as procurement_name'])
    .orderBy('deals.id', 'desc')
    .execute();
}

export async function insertDeal(db: Kysely<DB>, deal: Insertable<DB['deals']>) {
  await db.insertInto('deals').values(deal).execute();
}

/** Updates the deal and bumps its version (the ETag). */
export async function updateDeal(db: Kysely<DB>, id: string, changes: Updateable<DB['deals']>) {
  await db
    .updateTable('deals')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}

export async function voidOpenInvitations(db: Kysely<DB>, dealId: string) {
  await db
    .updateTable('invitations')
    .set({ voided_at: new Date() })
    .where('deal_id', '=', dealId)
    .where('used_at', 'is', null)
    .where('voided_at', 'is', null)
    .execute();
}

export async function insertInvitation(db: Kysely<DB>, invitation: Insertable<DB['invitations']>) {
  await db.insertInto('invitations').values(invitation).execute();
}

export function findInvitationForUpdate(db: Kysely<DB>, codeHash: string) {
  return db
    .selectFrom('invitations')
    .select(['id', 'deal_id', 'organisation_id', 'expires_at', 'used_at', 'voided_at'])
    .where('code_hash', '=', codeHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markInvitationUsed(db: Kysely<DB>, id: string, organisationId: string) {
  await db
    .updateTable('invitations')
    .set({ used_at: new Date(), used_by_organisation_id: organisationId })
    .where('id', '=', id)
    .execute();
}

export function findOrganisationSide(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'side'])
    .where('id', '=', id)
    .executeTakeFirst();
}
