import type { NotificationKindValue } from '@cg/contracts';
import { type NotificationDelivery, type NotificationKind, NOTIFICATION_KINDS as STORED_KINDS } from '@cg/db';

/*
 * The kinds of notification, as the database checks them (`@cg/db`) and as the API documents
 * them (`@cg/contracts`). The two lists must be one: `satisfies` below checks it at compile time
 * (every stored kind is an API kind; the labels name every API kind and no other).
 */
export const NOTIFICATION_KINDS = STORED_KINDS satisfies readonly NotificationKindValue[];

/** How a person gets a kind they have not chosen for. */
export const DEFAULT_DELIVERY: NotificationDelivery = 'email';

/** What each kind is about, for the unsubscribe pages: "… email when <label>". */
export const KIND_LABELS = {
  'deal.joined': 'the other side joins one of your deals',
  'assessment.submitted': 'the other side submits its assessment',
  'round.opened': 'a new round is opened on one of your deals',
  'alignment.ready': 'an alignment report is ready',
  'milestone.due': 'a milestone owned by your side is due soon',
  'milestone.overdue': 'a milestone owned by your side is overdue',
  'deal.closed': 'one of your deals is closed',
} satisfies Record<NotificationKindValue, string> satisfies Record<NotificationKind, string>;
