import type { DB } from '@cg/db';
import type { Insertable, Kysely } from 'kysely';
import { type DealState, type Nullable, selectActorWithDealState } from '../deals/repository.js';
import { type ActorRow, defineActorRead } from '../identity/actor.js';

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
