import { z } from 'zod';
import { Timestamp } from './common.js';

/** The events an endpoint can subscribe to (API.md "Webhooks"). */
export const WEBHOOK_EVENT_TYPES = [
  'deal.joined',
  'assessment.submitted',
  'round.opened',
  'alignment.ready',
  'milestone.changed',
  'deal.closed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WebhookEventTypeSchema = z
  .enum(WEBHOOK_EVENT_TYPES)
  .describe(
    '`deal.joined` (the counterparty joined), `assessment.submitted`, `round.opened`, `alignment.ready` (a report version exists), `milestone.changed` (created, changed or deleted), `deal.closed` (won, lost or withdrawn).',
  )
  .meta({ id: 'WebhookEventType' });

export const CreateWebhookEndpointRequestSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .max(2048)
      .describe(
        'Where to POST events. https, and an address on the public internet (loopback, private and link-local addresses are refused).',
      ),
    events: z
      .array(WebhookEventTypeSchema)
      .min(1, 'must subscribe to at least one event')
      .refine((events) => new Set(events).size === events.length, 'must not repeat an event'),
  })
  .strict()
  .meta({ id: 'CreateWebhookEndpointRequest' });

export const WebhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(WebhookEventTypeSchema),
    status: z
      .enum(['active', 'disabled'])
      .describe('`disabled` after the endpoint answered 410 Gone: nothing more is sent to it.'),
    disabledAt: Timestamp.nullable(),
    disabledReason: z.string().nullable(),
    createdAt: Timestamp,
    secretRotatedAt: Timestamp.nullable(),
    previousSecretExpiresAt: Timestamp.nullable().describe(
      'After a rotation: until then deliveries carry a signature with the previous secret too.',
    ),
  })
  .meta({ id: 'WebhookEndpoint' });

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z
    .string()
    .describe(
      'The signing secret, `whsec_` + base64 of 32 random bytes. Shown in this reply only: keep it to verify `webhook-signature`.',
    ),
}).meta({ id: 'WebhookEndpointWithSecret' });

export const WebhookEndpointIdParamsSchema = z.object({ endpointId: z.string().min(1).max(100) });

export const WebhookDeliveryAttemptSchema = z
  .object({
    deliveryId: z
      .string()
      .describe('The `webhook-id` header: the same for every attempt of one event to one endpoint.'),
    attempt: z.int().describe('1 for the first attempt, 2 for the first retry, …'),
    eventId: z.string().describe('The `id` of the payload (the deal event).'),
    eventType: WebhookEventTypeSchema,
    dealId: z.string(),
    attemptedAt: Timestamp,
    durationMs: z.int(),
    statusCode: z.int().nullable().describe('The endpoint’s HTTP status; null when there was no answer.'),
    error: z
      .string()
      .nullable()
      .describe('Why the attempt failed without an answer (timeout, refused address, …).'),
    outcome: z
      .enum(['succeeded', 'retrying', 'failed'])
      .describe('`retrying`: another attempt follows at `nextRetryAt`; `failed`: no more attempts.'),
    nextRetryAt: Timestamp.nullable(),
  })
  .meta({ id: 'WebhookDeliveryAttempt' });

/** What an endpoint receives: the body of every webhook request (documentation and tests). */
export const WebhookPayloadSchema = z
  .object({
    id: z.string().describe('The deal event’s id: the same for every endpoint and every retry.'),
    type: WebhookEventTypeSchema,
    createdAt: Timestamp,
    data: z
      .object({
        dealId: z.string(),
        side: z.enum(['sales', 'procurement']).nullable(),
        round: z.int().optional(),
        version: z.int().optional(),
        status: z.string().optional(),
        milestoneId: z.string().optional(),
        taskId: z.string().optional().describe('Set when the change was to a task of the milestone.'),
        commentId: z.string().optional().describe('Set for a new comment: its id, never its text.'),
        action: z.enum(['created', 'changed', 'deleted']).optional(),
      })
      .describe('Ids, the acting side, round, report version and status only — never assessment content.'),
  })
  .meta({ id: 'WebhookPayload' });
export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;
