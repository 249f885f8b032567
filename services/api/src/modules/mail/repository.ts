import type { DB, MailTemplate, NotificationKind } from '@cg/db';
import { type Kysely, sql } from 'kysely';

/** The mail outbox's queries; all system work (the worker and the scheduler). */

export interface ClaimedMail {
  id: string;
  organisation_id: string;
  to_address: string;
  template: MailTemplate;
  params: Record<string, unknown>;
  secret_sealed: string | null;
  notification_id: string | null;
  /** This attempt's number, counting it. */
  attempts: number;
}

/**
 * Claims up to `limit` due messages: FOR UPDATE SKIP LOCKED so that processes sharing a database
 * never claim the same message, and the lease moves `next_attempt_at` forward so that a message
 * whose worker died becomes due again by itself.
 */
export async function claimDueMail(
  trx: Kysely<DB>,
  { limit, leaseSeconds }: { limit: number; leaseSeconds: number },
): Promise<ClaimedMail[]> {
  const result = await sql<ClaimedMail>`
    update mail_outbox m
       set attempts = m.attempts + 1,
           next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
      from (select id from mail_outbox
             where status = 'pending' and next_attempt_at <= now()
             order by next_attempt_at
             limit ${limit}
             for update skip locked) due
     where m.id = due.id
     returning m.id, m.organisation_id, m.to_address, m.template, m.params, m.secret_sealed,
               m.notification_id, m.attempts
  `.execute(trx);
  return result.rows;
}

/** Settles a sent message: its secret is dropped, and its notification (or digest) marked mailed. */
export async function markMailSent(trx: Kysely<DB>, mail: ClaimedMail, digestIds: readonly string[]) {
  const updated = await trx
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: new Date(), secret_sealed: null, last_error: null })
    .where('id', '=', mail.id)
    .where('attempts', '=', mail.attempts)
    .executeTakeFirst();
  const ids = [...digestIds, ...(mail.notification_id ? [mail.notification_id] : [])];
  if (ids.length > 0) {
    await trx.updateTable('notifications').set({ mailed_at: new Date() }).where('id', 'in', ids).execute();
  }
  return updated.numUpdatedRows > 0n;
}

export async function markMailRetrying(trx: Kysely<DB>, mail: ClaimedMail, error: string, inSeconds: number) {
  await trx
    .updateTable('mail_outbox')
    .set({
      last_error: error.slice(0, 300),
      next_attempt_at: sql`now() + make_interval(secs => ${inSeconds})`,
    })
    .where('id', '=', mail.id)
    .where('attempts', '=', mail.attempts)
    .execute();
}

/** Gives up on a message: its secret is dropped too, since it will never be sent. */
export async function markMailFailed(trx: Kysely<DB>, mail: ClaimedMail, error: string) {
  await trx
    .updateTable('mail_outbox')
    .set({ status: 'failed', last_error: error.slice(0, 300), secret_sealed: null })
    .where('id', '=', mail.id)
    .where('attempts', '=', mail.attempts)
    .execute();
}

export async function countPendingMail(trx: Kysely<DB>): Promise<number> {
  const row = await trx
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKind;
  deal_id: string;
  deal_title: string;
  params: Record<string, unknown>;
  recipient_name: string;
  recipient_side: 'sales' | 'procurement';
  read_at: Date | null;
}

const notificationColumns = (trx: Kysely<DB>) =>
  trx
    .selectFrom('notifications as n')
    .innerJoin('deals as d', 'd.id', 'n.deal_id')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'n.id',
      'n.user_id',
      'n.kind',
      'n.deal_id',
      'd.title as deal_title',
      'n.params',
      'u.name as recipient_name',
      'o.side as recipient_side',
      'n.read_at',
    ]);

export const findNotification = (trx: Kysely<DB>, id: string): Promise<NotificationRow | undefined> =>
  notificationColumns(trx).where('n.id', '=', id).executeTakeFirst();

/** A user's notifications waiting for the digest, oldest first. */
export const findDigestNotifications = (trx: Kysely<DB>, userId: string): Promise<NotificationRow[]> =>
  notificationColumns(trx)
    .where('n.user_id', '=', userId)
    .where('n.delivery', '=', 'digest')
    .where('n.mailed_at', 'is', null)
    .orderBy('n.id')
    .limit(100)
    .execute();
