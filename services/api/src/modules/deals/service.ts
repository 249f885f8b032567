import type { CreateDealRequestSchema, DealListQuerySchema, UpdateDealRequestSchema } from '@cg/contracts';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { AppError, conflict, notFound, unprocessable } from '../../lib/problems.js';
import { newSecret, sha256Hex } from '../../lib/secrets.js';
import { createDealKey } from '../assessments/keys.js';
import { insertAuditEvent } from '../audit/repository.js';
import { markClaimCommitted } from '../idempotency/service.js';
import { requireScope } from '../identity/access.js';
import { type Actor, type Principal, readWithActor, withActor } from '../identity/actor.js';
import { recordDealEvent } from '../timeline/service.js';
import { dealParty, requireDealParty } from './access.js';
import * as repo from './repository.js';
import { dealEtag, dealView, isClosed } from './view.js';

type Deps = Pick<FastifyInstance, 'database' | 'config' | 'keyring'>;

export const INVITATION_CODE_PREFIX = 'cgi_';

const actorRef = (actor: Actor) => ({ type: actor.kind, id: actor.id });

/** `YYYY-MM-DD` means midnight UTC of that day. */
const toTimestamp = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value);

export function createDeal(
  deps: Deps,
  principal: Principal,
  input: z.output<typeof CreateDealRequestSchema>,
  requestId: string,
) {
  return withActor(deps.database, principal, async (trx, actor) => {
    requireScope(actor, 'deals:write');
    const id = newId('deal');
    await repo.insertDeal(trx, {
      id,
      title: input.title,
      description: input.description ?? null,
      value_amount: input.value ? input.value.amount.toFixed(2) : null,
      value_currency: input.value?.currency ?? null,
      expected_decision_at: input.expectedDecisionAt ? toTimestamp(input.expectedDecisionAt) : null,
      status: 'awaiting_counterparty',
      sales_org_id: actor.side === 'sales' ? actor.organisationId : null,
      procurement_org_id: actor.side === 'procurement' ? actor.organisationId : null,
      created_by_org_id: actor.organisationId,
      round_budget: deps.config.ROUND_BUDGET,
    });
    await createDealKey(trx, deps.keyring, id);
    await recordDealEvent(trx, id, 'deal.created', actor.side);
    await insertAuditEvent(trx, {
      organisationId: actor.organisationId,
      actor: actorRef(actor),
      action: 'deal.created',
      subject: { type: 'deal', id },
      requestId,
    });
    const deal = await repo.findDeal(trx, id);
    if (!deal) throw notFound('deal');
    return { deal: dealView(deal), etag: dealEtag(deal) };
  });
}

export function listDeals(deps: Deps, principal: Principal, query: z.output<typeof DealListQuerySchema>) {
  const beforeId = decodeCursor(query.cursor, 'id');
  return withActor(
    deps.database,
    principal,
    async (trx, actor) => {
      requireScope(actor, 'deals:read');
      const rows = await repo.listDeals(trx, {
        side: actor.side,
        organisationId: actor.organisationId,
        limit: query.limit,
        beforeId,
        status: query.status,
      });
      return toPage(rows, query.limit, dealView, (row) => row.id);
    },
    // The page is read in the order of the organisation's index and stops at its end, whatever
    // the organisation's size (see `indexOrderedPage`).
    { indexOrderedPage: true },
  );
}

export async function getDeal(deps: Deps, principal: Principal, dealId: string) {
  const { actor, row } = await readWithActor(deps.database, principal, repo.actorWithDeal, { dealId });
  requireScope(actor, 'deals:read');
  const { deal } = dealParty(actor, repo.dealIn(row));
  return { deal: dealView(deal), etag: dealEtag(deal) };
}

export function updateDeal(
  deps: Deps,
  principal: Principal,
  dealId: string,
  input: z.output<typeof UpdateDealRequestSchema>,
  ifMatch: string | undefined,
  requestId: string,
) {
  return withActor(deps.database, principal, async (trx, actor) => {
    requireScope(actor, 'deals:write');
    const { deal, side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    if (ifMatch !== undefined && ifMatch !== dealEtag(deal) && ifMatch !== '*') {
      throw new AppError('precondition-failed', 'The deal has changed since you read it: fetch it again.');
    }
    const changed: string[] = [];
    const changes: Parameters<typeof repo.updateDeal>[2] = {};
    if (input.title !== undefined && input.title !== deal.title) {
      changes.title = input.title;
      changed.push('title');
    }
    if (input.description !== undefined && input.description !== deal.description) {
      changes.description = input.description;
      changed.push('description');
    }
    if (input.value !== undefined) {
      changes.value_amount = input.value ? input.value.amount.toFixed(2) : null;
      changes.value_currency = input.value?.currency ?? null;
      changed.push('value');
    }
    if (input.expectedDecisionAt !== undefined) {
      changes.expected_decision_at = input.expectedDecisionAt ? toTimestamp(input.expectedDecisionAt) : null;
      changed.push('expectedDecisionAt');
    }
    if (input.status !== undefined) {
      changes.status = input.status;
      changes.closed_at = new Date();
    }
    await repo.updateDeal(trx, dealId, changes);
    if (changed.length > 0) await recordDealEvent(trx, dealId, 'deal.updated', side, { fields: changed });
    if (input.status) await recordDealEvent(trx, dealId, 'deal.closed', side, { status: input.status });
    await insertAuditEvent(trx, {
      organisationId: actor.organisationId,
      actor: actorRef(actor),
      action: input.status ? 'deal.closed' : 'deal.updated',
      subject: { type: 'deal', id: dealId },
      detail: { fields: changed.join(','), ...(input.status ? { status: input.status } : {}) },
      requestId,
    });
    const updated = await repo.findDeal(trx, dealId);
    if (!updated) throw notFound('deal');
    return { deal: dealView(updated), etag: dealEtag(updated) };
  });
}

export function createInvitation(deps: Deps, principal: Principal, dealId: string, requestId: string) {
  return withActor(deps.database, principal, async (trx, actor) => {
    requireScope(actor, 'deals:write');
    const { deal, side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    if (deal.sales_org_id && deal.procurement_org_id)
      throw conflict('The counterparty has already joined this deal.');
    await repo.voidOpenInvitations(trx, dealId);
    const code = newSecret(INVITATION_CODE_PREFIX, 20);
    const expiresAt = new Date(Date.now() + deps.config.INVITATION_TTL_DAYS * 86_400_000);
    await repo.insertInvitation(trx, {
      id: newId('inv'),
      deal_id: dealId,
      organisation_id: actor.organisationId,
      code_hash: sha256Hex(code),
      expires_at: expiresAt,
    });
    await recordDealEvent(trx, dealId, 'invitation.issued', side);
    await insertAuditEvent(trx, {
      organisationId: actor.organisationId,
      actor: actorRef(actor),
      action: 'invitation.issued',
      subject: { type: 'deal', id: dealId },
      requestId,
    });
    return { code, expiresAt: expiresAt.toISOString() };
  });
}

/**
 * The accepting organisation is not a party yet, so the code is looked up across organisations
 * (system path) — by its hash, under a row lock, so a code is used once however many try.
 */
export async function acceptInvitation(deps: Deps, principal: Principal, code: string, requestId: string) {
  const { idempotencyClaim, ...caller } = principal;
  const joined = await withActor(deps.database, caller, async (_trx, actor) => {
    requireScope(actor, 'deals:write');
    return actor;
  });
  const dealId = await deps.database.asSystem(async (trx) => {
    const invitation = await repo.findInvitationForUpdate(trx, sha256Hex(code.trim()));
    if (!invitation || invitation.voided_at || invitation.expires_at.getTime() <= Date.now()) {
      throw notFound('invitation');
    }
    if (invitation.used_at) throw conflict('This invitation has already been used.');
    if (!(await repo.lockDeal(trx, invitation.deal_id))) throw notFound('invitation');
    const deal = await repo.findDeal(trx, invitation.deal_id);
    if (!deal) throw notFound('invitation');
    if (isClosed(deal)) throw conflict(`The deal is ${deal.status}: it can no longer be joined.`);
    if (deal.sales_org_id && deal.procurement_org_id) throw conflict('The deal already has both parties.');
    const hostSide = deal.sales_org_id ? 'sales' : 'procurement';
    if (joined.side === hostSide) {
      throw unprocessable(
        `Only a ${hostSide === 'sales' ? 'procurement' : 'sales'} organisation can join this deal: yours is on the ${joined.side} side.`,
      );
    }
    await repo.markInvitationUsed(trx, invitation.id, joined.organisationId);
    await repo.updateDeal(trx, deal.id, {
      [joined.side === 'sales' ? 'sales_org_id' : 'procurement_org_id']: joined.organisationId,
      status: 'assessing',
    });
    await recordDealEvent(trx, deal.id, 'deal.joined', joined.side);
    await insertAuditEvent(trx, {
      organisationId: joined.organisationId,
      actor: actorRef(joined),
      action: 'deal.joined',
      subject: { type: 'deal', id: deal.id },
      requestId,
    });
    if (idempotencyClaim) await markClaimCommitted(trx, idempotencyClaim);
    return deal.id;
  });
  return getDeal(deps, caller, dealId);
}
