import type {
  CreateDealRequestSchema,
  CreateInvitationRequestSchema,
  DealListQuerySchema,
  UpdateDealRequestSchema,
} from '@cg/contracts';
import type { DB } from '@cg/db';
import type { Side } from '@cg/domain';
import type { Insertable, Kysely } from 'kysely';
import type { z } from 'zod';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { AppError, conflict, notFound, unprocessable } from '../../lib/problems.js';
import { newSecret, sha256Hex } from '../../lib/secrets.js';
import { type Actor, readWithActor, requireVerifiedEmail } from '../../platform/caller.js';
import { prepareMail } from '../../platform/mail-outbox.js';
import { requireScope } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { portalOfSide } from '../mail/index.js';
import { dealParty, isClosed, requireDealParty } from './access.js';
import { createDealKey } from './data-keys.js';
import type { DealRoomDeps } from './dependencies.js';
import { addTemplatePlan, findTemplate } from './plan-library.js';
import * as repo from './repository.js';
import * as team from './team-repository.js';
import { dealEtag, dealView } from './view.js';

const INVITATION_CODE_PREFIX = 'cgi_';

/** `YYYY-MM-DD` means midnight UTC of that day. */
const toTimestamp = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value);

/** A template named at creation must exist: a 422 on the field, before anything is written. */
async function templateNamed(trx: Kysely<DB>, actor: Actor, templateId: string | undefined) {
  if (!templateId) return undefined;
  const template = await findTemplate(trx, actor, templateId);
  if (!template)
    throw new AppError('unprocessable-request', 'There is no plan template with that id.', {
      errors: [{ path: '/planTemplateId', message: 'not a template of GET /v1/plan-templates' }],
    });
  return template;
}

function newDealRow(
  id: string,
  input: z.output<typeof CreateDealRequestSchema>,
  actor: Actor,
  roundBudget: number,
): Insertable<DB['deals']> {
  return {
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
    round_budget: roundBudget,
  };
}

export function createDeal(
  deps: DealRoomDeps,
  caller: Caller,
  input: z.output<typeof CreateDealRequestSchema>,
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    const template = await templateNamed(trx, actor, input.planTemplateId);
    const id = newId('deal');
    const row = newDealRow(id, input, actor, deps.config.ROUND_BUDGET);
    await repo.insertDeal(trx, row);
    await createDealKey(trx, deps.keyring, id);
    if (actor.kind === 'user')
      await team.addOwner(trx, { dealId: id, organisationId: actor.organisationId, userId: actor.id });
    effects.dealEvent({ dealId: id, type: 'deal.created', side: actor.side });
    effects.audit('deal.created', { subject: { type: 'deal', id } });
    // A plan chosen at creation is written in the same transaction as the deal.
    if (template) {
      const decision = row.expected_decision_at ? new Date(row.expected_decision_at) : null;
      await addTemplatePlan(trx, effects, { id, decision, side: actor.side }, template);
    }
    const deal = await repo.findDeal(trx, id);
    if (!deal) throw notFound('deal');
    return { deal: dealView(deal), etag: dealEtag(deal) };
  });
}

export function listDeals(deps: DealRoomDeps, caller: Caller, query: z.output<typeof DealListQuerySchema>) {
  const beforeId = decodeCursor(query.cursor, 'id');
  return withCaller(
    deps.database,
    caller,
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

export async function getDeal(deps: DealRoomDeps, caller: Caller, dealId: string) {
  const { actor, row } = await readWithActor(deps.database, caller.principal, repo.actorWithDeal, { dealId });
  requireScope(actor, 'deals:read');
  const { deal } = dealParty(actor, repo.dealIn(row));
  return { deal: dealView(deal), etag: dealEtag(deal) };
}

type DealUpdate = z.output<typeof UpdateDealRequestSchema>;

/**
 * The columns an update sets, and the shared fields it names for the timeline: a title or
 * description set to what it already is is no change; closing the deal is told apart.
 */
function dealChanges(deal: repo.DealToWorkOn, input: DealUpdate) {
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
  return { changes, changed };
}

export function updateDeal(
  deps: DealRoomDeps,
  caller: Caller,
  dealId: string,
  input: DealUpdate,
  ifMatch: string | undefined,
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    const { deal, side } = await requireDealParty(trx, actor, dealId, {
      forUpdate: true,
      writable: true,
      as: 'owner',
    });
    if (ifMatch !== undefined && ifMatch !== dealEtag(deal) && ifMatch !== '*') {
      throw new AppError('precondition-failed', 'The deal has changed since you read it: fetch it again.');
    }
    const { changes, changed } = dealChanges(deal, input);
    await repo.updateDeal(trx, dealId, changes);
    // The plan's relative due dates follow the decision date, in the same transaction.
    if (changes.expected_decision_at !== undefined)
      await repo.moveRelativeDueDates(trx, dealId, changes.expected_decision_at);
    if (changed.length > 0)
      effects.dealEvent({ dealId: dealId, type: 'deal.updated', side: side, data: { fields: changed } });
    if (input.status)
      effects.dealEvent({ dealId: dealId, type: 'deal.closed', side: side, data: { status: input.status } });
    effects.audit(input.status ? 'deal.closed' : 'deal.updated', {
      subject: { type: 'deal', id: dealId },
      detail: { fields: changed.join(','), ...(input.status ? { status: input.status } : {}) },
    });
    const updated = await repo.findDeal(trx, dealId);
    if (!updated) throw notFound('deal');
    return { deal: dealView(updated), etag: dealEtag(updated) };
  });
}

export function createInvitation(
  deps: DealRoomDeps,
  caller: Caller,
  dealId: string,
  input: z.output<typeof CreateInvitationRequestSchema> = {},
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'deals:write');
    const { deal, side } = await requireDealParty(trx, actor, dealId, {
      forUpdate: true,
      writable: true,
      as: 'owner',
    });
    if (deal.sales_org_id && deal.procurement_org_id)
      throw conflict('The counterparty has already joined this deal.');
    if (input.email) await requireVerifiedEmail(trx, actor);
    await repo.voidOpenInvitations(trx, dealId);
    const code = newSecret(INVITATION_CODE_PREFIX, 20);
    const expiresAt = new Date(Date.now() + deps.config.INVITATION_TTL_DAYS * 86_400_000);
    await repo.insertInvitation(trx, {
      id: newId('inv'),
      deal_id: dealId,
      organisation_id: actor.organisationId,
      code_hash: sha256Hex(code),
      expires_at: expiresAt,
      created_by: actor.id,
    });
    if (input.email) {
      effects.mail(
        invitationMail(deps, actor, { title: deal.title, code, input: { ...input, email: input.email } }),
      );
    }
    effects.dealEvent({ dealId: dealId, type: 'invitation.issued', side: side });
    effects.audit('invitation.issued', {
      subject: { type: 'deal', id: dealId },
      detail: { emailed: !!input.email },
    });
    return { code, expiresAt: expiresAt.toISOString(), ...(input.email ? { emailedTo: input.email } : {}) };
  });
}

/** The message that carries an invitation's code to the other side, with a link to its portal. */
function invitationMail(
  deps: DealRoomDeps,
  actor: Actor,
  {
    title,
    code,
    input,
  }: {
    title: string;
    code: string;
    input: { email: string; name?: string | undefined; message?: string | undefined };
  },
) {
  return prepareMail(deps.keyring, {
    organisationId: actor.organisationId,
    to: input.email,
    template: 'invitation',
    params: {
      dealTitle: title,
      inviterName: actor.name,
      inviterOrganisation: actor.organisationName,
      portal: portalOfSide(actor.side === 'sales' ? 'procurement' : 'sales'),
      recipientName: input.name ?? null,
      message: input.message ?? null,
      validDays: deps.config.INVITATION_TTL_DAYS,
    },
    secret: code,
  });
}

/** An expired or voided code is as unknown as a wrong one (404); only a used one is told apart. */
async function requireUnusedInvitation(trx: Kysely<DB>, code: string) {
  const invitation = await repo.findInvitationForUpdate(trx, sha256Hex(code.trim()));
  if (!invitation || invitation.voided_at || invitation.expires_at.getTime() <= Date.now()) {
    throw notFound('invitation');
  }
  if (invitation.used_at) throw conflict('This invitation has already been used.');
  return invitation;
}

/** A deal can be joined while it is open, has one party, and only from the side it lacks. */
function requireJoinable(deal: repo.DealToWorkOn, joiningSide: Side) {
  if (isClosed(deal)) throw conflict(`The deal is ${deal.status}: it can no longer be joined.`);
  if (deal.sales_org_id && deal.procurement_org_id) throw conflict('The deal already has both parties.');
  const hostSide = deal.sales_org_id ? 'sales' : 'procurement';
  if (joiningSide === hostSide) {
    throw unprocessable(
      `Only a ${hostSide === 'sales' ? 'procurement' : 'sales'} organisation can join this deal: yours is on the ${joiningSide} side.`,
    );
  }
}

/**
 * The accepting organisation is not a party yet, so the code is looked up across organisations
 * (a system unit of work) — by its hash, under a row lock, so a code is used once however many
 * try.
 */
export async function acceptInvitation(deps: DealRoomDeps, caller: Caller, code: string) {
  const dealId = await withCaller(
    deps.database,
    caller,
    async (trx, joined, effects) => {
      requireScope(joined, 'deals:write');
      const invitation = await requireUnusedInvitation(trx, code);
      const deal = await repo.lockAndFindDeal(trx, invitation.deal_id);
      if (!deal) throw notFound('invitation');
      requireJoinable(deal, joined.side);
      await repo.markInvitationUsed(trx, invitation.id, joined.organisationId);
      await repo.updateDeal(trx, deal.id, {
        [joined.side === 'sales' ? 'sales_org_id' : 'procurement_org_id']: joined.organisationId,
        status: 'assessing',
      });
      if (joined.kind === 'user')
        await team.addOwner(trx, {
          dealId: deal.id,
          organisationId: joined.organisationId,
          userId: joined.id,
        });
      effects.dealEvent({ dealId: deal.id, type: 'deal.joined', side: joined.side });
      effects.audit('deal.joined', { subject: { type: 'deal', id: deal.id } });
      return deal.id;
    },
    { acrossOrganisations: true },
  );
  return getDeal(deps, { principal: caller.principal, requestId: caller.requestId }, dealId);
}
