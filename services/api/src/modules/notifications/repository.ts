import type { DB, NotificationDelivery, NotificationKind } from '@cg/db';
import { type Kysely, sql } from 'kysely';

/*
 * The notifications module's queries, private to it: a person's notifications and preferences
 * (run as the caller's organisation, and filtered by the person too: row-level security is by
 * organisation), the unsubscribe links' changes, and the scheduler's work (system work: the
 * reminders cross organisations, and `notify_people` is the owner's).
 */

// --- a person's notifications ----------------------------------------------------------------

export interface NotificationListRow {
  id: string;
  kind: NotificationKind;
  deal_id: string;
  deal_title: string;
  params: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

/** A page of the person's notifications, newest first: cut from `notifications`, then joined for the deal's title. */
export function listNotifications(
  db: Kysely<DB>,
  userId: string,
  options: { limit: number; beforeId?: string | undefined; unreadOnly: boolean },
): Promise<NotificationListRow[]> {
  let page = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'deal_id', 'params', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(options.limit + 1);
  if (options.beforeId) page = page.where('id', '<', options.beforeId);
  if (options.unreadOnly) page = page.where('read_at', 'is', null);
  return db
    .selectFrom(page.as('n'))
    .innerJoin('deals', 'deals.id', 'n.deal_id')
    .select([
      'n.id',
      'n.kind',
      'n.deal_id',
      'deals.title as deal_title',
      'n.params',
      'n.created_at',
      'n.read_at',
    ])
    .orderBy('n.id', 'desc')
    .execute();
}

export async function countUnread(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Marks one of the person's notifications read (keeping the first time); false if it is not theirs. */
export async function markRead(db: Kysely<DB>, userId: string, notificationId: string): Promise<boolean> {
  const row = await db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', notificationId)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markAllRead(db: Kysely<DB>, userId: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

// --- preferences -----------------------------------------------------------------------------

/** The kinds the person has chosen for (the rest are 'email'); `lock` holds them until the transaction ends. */
export function listPreferences(db: Kysely<DB>, userId: string, { lock = false } = {}) {
  const query = db
    .selectFrom('notification_preferences')
    .select(['kind', 'delivery'])
    .where('user_id', '=', userId)
    .orderBy('kind');
  return (lock ? query.forUpdate() : query).execute();
}

export async function savePreferences(
  db: Kysely<DB>,
  person: { userId: string; organisationId: string },
  choices: readonly { kind: NotificationKind; delivery: NotificationDelivery }[],
): Promise<void> {
  if (choices.length === 0) return;
  await db
    .insertInto('notification_preferences')
    .values(
      choices.map((choice) => ({
        user_id: person.userId,
        organisation_id: person.organisationId,
        kind: choice.kind,
        delivery: choice.delivery,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['user_id', 'kind']).doUpdateSet({
        delivery: (eb) => eb.ref('excluded.delivery'),
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

// --- unsubscribe links (system work: the link is the only credential) -------------------------

/** The person a link names, with their side (for the portal's address); undefined if they are gone. */
export const findRecipient = (db: Kysely<DB>, userId: string) =>
  db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.organisation_id', 'organisations.side'])
    .where('users.id', '=', userId)
    .executeTakeFirst();

/** Sets every kind the person gets in the digest to 'off'; how many kinds changed. */
export async function turnOffDigest(db: Kysely<DB>, userId: string): Promise<number> {
  const result = await db
    .updateTable('notification_preferences')
    .set({ delivery: 'off', updated_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('delivery', '=', 'digest')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// --- the scheduler (system work) ---------------------------------------------------------------

export interface MilestoneReminder {
  kind: 'milestone.due' | 'milestone.overdue';
  /** `<milestoneId>:due:<dueAt>` or `<milestoneId>:overdue:<dueAt>`: the notification's cause and the run's slot. */
  cause: string;
  deal_id: string;
  /** The organisation of the milestone's owner side. */
  organisation_id: string;
  milestone_id: string;
  milestone_title: string;
  /** RFC 3339, in UTC, to the millisecond. */
  due_at: string;
}

/**
 * Up to `limit` reminders no replica has sent yet: milestones not done, due before `horizon`
 * (overdue once `now` has passed their due time), on deals still open whose owner side has
 * joined. The slot in `scheduled_runs` says a reminder was sent, so a milestone overdue for
 * months is not looked at again, and a changed due date makes new reminders.
 */
export async function findPendingReminders(
  db: Kysely<DB>,
  { now, horizon, limit }: { now: Date; horizon: Date; limit: number },
): Promise<MilestoneReminder[]> {
  const result = await sql<MilestoneReminder>`
    select c.kind, c.milestone_id || ':' || substr(c.kind, 11) || ':' || c.due_at as cause,
           c.deal_id, c.organisation_id, c.milestone_id, c.milestone_title, c.due_at
      from (select case when m.due_at <= ${now} then 'milestone.overdue' else 'milestone.due' end as kind,
                   m.id as milestone_id, m.title as milestone_title, m.deal_id,
                   to_char(m.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as due_at,
                   case m.owner_side when 'sales' then d.sales_org_id else d.procurement_org_id end as organisation_id
              from milestones m
              join deals d on d.id = m.deal_id
             where m.status <> 'done' and m.status <> 'cancelled'
               and m.due_at < ${horizon}
               and d.status not in ('won', 'lost', 'withdrawn')) c
     where c.organisation_id is not null
       and not exists (select 1 from scheduled_runs r
                        where r.job = c.kind
                          and r.slot = c.milestone_id || ':' || substr(c.kind, 11) || ':' || c.due_at)
     order by c.milestone_id, c.kind
     limit ${limit}
  `.execute(db);
  return result.rows;
}

/**
 * Takes slots of `scheduled_runs`; returns those this transaction took. A slot another
 * transaction holds waits for it, and is not taken if that one commits: each slot's work is done
 * once, by one replica. Slots are taken in one order, so two replicas never deadlock.
 */
export async function claimSlots(
  db: Kysely<DB>,
  slots: readonly { job: string; slot: string }[],
): Promise<{ job: string; slot: string }[]> {
  if (slots.length === 0) return [];
  const ordered = [...slots].sort((a, b) => (a.job + a.slot < b.job + b.slot ? -1 : 1));
  const result = await sql<{ job: string; slot: string }>`
    insert into scheduled_runs (job, slot)
    select job, slot from unnest(${ordered.map((s) => s.job)}::text[], ${ordered.map((s) => s.slot)}::text[])
                     with ordinality as s(job, slot, n)
     order by n
    on conflict do nothing
    returning job, slot
  `.execute(db);
  return result.rows;
}

/** Notifies the owner side's people of each reminder (`notify_people`); how many notifications were made. */
export async function notifyReminders(
  db: Kysely<DB>,
  reminders: readonly MilestoneReminder[],
): Promise<number> {
  if (reminders.length === 0) return 0;
  const rows = reminders.map((r) => ({
    deal_id: r.deal_id,
    kind: r.kind,
    cause: r.cause,
    organisation_id: r.organisation_id,
    params: { milestoneId: r.milestone_id, milestoneTitle: r.milestone_title, dueAt: r.due_at },
  }));
  const result = await sql<{ count: string | number | null }>`
    select sum(notify_people(r.deal_id, r.kind, r.cause, array[r.organisation_id], r.params)) as count
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           as r(deal_id text, kind text, cause text, organisation_id text, params jsonb)
  `.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

/**
 * Queues one digest message for each verified person with unread notifications waiting for the
 * digest, unless one is still waiting to be sent (the mail worker gathers what it reports when it
 * sends); how many were queued.
 */
export async function queueDigests(db: Kysely<DB>): Promise<number> {
  const result = await sql`
    insert into mail_outbox (id, organisation_id, to_address, template, params)
    select prefixed_id('mail'), u.organisation_id, u.email, 'digest', jsonb_build_object('userId', u.id)
      from users u
     where u.email_verified_at is not null
       and u.id in (select n.user_id from notifications n
                     where n.delivery = 'digest' and n.mailed_at is null and n.read_at is null)
       and not exists (select 1 from mail_outbox m
                        where m.template = 'digest' and m.status = 'pending' and m.params ->> 'userId' = u.id)
     order by u.id
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
