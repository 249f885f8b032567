import { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS, type NotificationKind } from '@cg/domain';
import { z } from 'zod';
import { PageQuerySchema, Timestamp } from './common.js';

/** The notification kinds and deliveries of `@cg/domain`, under the names the contract has used. */
export const NOTIFICATION_KIND_VALUES = NOTIFICATION_KINDS;
export type NotificationKindValue = NotificationKind;
export { NOTIFICATION_DELIVERIES };

export const NotificationKindSchema = z.enum(NOTIFICATION_KIND_VALUES).meta({ id: 'NotificationKind' });

export const NotificationDeliverySchema = z
  .enum(NOTIFICATION_DELIVERIES)
  .describe(
    '`email`: a message at once; `digest`: in one daily message; `off`: no mail. Every notification is shown in the portal whatever the choice.',
  )
  .meta({ id: 'NotificationDelivery' });

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: NotificationKindSchema,
    dealId: z.string(),
    dealTitle: z.string().describe('The deal’s current title.'),
    headline: z.string().describe('One line, as the email’s subject says it.'),
    detail: z.string().describe('A sentence or two, as the email says it.'),
    createdAt: Timestamp,
    readAt: Timestamp.nullable().describe('When the person marked it read; null while unread.'),
  })
  .meta({ id: 'Notification' });

export const NotificationListQuerySchema = PageQuerySchema.extend({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .describe('`true`: only the notifications not yet marked read.'),
});

export const NotificationPageSchema = z
  .object({
    data: z.array(NotificationSchema).describe('Newest first.'),
    unreadCount: z
      .number()
      .int()
      .min(0)
      .describe('All of the caller’s unread notifications, not only this page’s.'),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  })
  .meta({ id: 'NotificationPage' });

export const NotificationIdParamsSchema = z.object({ notificationId: z.string().min(1).max(100) });

const deliveryByKind = <T extends z.ZodType>(value: (kind: NotificationKindValue) => T) =>
  z.object(
    Object.fromEntries(NOTIFICATION_KIND_VALUES.map((kind) => [kind, value(kind)])) as Record<
      NotificationKindValue,
      T
    >,
  );

export const NotificationPreferencesSchema = z
  .object({
    preferences: deliveryByKind(() => NotificationDeliverySchema).describe(
      'How the caller receives each kind of notification (`email` unless changed).',
    ),
  })
  .meta({ id: 'NotificationPreferences' });

export const UpdateNotificationPreferencesRequestSchema = z
  .object({
    preferences: deliveryByKind(() => NotificationDeliverySchema.exactOptional())
      .strict()
      .describe('The kinds to change; kinds left out keep their setting.'),
  })
  .strict()
  .meta({ id: 'UpdateNotificationPreferencesRequest' });

export const UnsubscribeQuerySchema = z.object({
  token: z
    .string()
    .min(1)
    .max(512)
    .describe('From the link in the message (`List-Unsubscribe`): it names the person and what to stop.'),
});

/** What an RFC 8058 one-click POST carries (and the confirmation page's button sends). */
export const UnsubscribeRequestSchema = z
  .object({ 'List-Unsubscribe': z.literal('One-Click') })
  .meta({ id: 'UnsubscribeRequest' });
