import type { DB } from '@cg/db';
import { type Insertable, type Kysely, sql } from 'kysely';

export async function insertDealKey(db: Kysely<DB>, key: Insertable<DB['deal_keys']>) {
  await db.insertInto('deal_keys').values(key).execute();
}

export function findDealKey(db: Kysely<DB>, dealId: string) {
  return db
    .selectFrom('deal_keys')
    .select(['wrapped_key', 'master_key_id'])
    .where('deal_id', '=', dealId)
    .executeTakeFirst();
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
