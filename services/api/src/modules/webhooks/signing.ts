import { createHmac } from 'node:crypto';
import type { WebhookEventType, WebhookPayload } from '@cg/contracts';
import { signingKey } from './secret-box.js';

/*
 * Standard Webhooks 1.0: every request carries `webhook-id` (the same for each retry of one
 * message), `webhook-timestamp` (Unix seconds) and `webhook-signature`, a space-separated list of
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` — one per secret in force, so that during a
 * rotation a receiver holding either secret can verify.
 */

function sign(secret: string, webhookId: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', signingKey(secret)).update(`${webhookId}.${timestamp}.${body}`);
  return `v1,${mac.digest('base64')}`;
}

export function webhookHeaders(
  secrets: readonly string[],
  webhookId: string,
  timestamp: number,
  body: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'CommonGround-Webhooks/1.0',
    'webhook-id': webhookId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => sign(secret, webhookId, timestamp, body)).join(' '),
  };
}

export interface EventForPayload {
  eventId: string;
  eventType: WebhookEventType;
  /** The deal event's own type on the timeline (`milestone.created`, …). */
  timelineType: string;
  occurredAt: Date;
  dealId: string;
  side: 'sales' | 'procurement' | null;
  data: Record<string, unknown>;
}

const MILESTONE_ACTIONS = {
  'milestone.created': 'created',
  'milestone.changed': 'changed',
  'milestone.deleted': 'deleted',
  'task.created': 'created',
  'task.changed': 'changed',
  'task.deleted': 'deleted',
} as const;

/**
 * The body sent for an event: ids, the acting side, round, report version and status, picked
 * one by one from the event (never copied wholesale, so nothing else can slip through), in a
 * fixed key order so every retry sends the same bytes.
 */
export function webhookPayload(event: EventForPayload): WebhookPayload {
  const data: WebhookPayload['data'] = { dealId: event.dealId, side: event.side };
  const { round, version, status, milestoneId } = event.data;
  if (typeof round === 'number' && Number.isInteger(round)) data.round = round;
  if (typeof version === 'number' && Number.isInteger(version)) data.version = version;
  if (typeof status === 'string') data.status = status;
  if (typeof milestoneId === 'string') data.milestoneId = milestoneId;
  if (typeof event.data.taskId === 'string') data.taskId = event.data.taskId;
  if (typeof event.data.commentId === 'string') data.commentId = event.data.commentId;
  const action = MILESTONE_ACTIONS[event.timelineType as keyof typeof MILESTONE_ACTIONS];
  if (action) data.action = action;
  return { id: event.eventId, type: event.eventType, createdAt: event.occurredAt.toISOString(), data };
}
