import type { ColumnType } from 'kysely';

/**
 * The webhook tables (migration 2026_11_29_130000_create_webhooks), added to the one `DB`
 * interface of schema.ts.
 */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type WebhookEventType =
  | 'deal.joined'
  | 'assessment.submitted'
  | 'round.opened'
  | 'alignment.ready'
  | 'milestone.changed'
  | 'deal.closed';

export interface WebhookEndpointsTable {
  id: string;
  organisation_id: string;
  url: string;
  events: WebhookEventType[];
  /** The signing secret sealed under the master keyring (its key id included), bound to the endpoint id. */
  secret_sealed: string;
  /** After a rotation: the replaced secret, which keeps signing until `previous_secret_expires_at`. */
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Timestamp | null;
  secret_rotated_at: Timestamp | null;
  status: ColumnType<'active' | 'disabled', 'active' | 'disabled' | undefined, 'active' | 'disabled'>;
  disabled_at: Timestamp | null;
  disabled_reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface WebhookDeliveriesTable {
  /** The `webhook-id` of every attempt of this event to this endpoint. */
  id: string;
  organisation_id: string;
  endpoint_id: string;
  deal_event_id: string;
  deal_id: string;
  event_type: WebhookEventType;
  status: ColumnType<
    'pending' | 'succeeded' | 'failed' | 'cancelled',
    'pending' | undefined,
    'pending' | 'succeeded' | 'failed' | 'cancelled'
  >;
  /** Attempts started so far (a claim counts one). */
  attempts: ColumnType<number, number | undefined, number>;
  /** When it is due; while an attempt is in flight, the end of that attempt's lease. */
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_attempt_at: Timestamp | null;
  completed_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface WebhookAttemptsTable {
  delivery_id: string;
  attempt: number;
  /** Insertion order, for the delivery log's pages. */
  seq: ColumnType<string | number, never, never>;
  organisation_id: string;
  endpoint_id: string;
  attempted_at: Timestamp;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  outcome: 'succeeded' | 'retrying' | 'failed';
  next_retry_at: Timestamp | null;
}

declare module './schema.js' {
  interface DB {
    webhook_endpoints: WebhookEndpointsTable;
    webhook_deliveries: WebhookDeliveriesTable;
    webhook_attempts: WebhookAttemptsTable;
  }
}
