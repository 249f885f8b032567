import type { CreateWebhookEndpointRequestSchema } from '@cg/contracts';
import type { Database, Keyring } from '@cg/db';
import type { z } from 'zod';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { notFound, unprocessable } from '../../lib/problems.js';
import type { Actor } from '../../platform/caller.js';
import { requireScope } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import * as repo from './repository.js';
import { newEndpointSecret, openEndpointSecret, sealEndpointSecret } from './secret-box.js';
import { resolveTarget, TargetRefusedError } from './ssrf.js';

/** What webhook management works with: plain values, never the web framework's. */
export interface WebhookDeps {
  database: Database;
  keyring: Keyring;
  config: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: boolean };
}
type Deps = WebhookDeps;

/** Enough for staging, production and a few integrations; each one costs every deal event a row. */
const MAX_ENDPOINTS_PER_ORGANISATION = 20;
/** How long a replaced secret keeps signing after a rotation. */
const ROTATION_GRACE_MS = 24 * 3_600_000;

function endpointView(row: repo.EndpointSummary) {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    status: row.status,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at.toISOString(),
    secretRotatedAt: row.secret_rotated_at?.toISOString() ?? null,
    previousSecretExpiresAt:
      row.previous_secret_expires_at && row.previous_secret_expires_at.getTime() > Date.now()
        ? row.previous_secret_expires_at.toISOString()
        : null,
  };
}

/** Managing webhooks: administrators, or API clients granted `webhooks:manage`. */
const requireWebhookManager = (actor: Actor) => requireScope(actor, 'webhooks:manage');

export async function createEndpoint(
  deps: Deps,
  caller: Caller,
  input: z.output<typeof CreateWebhookEndpointRequestSchema>,
) {
  // Authorize before looking the host up, and look it up outside any transaction.
  await withCaller(deps.database, caller, async (_trx, actor) => requireWebhookManager(actor));
  let url: URL;
  try {
    ({ url } = await resolveTarget(input.url, {
      allowPrivateNetworks: deps.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    }));
  } catch (error) {
    if (error instanceof TargetRefusedError) throw unprocessable(error.reason);
    throw error;
  }
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireWebhookManager(actor);
    if ((await repo.countEndpoints(trx, actor.organisationId)) >= MAX_ENDPOINTS_PER_ORGANISATION) {
      throw unprocessable(
        `An organisation can have at most ${MAX_ENDPOINTS_PER_ORGANISATION} webhook endpoints: delete one first.`,
      );
    }
    const id = newId('whe');
    const secret = newEndpointSecret();
    const row = await repo.insertEndpoint(trx, {
      id,
      organisation_id: actor.organisationId,
      url: url.href,
      events: input.events,
      secret_sealed: sealEndpointSecret(deps.keyring, id, secret),
      created_by: actor.id,
    });
    effects.audit('webhook_endpoint.created', {
      subject: { type: 'webhook_endpoint', id },
      // The origin only: a path or query may carry the receiver's own token.
      detail: { origin: url.origin, events: input.events.join(' ') },
    });
    return { ...endpointView(row), secret };
  });
}

export function listEndpoints(
  deps: Deps,
  caller: Caller,
  page: { limit: number; cursor?: string | undefined },
) {
  const beforeId = decodeCursor(page.cursor, 'id');
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireWebhookManager(actor);
    const rows = await repo.listEndpoints(trx, { limit: page.limit, beforeId });
    return toPage(rows, page.limit, endpointView, (row) => row.id);
  });
}

export function getEndpoint(deps: Deps, caller: Caller, endpointId: string) {
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireWebhookManager(actor);
    const row = await repo.findEndpoint(trx, endpointId);
    if (!row) throw notFound('webhook endpoint');
    return endpointView(row);
  });
}

export function deleteEndpoint(deps: Deps, caller: Caller, endpointId: string) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireWebhookManager(actor);
    if (!(await repo.deleteEndpoint(trx, endpointId))) throw notFound('webhook endpoint');
    effects.audit('webhook_endpoint.deleted', {
      subject: { type: 'webhook_endpoint', id: endpointId },
    });
  });
}

export function rotateEndpointSecret(deps: Deps, caller: Caller, endpointId: string) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireWebhookManager(actor);
    const secret = newEndpointSecret();
    const graceUntil = new Date(Date.now() + ROTATION_GRACE_MS);
    const row = await repo.rotateSecret(
      trx,
      endpointId,
      sealEndpointSecret(deps.keyring, endpointId, secret),
      graceUntil,
    );
    if (!row) throw notFound('webhook endpoint');
    effects.audit('webhook_endpoint.secret_rotated', {
      subject: { type: 'webhook_endpoint', id: endpointId },
      detail: { previousSecretExpiresAt: graceUntil.toISOString() },
    });
    return { ...endpointView(row), secret };
  });
}

export function listDeliveryAttempts(
  deps: Deps,
  caller: Caller,
  endpointId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const beforeSeq = decodeCursor(page.cursor, 'position');
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireWebhookManager(actor);
    if (!(await repo.findEndpoint(trx, endpointId))) throw notFound('webhook endpoint');
    const rows = await repo.listAttempts(trx, endpointId, { limit: page.limit, beforeSeq });
    return toPage(
      rows,
      page.limit,
      (row) => ({
        deliveryId: row.delivery_id,
        attempt: row.attempt,
        eventId: row.deal_event_id,
        eventType: row.event_type,
        dealId: row.deal_id,
        attemptedAt: row.attempted_at.toISOString(),
        durationMs: row.duration_ms,
        statusCode: row.status_code,
        error: row.error,
        outcome: row.outcome,
        nextRetryAt: row.next_retry_at?.toISOString() ?? null,
      }),
      (row) => Number(row.seq),
    );
  });
}

/**
 * Re-seals every endpoint's secrets under the current master key, in small locked batches beside
 * live traffic — the webhook counterpart of re-wrapping deal keys when the master key rotates
 * (the keyring must still hold the previous keys). Returns how many endpoints it re-sealed.
 */
export async function resealEndpointSecrets(
  database: Database,
  keyring: Keyring,
  batchSize = 200,
): Promise<number> {
  let done = 0;
  let afterId = '';
  for (;;) {
    const rows = await database.asSystem(async (trx) => {
      const batch = await repo.lockEndpointSecrets(trx, { afterId, limit: batchSize });
      for (const row of batch) {
        const reseal = (sealed: string) =>
          sealEndpointSecret(keyring, row.id, openEndpointSecret(keyring, row.id, sealed));
        await repo.replaceSealedSecrets(trx, row.id, {
          secret: reseal(row.secret_sealed),
          previous: row.previous_secret_sealed && reseal(row.previous_secret_sealed),
        });
      }
      return batch;
    });
    if (rows.length === 0) return done;
    done += rows.length;
    afterId = rows[rows.length - 1]?.id ?? afterId;
  }
}
