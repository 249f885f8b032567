import type { NotificationDelivery, NotificationKind, NotificationPreferences } from './endpoints.js';

/* Words for notifications and their settings. Display only: what happened comes from the API. */

export const NOTIFICATION_KIND_INFO: Readonly<
  Record<NotificationKind, { label: string; explanation: string }>
> = {
  'deal.joined': {
    label: 'The other side joined',
    explanation: 'The organisation you invited joined the deal.',
  },
  'assessment.submitted': {
    label: 'Your turn',
    explanation: 'The other side submitted its assessment and waits for yours.',
  },
  'round.opened': {
    label: 'A round was opened',
    explanation: 'A new round awaits your confirmation or your submission.',
  },
  'alignment.ready': {
    label: 'The report is ready',
    explanation: 'Both sides submitted: read the alignment.',
  },
  'milestone.due': {
    label: 'A milestone is due soon',
    explanation: 'A milestone your side owns is due in two days.',
  },
  'milestone.overdue': {
    label: 'A milestone is overdue',
    explanation: 'A milestone your side owns is past its due date.',
  },
  'deal.closed': { label: 'The deal was closed', explanation: 'The deal was won, lost or withdrawn.' },
};

export const DELIVERY_LABELS: Readonly<Record<NotificationDelivery, string>> = {
  email: 'Email now',
  digest: 'Daily digest',
  off: 'Off',
};

/** The kinds whose setting differs from the saved one: what a PUT needs to send. */
export function changedPreferences(
  saved: NotificationPreferences,
  draft: NotificationPreferences,
): Partial<NotificationPreferences> {
  return Object.fromEntries(
    (Object.keys(draft) as NotificationKind[])
      .filter((kind) => draft[kind] !== saved[kind])
      .map((kind) => [kind, draft[kind]]),
  );
}

/** The bell's accessible name and the figure it shows ("99+" beyond 99, nothing at 0). */
export function unreadBadge(count: number | undefined): { name: string; figure: string | undefined } {
  if (!count || count < 0) return { name: 'Notifications', figure: undefined };
  return {
    name: `Notifications, ${count} unread`,
    figure: count > 99 ? '99+' : String(count),
  };
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
];

/** "just now", "5 minutes ago", "yesterday"… up to a week; a date after that. */
export function formatRelative(iso: string, now: number, locale?: string): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (seconds < 7 * 24 * 60 * 60) {
    const [unit, size] = [...UNITS].reverse().find(([, length]) => seconds >= length) ?? ['minute', 60];
    return format.format(-Math.max(1, Math.floor(seconds / size)), unit);
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(then));
}
