/**
 * What a person is told about, one kind per cause: the counterparty joined, the other side
 * submitted ("your turn"), a round was opened, the report is ready, a milestone owned by the
 * person's side is due in two days or overdue, the deal was closed — and how they want it.
 * Spelled once here for the API's contract and the portals (the database's check constraint
 * spells it in SQL).
 */
export const NOTIFICATION_KINDS = [
  'deal.joined',
  'assessment.submitted',
  'round.opened',
  'alignment.ready',
  'milestone.due',
  'milestone.overdue',
  'deal.closed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_DELIVERIES = ['email', 'digest', 'off'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];
