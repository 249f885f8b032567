import type { DB } from '@cg/db';
import type { Insertable, Kysely, Updateable } from 'kysely';

const COLUMNS = [
  'id',
  'deal_id',
  'title',
  'owner_side',
  'due_at',
  'status',
  'created_at',
  'updated_at',
  'version',
] as const;

export type MilestoneRow = NonNullable<Awaited<ReturnType<typeof findMilestone>>>;

export function findMilestone(db: Kysely<DB>, dealId: string, id: string) {
  return db
    .selectFrom('milestones')
    .select(COLUMNS)
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
    .select(COLUMNS)
    .where('deal_id', '=', dealId)
    .orderBy('id')
    .limit(options.limit + 1);
  if (options.afterId) query = query.where('id', '>', options.afterId);
  return query.execute();
}

export function insertMilestone(db: Kysely<DB>, milestone: Insertable<DB['milestones']>) {
  return db.insertInto('milestones').values(milestone).returning(COLUMNS).executeTakeFirstOrThrow();
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
    .returning(COLUMNS)
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
