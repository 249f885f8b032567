import type { Database, DB, Keyring } from '@cg/db';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { appendAuditEntry } from '../../platform/effects.js';
import { createOutboxPoller, type OutboxPoller } from '../../platform/outbox-poller.js';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  countPendingDeliveries,
  disableEndpoint,
  recordAttempt,
} from './repository.js';
import { openEndpointSecret } from './secret-box.js';
import { postWebhook, type SendResult } from './sender.js';
import { webhookHeaders, webhookPayload } from './signing.js';

/*
 * The delivery worker: every API process runs one (unless WEBHOOK_WORKER_ENABLED=false). It
 * polls the outbox, claims due deliveries with FOR UPDATE SKIP LOCKED (so processes sharing a
 * database never claim the same attempt), leases each for the request's timeout plus a margin,
 * signs and POSTs it, then settles it: 2xx succeeded; 410 disables the endpoint; anything else is
 * retried on WEBHOOK_RETRY_SCHEDULE_SECONDS (with jitter, or later if `Retry-After` says so) until
 * the schedule runs out. A process that dies mid-attempt leaves a lease that runs out, and the
 * delivery is attempted again — by any process, with the same `webhook-id`.
 */

/** The worker's settings (the README's `WEBHOOK_*` variables). */
interface WorkerConfig {
  WEBHOOK_RETRY_SCHEDULE_SECONDS: number[];
  WEBHOOK_POLL_INTERVAL_MS: number;
  WEBHOOK_TIMEOUT_MS: number;
  WEBHOOK_CONCURRENCY: number;
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: boolean;
}

interface WebhookWorkerDeps {
  database: Database;
  keyring: Keyring;
  config: WorkerConfig;
  log: FastifyBaseLogger;
}

/** Beyond the request's own timeout, how long a claim stays with its worker. */
const LEASE_MARGIN_SECONDS = 30;
/** No wait, whatever `Retry-After` asks, is longer than this. */
const MAX_RETRY_AFTER_SECONDS = 86_400;
const GONE_REASON = 'The endpoint answered 410 Gone.';

/** ±10 % so that receivers coming back from an outage are not hit by every retry at once. */
const withJitter = (seconds: number) => seconds * (0.9 + Math.random() * 0.2);

/** `Retry-After` as seconds (delta-seconds or an HTTP date); undefined if absent or unreadable. */
export function retryAfterSeconds(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), MAX_RETRY_AFTER_SECONDS);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, (date - now) / 1000), MAX_RETRY_AFTER_SECONDS);
}

/**
 * What to do after attempt `attempt` (1-based) ended with `result`; `schedule[n]` is the wait
 * before attempt n + 1.
 */
export function settle(
  result: SendResult,
  attempt: number,
  schedule: readonly number[],
): { outcome: 'succeeded' | 'retrying' | 'failed'; retryInSeconds?: number; gone?: true } {
  const { statusCode } = result;
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return { outcome: 'succeeded' };
  if (statusCode === 410) return { outcome: 'failed', gone: true };
  if (result.interrupted) return { outcome: 'retrying', retryInSeconds: 0 };
  const scheduled = schedule[attempt];
  if (scheduled === undefined) return { outcome: 'failed' };
  const asked = retryAfterSeconds(result.retryAfter) ?? 0;
  return { outcome: 'retrying', retryInSeconds: Math.max(withJitter(scheduled), asked) };
}

/** Until it expires, the replaced secret signs too: receivers may not have switched yet. */
function openSecrets(keyring: Keyring, delivery: ClaimedDelivery): string[] {
  const secrets = [openEndpointSecret(keyring, delivery.endpoint_id, delivery.secret_sealed)];
  if (
    delivery.previous_secret_sealed &&
    delivery.previous_secret_expires_at &&
    delivery.previous_secret_expires_at.getTime() > Date.now()
  ) {
    secrets.push(openEndpointSecret(keyring, delivery.endpoint_id, delivery.previous_secret_sealed));
  }
  return secrets;
}

/** Signs a delivery and POSTs it; `shutdown` interrupts the request. */
async function sendDelivery(
  { keyring, config, log }: WebhookWorkerDeps,
  delivery: ClaimedDelivery,
  shutdown: AbortSignal,
): Promise<SendResult> {
  let secrets: string[];
  try {
    secrets = openSecrets(keyring, delivery);
  } catch (error) {
    log.error({ err: error, endpointId: delivery.endpoint_id }, 'webhook secret cannot be opened');
    return {
      statusCode: null,
      retryAfter: undefined,
      error: 'the signing secret cannot be opened',
      interrupted: false,
    };
  }
  const body = JSON.stringify(
    webhookPayload({
      eventId: delivery.deal_event_id,
      eventType: delivery.event_type,
      timelineType: delivery.timeline_type,
      occurredAt: delivery.occurred_at,
      dealId: delivery.deal_id,
      side: delivery.side,
      data: delivery.data,
    }),
  );
  const timestamp = Math.floor(Date.now() / 1000);
  return postWebhook(delivery.url, webhookHeaders(secrets, delivery.id, timestamp, body), body, {
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    allowPrivateNetworks: config.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    shutdown,
  });
}

/** A 410 means the receiver asks to be left alone: no one else would stop the deliveries. */
async function disableGoneEndpoint(trx: Kysely<DB>, delivery: ClaimedDelivery) {
  const disabled = await disableEndpoint(trx, delivery.endpoint_id, GONE_REASON);
  if (!disabled) return;
  await appendAuditEntry(trx, {
    organisationId: disabled.organisation_id,
    actor: { type: 'system', id: null },
    action: 'webhook_endpoint.disabled',
    subject: { type: 'webhook_endpoint', id: disabled.id },
    detail: { reason: GONE_REASON, deliveryId: delivery.id },
  });
}

interface FinishedAttempt {
  attemptedAt: Date;
  durationMs: number;
  result: SendResult;
  decision: ReturnType<typeof settle>;
}

/** Settles an attempt; false if its lease ran out and another attempt supersedes it. */
function recordFinishedAttempt(
  database: Database,
  delivery: ClaimedDelivery,
  { attemptedAt, durationMs, result, decision }: FinishedAttempt,
): Promise<boolean> {
  return database.asSystem(async (trx) => {
    const settled = await recordAttempt(trx, {
      deliveryId: delivery.id,
      attempt: delivery.attempts,
      organisationId: delivery.organisation_id,
      endpointId: delivery.endpoint_id,
      attemptedAt,
      durationMs,
      statusCode: result.statusCode,
      error: result.error,
      outcome: decision.outcome,
      ...(decision.retryInSeconds !== undefined ? { retryInSeconds: decision.retryInSeconds } : {}),
    });
    if (settled && decision.gone) await disableGoneEndpoint(trx, delivery);
    return settled !== null;
  });
}

/** One attempt of one delivery: send, decide what comes next, record it. */
async function deliver(deps: WebhookWorkerDeps, delivery: ClaimedDelivery, shutdown: AbortSignal) {
  const { database, config, log } = deps;
  const attemptedAt = new Date();
  const started = performance.now();
  const result = await sendDelivery(deps, delivery, shutdown);
  const durationMs = Math.round(performance.now() - started);
  const decision = settle(result, delivery.attempts, config.WEBHOOK_RETRY_SCHEDULE_SECONDS);
  const context = {
    deliveryId: delivery.id,
    endpointId: delivery.endpoint_id,
    attempt: delivery.attempts,
    statusCode: result.statusCode,
    outcome: decision.outcome,
  };
  try {
    const recorded = await recordFinishedAttempt(database, delivery, {
      attemptedAt,
      durationMs,
      result,
      decision,
    });
    if (recorded) log.info({ ...context, error: result.error }, 'webhook attempt');
    else log.warn(context, 'webhook attempt outlived its lease; another attempt supersedes it');
  } catch (error) {
    // The lease runs out and the delivery is attempted again.
    log.error({ ...context, err: error }, 'webhook attempt could not be recorded');
  }
}

function createWebhookWorker(deps: WebhookWorkerDeps): OutboxPoller {
  const { database, config, log } = deps;
  const leaseSeconds = Math.ceil(config.WEBHOOK_TIMEOUT_MS / 1000) + LEASE_MARGIN_SECONDS;
  return createOutboxPoller({
    claim: (limit) => database.asSystem((trx) => claimDueDeliveries(trx, { limit, leaseSeconds })),
    handle: (delivery, shutdown) => deliver(deps, delivery, shutdown),
    concurrency: config.WEBHOOK_CONCURRENCY,
    intervalMs: config.WEBHOOK_POLL_INTERVAL_MS,
    log,
    name: 'webhook',
  });
}

/** Runs the worker beside the API: from `onReady` until `onClose`. */
export default fp(
  async function webhookWorkerPlugin(app: FastifyInstance) {
    app.metricsGauges.set('webhook_queue_depth', {
      help: 'Webhook deliveries not yet made (due now or waiting for a retry).',
      read: () => app.database.asSystem((trx) => countPendingDeliveries(trx)),
    });
    if (!app.config.WEBHOOK_WORKER_ENABLED) return;
    const worker = createWebhookWorker({
      database: app.database,
      keyring: app.keyring,
      config: app.config,
      log: app.log.child({ component: 'webhook-worker' }),
    });
    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => worker.stop());
  },
  { name: 'webhook-worker', dependencies: ['database', 'metrics'] },
);
