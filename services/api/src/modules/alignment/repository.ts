import type { DB } from '@cg/db';
import type { Insertable, Kysely } from 'kysely';

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

export function findLatestReport(db: Kysely<DB>, dealId: string) {
  return db
    .selectFrom('alignment_reports')
    .select(REPORT_COLUMNS)
    .where('deal_id', '=', dealId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

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

export type ReportRow = NonNullable<Awaited<ReturnType<typeof findLatestReport>>>;
