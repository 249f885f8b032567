import { createHash } from 'node:crypto';
import type { UpdateNotificationPreferencesRequestSchema } from '@cg/contracts';
import type { NotificationDelivery, NotificationKind } from '@cg/db';
import type { z } from 'zod';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { AppError, notFound } from '../../lib/problems.js';
import type { Actor, UserActor } from '../../platform/caller.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { describeNotification, type NotificationFacts } from '../mail/index.js';
import type { NotificationDeps } from './dependencies.js';
import { DEFAULT_DELIVERY, NOTIFICATION_KINDS } from './kinds.js';
import * as repo from './repository.js';

/*
 * A person's notification centre and their preferences. Notifications belong to people: an API
 * client has none (403). Row-level security confines every query to the caller's organisation;
 * each query names the person too, so a colleague's notifications do not exist (404).
 */

type Deps = Pick<NotificationDeps, 'database'>;

function requirePerson(actor: Actor): asserts actor is UserActor {
  if (actor.kind === 'user') return;
  throw new AppError('forbidden', 'Notifications belong to people: an API client has none.');
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A notification as the portal shows it, in the same words as its email (`describeNotification`). */
function notificationView(row: repo.NotificationListRow) {
  const facts: NotificationFacts = {
    kind: row.kind,
    dealId: row.deal_id,
    dealTitle: row.deal_title,
    round: typeof row.params.round === 'number' ? row.params.round : undefined,
    milestoneTitle: text(row.params.milestoneTitle),
    dueAt: text(row.params.dueAt),
  };
  const { headline, detail } = describeNotification(facts);
  return {
    id: row.id,
    kind: row.kind,
    dealId: row.deal_id,
    dealTitle: row.deal_title,
    headline,
    detail,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

export function listNotifications(
  deps: Deps,
  caller: Caller,
  query: { limit: number; cursor?: string | undefined; unread?: 'true' | 'false' | undefined },
) {
  const beforeId = decodeCursor(query.cursor, 'id');
  return withCaller(deps.database, caller, async (trx, actor) => {
    requirePerson(actor);
    const rows = await repo.listNotifications(trx, actor.id, {
      limit: query.limit,
      beforeId,
      unreadOnly: query.unread === 'true',
    });
    const unreadCount = await repo.countUnread(trx, actor.id);
    const { data, nextCursor } = toPage(rows, query.limit, notificationView, (row) => row.id);
    return { data, unreadCount, nextCursor };
  });
}

export function markNotificationRead(deps: Deps, caller: Caller, notificationId: string): Promise<void> {
  return withCaller(deps.database, caller, async (trx, actor) => {
    requirePerson(actor);
    if (!(await repo.markRead(trx, actor.id, notificationId))) throw notFound('notification');
  });
}

export function markAllNotificationsRead(deps: Deps, caller: Caller): Promise<void> {
  return withCaller(deps.database, caller, async (trx, actor) => {
    requirePerson(actor);
    await repo.markAllRead(trx, actor.id);
  });
}

// --- preferences -----------------------------------------------------------------------------

type Preferences = Record<NotificationKind, NotificationDelivery>;

function preferencesOf(
  rows: readonly { kind: NotificationKind; delivery: NotificationDelivery }[],
): Preferences {
  const chosen = new Map(rows.map((row) => [row.kind, row.delivery]));
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, chosen.get(kind) ?? DEFAULT_DELIVERY]),
  ) as Preferences;
}

/** A strong validator of the whole map: the same choices, the same ETag. */
const preferencesEtag = (preferences: Preferences) =>
  `"np-${createHash('sha256').update(JSON.stringify(preferences)).digest('base64url').slice(0, 16)}"`;

export function getPreferences(deps: Deps, caller: Caller) {
  return withCaller(deps.database, caller, async (trx, actor) => {
    requirePerson(actor);
    const preferences = preferencesOf(await repo.listPreferences(trx, actor.id));
    return { preferences, etag: preferencesEtag(preferences) };
  });
}

export function updatePreferences(
  deps: Deps,
  caller: Caller,
  input: z.output<typeof UpdateNotificationPreferencesRequestSchema>,
  ifMatch: string | undefined,
) {
  return withCaller(deps.database, caller, async (trx, actor) => {
    requirePerson(actor);
    const current = preferencesOf(await repo.listPreferences(trx, actor.id, { lock: true }));
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== preferencesEtag(current)) {
      throw new AppError(
        'precondition-failed',
        'Your notification preferences have changed since you read them: fetch them again.',
      );
    }
    const choices = NOTIFICATION_KINDS.flatMap((kind) => {
      const delivery = input.preferences[kind];
      return delivery === undefined || delivery === current[kind] ? [] : [{ kind, delivery }];
    });
    await repo.savePreferences(trx, { userId: actor.id, organisationId: actor.organisationId }, choices);
    const preferences: Preferences = { ...current };
    for (const choice of choices) preferences[choice.kind] = choice.delivery;
    return { preferences, etag: preferencesEtag(preferences) };
  });
}
