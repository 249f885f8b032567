import type { DB } from '@cg/db';
import { initialRoundsState, type RoundsState } from '@cg/domain';
import { type AliasedSelectQueryBuilder, type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { type ActorRow, defineActorRead } from '../../platform/caller.js';

/*
 * Every query of the deal room, private to it: the deal and its invitations, the data keys and
 * the private assessments, the reports, the timeline and the milestones.
 */

// --- deals and invitations ----------------------------------------------------------------

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
function selectActorWithDealState(
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

/**
 * The deal with its parties' names and its wrapped data key, for a use-case's opening: in one
 * statement, and with `lock` holding its row for the transaction — writes that depend on its
 * state (rounds, status) serialise on it.
 */
export function findDealToWorkOn(db: Kysely<DB>, id: string, options: { lock: boolean }) {
  const query = selectDeals(db)
    .innerJoin('deal_keys', 'deal_keys.deal_id', 'deals.id')
    .select(['deal_keys.wrapped_key', 'deal_keys.master_key_id'])
    .where('deals.id', '=', id);
  return (options.lock ? query.forUpdate(['deals']) : query).executeTakeFirst();
}

export type DealToWorkOn = NonNullable<Awaited<ReturnType<typeof findDealToWorkOn>>>;

/** Locks and reads the deal (without its key): for work that finds the deal by something else. */
export const lockAndFindDeal = (db: Kysely<DB>, id: string) => findDealToWorkOn(db, id, { lock: true });

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

/** The rounds state of the domain's machine, rebuilt from the deal's columns. */
export function roundsStateOf(
  deal: Pick<
    DealRow,
    'round' | 'round_budget' | 'report_ready' | 'sales_round_revision' | 'procurement_round_revision'
  >,
  lastFingerprint: RoundsState['lastFingerprint'] = { sales: null, procurement: null },
): RoundsState {
  return {
    ...initialRoundsState(deal.round_budget),
    round: deal.round,
    reportReady: deal.report_ready,
    submitted: {
      sales: deal.sales_round_revision !== null,
      procurement: deal.procurement_round_revision !== null,
    },
    lastFingerprint,
  };
}

// --- data keys and assessments -------------------------------------------------------------

export async function insertDealKey(db: Kysely<DB>, key: Insertable<DB['deal_keys']>) {
  await db.insertInto('deal_keys').values(key).execute();
}

export function findAssessment(db: Kysely<DB>, dealId: string, side: 'sales' | 'procurement') {
  return db
    .selectFrom('assessments')
    .select(['content', 'content_fingerprint', 'status', 'etag', 'updated_at'])
    .where('deal_id', '=', dealId)
    .where('side', '=', side)
    .executeTakeFirst();
}

export async function upsertAssessment(
  db: Kysely<DB>,
  row: {
    deal_id: string;
    side: 'sales' | 'procurement';
    organisation_id: string;
    content: string;
    content_fingerprint: string;
  },
) {
  return db
    .insertInto('assessments')
    .values({ ...row, status: 'draft' })
    .onConflict((oc) =>
      oc.columns(['deal_id', 'side']).doUpdateSet((eb) => ({
        content: eb.ref('excluded.content'),
        content_fingerprint: eb.ref('excluded.content_fingerprint'),
        status: 'draft',
        etag: sql<number>`assessments.etag + 1`,
        updated_at: new Date(),
      })),
    )
    .returning(['status', 'etag', 'updated_at'])
    .executeTakeFirstOrThrow();
}

export async function markAssessmentSubmitted(db: Kysely<DB>, dealId: string, side: 'sales' | 'procurement') {
  return db
    .updateTable('assessments')
    .set((eb) => ({ status: 'submitted', etag: eb('etag', '+', 1), updated_at: new Date() }))
    .where('deal_id', '=', dealId)
    .where('side', '=', side)
    .returning(['etag', 'updated_at'])
    .executeTakeFirstOrThrow();
}

export async function insertSubmission(db: Kysely<DB>, submission: Insertable<DB['assessment_submissions']>) {
  await db.insertInto('assessment_submissions').values(submission).execute();
}

export function findLatestSubmissionFingerprint(
  db: Kysely<DB>,
  dealId: string,
  side: 'sales' | 'procurement',
) {
  return db
    .selectFrom('assessment_submissions')
    .select(['revision', 'content_fingerprint'])
    .where('deal_id', '=', dealId)
    .where('side', '=', side)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Both sides' submissions for the round being closed, through the one privileged path
 * (`round_submissions`, SECURITY DEFINER): it answers only a party of the deal, only while both
 * sides have submitted and the round's report does not exist yet.
 */
export async function roundSubmissions(db: Kysely<DB>, dealId: string) {
  const { rows } = await sql<{ side: 'sales' | 'procurement'; revision: number; content: string }>`
    select side, revision, content from round_submissions(${dealId})`.execute(db);
  return rows;
}

/** A batch of data keys still wrapped by another master key, locked; other workers skip them. */
export function lockKeysNotWrappedBy(db: Kysely<DB>, masterKeyId: string, limit: number) {
  return db
    .selectFrom('deal_keys')
    .select(['deal_id', 'wrapped_key', 'master_key_id'])
    .where('master_key_id', '<>', masterKeyId)
    .orderBy('deal_id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function countKeysNotWrappedBy(db: Kysely<DB>, masterKeyId: string): Promise<number> {
  const row = await db
    .selectFrom('deal_keys')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('master_key_id', '<>', masterKeyId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function replaceWrappedKey(
  db: Kysely<DB>,
  dealId: string,
  wrappedKey: string,
  masterKeyId: string,
) {
  await db
    .updateTable('deal_keys')
    .set({ wrapped_key: wrappedKey, master_key_id: masterKeyId, rewrapped_at: new Date() })
    .where('deal_id', '=', dealId)
    .execute();
}

// --- reports -------------------------------------------------------------------------------

export async function insertReport(db: Kysely<DB>, report: Insertable<DB['alignment_reports']>) {
  await db.insertInto('alignment_reports').values(report).execute();
}

export async function latestReportVersion(db: Kysely<DB>, dealId: string): Promise<number> {
  const row = await db
    .selectFrom('alignment_reports')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('deal_id', '=', dealId)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

const REPORT_COLUMNS = [
  'version',
  'round',
  'algorithm',
  'computed_at',
  'based_on_sales',
  'based_on_procurement',
  'view_sales',
  'view_procurement',
] as const;

export function listReports(
  db: Kysely<DB>,
  dealId: string,
  options: { limit: number; beforeVersion?: number | undefined },
) {
  let query = db
    .selectFrom('alignment_reports')
    .select(REPORT_COLUMNS)
    .where('deal_id', '=', dealId)
    .orderBy('version', 'desc')
    .limit(options.limit + 1);
  if (options.beforeVersion !== undefined) query = query.where('version', '<', options.beforeVersion);
  return query.execute();
}

export type ReportRow = Awaited<ReturnType<typeof listReports>>[number];

/**
 * The caller's row, the deal's parties and round state and the deal's latest report — only the
 * view cut for the caller's side — in one statement (`readWithActor`); the report's columns are
 * prefixed `report_` and null when there is none.
 */
export const actorWithLatestReport = defineActorRead<{ dealId: string }, ActorWithReportRow>(
  (db, actor, param) => {
    const latest = db
      .selectFrom('alignment_reports')
      .select([
        'version as report_version',
        'round as report_round',
        'algorithm as report_algorithm',
        'computed_at as report_computed_at',
        'based_on_sales as report_based_on_sales',
        'based_on_procurement as report_based_on_procurement',
        'view_sales',
        'view_procurement',
      ])
      .where('deal_id', '=', param('dealId'))
      .orderBy('version', 'desc')
      .limit(1);
    return selectActorWithDealState(db, actor, param('dealId'))
      .leftJoin(latest.as('report'), (join) => join.onTrue())
      .select([
        'report.report_version',
        'report.report_round',
        'report.report_algorithm',
        'report.report_computed_at',
        'report.report_based_on_sales',
        'report.report_based_on_procurement',
        // The caller's side's view only: the other is never read, so never sent.
        (eb) =>
          eb
            .case()
            .when('deal.sales_org_id', '=', param('callerOrganisationId'))
            .then(eb.ref('report.view_sales'))
            .else(eb.ref('report.view_procurement'))
            .end()
            .as('report_view'),
      ]);
  },
);

type ReportMeta = Omit<ReportRow, 'view_sales' | 'view_procurement'>;
type Prefixed<Row> = { [K in keyof Row & string as `report_${K}`]: Row[K] | null };
type ActorWithReportRow = ActorRow & Nullable<DealState> & Prefixed<ReportMeta & { view: unknown }>;

/** The report in a row of `actorWithLatestReport`, with the caller's view, or undefined where there is none. */
export function reportIn(
  row: Prefixed<ReportMeta & { view: unknown }>,
): (ReportMeta & { view: unknown }) | undefined {
  if (row.report_version === null) return undefined;
  return {
    version: row.report_version,
    round: row.report_round as number,
    algorithm: row.report_algorithm as string,
    computed_at: row.report_computed_at as Date,
    based_on_sales: row.report_based_on_sales as number,
    based_on_procurement: row.report_based_on_procurement as number,
    view: row.report_view,
  };
}

// --- the timeline --------------------------------------------------------------------------

export function listDealEvents(
  db: Kysely<DB>,
  dealId: string,
  options: { limit: number; beforeId?: string | undefined },
) {
  let query = db
    .selectFrom('deal_events')
    .select(['id', 'type', 'side', 'occurred_at', 'data'])
    .where('deal_id', '=', dealId)
    .orderBy('id', 'desc')
    .limit(options.limit + 1);
  if (options.beforeId) query = query.where('id', '<', options.beforeId);
  return query.execute();
}

/** Timeline entries after `afterId` (ids sort by time), oldest first: what a live stream sends next. */
export function listDealEventsAfter(
  db: Kysely<DB>,
  dealId: string,
  options: { afterId: string; limit: number },
) {
  return db
    .selectFrom('deal_events')
    .select(['id', 'type', 'side', 'occurred_at', 'data'])
    .where('deal_id', '=', dealId)
    .where('id', '>', options.afterId)
    .orderBy('id', 'asc')
    .limit(options.limit)
    .execute();
}

// --- milestones ----------------------------------------------------------------------------

const MILESTONE_COLUMNS = [
  'id',
  'deal_id',
  'title',
  'owner_side',
  'due_at',
  'status',
  'due_relative_days',
  'created_at',
  'updated_at',
  'version',
] as const;

export type MilestoneRow = NonNullable<Awaited<ReturnType<typeof findMilestone>>>;

export function findMilestone(db: Kysely<DB>, dealId: string, id: string) {
  return db
    .selectFrom('milestones')
    .select(MILESTONE_COLUMNS)
    .where('deal_id', '=', dealId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listMilestones(
  db: Kysely<DB>,
  dealId: string,
  options: { limit: number; afterId?: string | undefined },
) {
  let query = db
    .selectFrom('milestones')
    .select(MILESTONE_COLUMNS)
    .where('deal_id', '=', dealId)
    .orderBy('id')
    .limit(options.limit + 1);
  if (options.afterId) query = query.where('id', '>', options.afterId);
  return query.execute();
}

export function insertMilestone(db: Kysely<DB>, milestone: Insertable<DB['milestones']>) {
  return db.insertInto('milestones').values(milestone).returning(MILESTONE_COLUMNS).executeTakeFirstOrThrow();
}

export function updateMilestone(
  db: Kysely<DB>,
  dealId: string,
  id: string,
  changes: Updateable<DB['milestones']>,
) {
  return db
    .updateTable('milestones')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('deal_id', '=', dealId)
    .where('id', '=', id)
    .returning(MILESTONE_COLUMNS)
    .executeTakeFirst();
}

export async function deleteMilestone(db: Kysely<DB>, dealId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('milestones')
    .where('deal_id', '=', dealId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * The deal's decision date moved: every milestone and task due relative to it follows (none is
 * due while the deal has no decision date). Each moved item gets a new version, so its ETag changes.
 */
export async function moveRelativeDueDates(db: Kysely<DB>, dealId: string, decision: Date | string | null) {
  const dueAt = sql<Date | null>`${decision}::timestamptz + due_relative_days * interval '1 day'`;
  for (const table of ['milestones', 'milestone_tasks'] as const) {
    await db
      .updateTable(table)
      .set((eb) => ({ due_at: dueAt, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('deal_id', '=', dealId)
      .where('due_relative_days', 'is not', null)
      .execute();
  }
}

/** Per milestone, its tasks that count (not cancelled) and those of them done. */
export function taskProgress(db: Kysely<DB>, dealId: string, milestoneIds: readonly string[]) {
  return db
    .selectFrom('milestone_tasks')
    .select((eb) => [
      'milestone_id',
      eb.fn.countAll<string>().as('total'),
      eb.fn.count<string>('id').filterWhere('status', '=', 'done').as('done'),
    ])
    .where('deal_id', '=', dealId)
    .where('milestone_id', 'in', milestoneIds.length > 0 ? milestoneIds : [''])
    .where('status', '<>', 'cancelled')
    .groupBy('milestone_id')
    .execute();
}

// --- milestone tasks -----------------------------------------------------------------------

const TASK_COLUMNS = [
  'id',
  'milestone_id',
  'deal_id',
  'title',
  'assignee_user_id',
  'assignee_name',
  'assignee_side',
  'status',
  'due_at',
  'due_relative_days',
  'created_at',
  'updated_at',
  'version',
] as const;

export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

export function findTask(db: Kysely<DB>, dealId: string, milestoneId: string, id: string) {
  return db
    .selectFrom('milestone_tasks')
    .select(TASK_COLUMNS)
    .where('deal_id', '=', dealId)
    .where('milestone_id', '=', milestoneId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listTasks(
  db: Kysely<DB>,
  dealId: string,
  milestoneId: string,
  options: { limit: number; afterId?: string | undefined },
) {
  let query = db
    .selectFrom('milestone_tasks')
    .select(TASK_COLUMNS)
    .where('deal_id', '=', dealId)
    .where('milestone_id', '=', milestoneId)
    .orderBy('id')
    .limit(options.limit + 1);
  if (options.afterId) query = query.where('id', '>', options.afterId);
  return query.execute();
}

export function insertTask(db: Kysely<DB>, task: Insertable<DB['milestone_tasks']>) {
  return db.insertInto('milestone_tasks').values(task).returning(TASK_COLUMNS).executeTakeFirstOrThrow();
}

export function updateTask(
  db: Kysely<DB>,
  dealId: string,
  milestoneId: string,
  id: string,
  changes: Updateable<DB['milestone_tasks']>,
) {
  return db
    .updateTable('milestone_tasks')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('deal_id', '=', dealId)
    .where('milestone_id', '=', milestoneId)
    .where('id', '=', id)
    .returning(TASK_COLUMNS)
    .executeTakeFirst();
}

export async function deleteTask(db: Kysely<DB>, dealId: string, milestoneId: string, id: string) {
  const result = await db
    .deleteFrom('milestone_tasks')
    .where('deal_id', '=', dealId)
    .where('milestone_id', '=', milestoneId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** A person of one of the deal's parties (name and side), or nothing: never a member list. */
export function findDealPartyMember(db: Kysely<DB>, dealId: string, userId: string) {
  return sql<{ name: string; side: 'sales' | 'procurement' }>`
    select name, side from deal_party_member(${dealId}, ${userId})
  `
    .execute(db)
    .then((result) => result.rows[0]);
}

// --- plan comments -------------------------------------------------------------------------

const COMMENT_COLUMNS = [
  'id',
  'deal_id',
  'milestone_id',
  'task_id',
  'author_id',
  'author_name',
  'author_side',
  'body',
  'mentions',
  'created_at',
] as const;

export type PlanCommentRow = Awaited<ReturnType<typeof insertPlanComment>>;

export function insertPlanComment(db: Kysely<DB>, comment: Insertable<DB['plan_comments']>) {
  return db.insertInto('plan_comments').values(comment).returning(COMMENT_COLUMNS).executeTakeFirstOrThrow();
}

/** A milestone's comments, oldest first; with `taskId`, only those on that task. */
export function listPlanComments(
  db: Kysely<DB>,
  ids: { dealId: string; milestoneId: string; taskId?: string | undefined },
  options: { limit: number; afterId?: string | undefined },
) {
  let query = db
    .selectFrom('plan_comments')
    .select(COMMENT_COLUMNS)
    .where('deal_id', '=', ids.dealId)
    .where('milestone_id', '=', ids.milestoneId)
    .orderBy('id')
    .limit(options.limit + 1);
  if (ids.taskId) query = query.where('task_id', '=', ids.taskId);
  if (options.afterId) query = query.where('id', '>', options.afterId);
  return query.execute();
}

/** People of the deal's parties that a text mentions (`@name`): ids and names, nothing else. */
export async function findMentionedPeople(db: Kysely<DB>, dealId: string, body: string) {
  const result = await sql<{ id: string; name: string }>`
    select id, name from deal_party_mentions(${dealId}, ${body})
  `.execute(db);
  return result.rows;
}

/** The names of people, by id, among the deal's parties (for mentions stored as ids). */
export async function namesOfDealPeople(db: Kysely<DB>, dealId: string, userIds: readonly string[]) {
  const names = new Map<string, string>();
  for (const id of new Set(userIds)) {
    const member = await findDealPartyMember(db, dealId, id);
    if (member) names.set(id, member.name);
  }
  return names;
}

/** What an invitation's page shows: the deal's title and who invites, by the code's hash. */
export function findInvitationPreview(db: Kysely<DB>, codeHash: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('deals', 'deals.id', 'invitations.deal_id')
    .innerJoin('organisations', 'organisations.id', 'invitations.organisation_id')
    .leftJoin('users', 'users.id', 'invitations.created_by')
    .leftJoin('api_clients', 'api_clients.id', 'invitations.created_by')
    .select([
      'deals.title',
      'deals.status',
      'deals.sales_org_id',
      'deals.procurement_org_id',
      'organisations.name as organisation_name',
      'organisations.side as organisation_side',
      'users.name as user_name',
      'api_clients.name as client_name',
      'invitations.expires_at',
      'invitations.used_at',
      'invitations.voided_at',
    ])
    .where('invitations.code_hash', '=', codeHash)
    .executeTakeFirst();
}

const PLAN_TEMPLATE_COLUMNS = ['id', 'name', 'description', 'approach', 'milestones', 'created_at'] as const;

/** The organisation's own plan templates, oldest first (row-level security confines them too). */
export function listPlanTemplates(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('plan_templates')
    .select(PLAN_TEMPLATE_COLUMNS)
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(200)
    .execute();
}

export function findPlanTemplate(db: Kysely<DB>, organisationId: string, id: string) {
  return db
    .selectFrom('plan_templates')
    .select(PLAN_TEMPLATE_COLUMNS)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function countPlanTemplates(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('plan_templates')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
}

export function insertPlanTemplate(db: Kysely<DB>, template: Insertable<DB['plan_templates']>) {
  return db
    .insertInto('plan_templates')
    .values(template)
    .returning(PLAN_TEMPLATE_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function deletePlanTemplate(db: Kysely<DB>, organisationId: string, id: string) {
  const result = await db
    .deleteFrom('plan_templates')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** A deal's whole plan, milestones then their tasks, in the order they were added. */
export async function planOfDeal(db: Kysely<DB>, dealId: string) {
  const milestones = await db
    .selectFrom('milestones')
    .select(['id', 'title', 'owner_side', 'due_at', 'due_relative_days'])
    .where('deal_id', '=', dealId)
    .orderBy('id')
    .limit(500)
    .execute();
  const tasks = await db
    .selectFrom('milestone_tasks')
    .select(['milestone_id', 'title', 'due_at', 'due_relative_days'])
    .where('deal_id', '=', dealId)
    .where('status', '<>', 'cancelled')
    .orderBy('id')
    .limit(5000)
    .execute();
  return { milestones, tasks };
}
