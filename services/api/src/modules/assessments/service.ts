import type { AssessmentInput } from '@cg/contracts';
import { contentFingerprint, openContent, sealContent } from '@cg/db';
import { canonicalAssessment, otherSide, submit } from '@cg/domain';
import type { FastifyInstance } from 'fastify';
import { AppError, conflict } from '../../lib/problems.js';
import { computeRoundReport } from '../alignment/service.js';
import { insertAuditEvent } from '../audit/repository.js';
import { requireDealParty } from '../deals/access.js';
import { updateDeal } from '../deals/repository.js';
import { roundsStateOf } from '../deals/view.js';
import { hasScope, requireScope } from '../identity/access.js';
import { type Actor, type Principal, withActor } from '../identity/actor.js';
import { recordDealEvent } from '../timeline/service.js';
import { dealDataKey } from './keys.js';
import * as repo from './repository.js';

type Deps = Pick<FastifyInstance, 'database' | 'keyring'>;

const DRAFT = 'draft';
const actorRef = (actor: Actor) => ({ type: actor.kind, id: actor.id });
export const assessmentEtag = (etag: number) => `"a${etag}"`;

function assessmentState(status: 'draft' | 'submitted', latestRevision: number | null, updatedAt: Date) {
  const submitted = latestRevision ?? 0;
  return {
    status,
    revision: status === 'submitted' ? submitted : submitted + 1,
    updatedAt: updatedAt.toISOString(),
  };
}

export function putAssessment(
  deps: Deps,
  principal: Principal,
  dealId: string,
  input: AssessmentInput,
  ifMatch: string | undefined,
  requestId: string,
) {
  return withActor(deps.database, principal, async (trx, actor) => {
    requireScope(actor, 'assessments:write');
    const { deal, side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    const existing = await repo.findAssessment(trx, dealId, side);
    if (
      ifMatch !== undefined &&
      ifMatch !== '*' &&
      (!existing || ifMatch !== assessmentEtag(existing.etag))
    ) {
      throw new AppError(
        'precondition-failed',
        'The assessment has changed since you read it: fetch it again.',
      );
    }
    const dataKey = await dealDataKey(trx, deps.keyring, dealId);
    const binding = { dealId, side, revision: DRAFT };
    const stored = await repo.upsertAssessment(trx, {
      deal_id: dealId,
      side,
      organisation_id: actor.organisationId,
      content: sealContent(dataKey, JSON.stringify(input), binding),
      content_fingerprint: contentFingerprint(dataKey, canonicalAssessment(input)),
    });
    await insertAuditEvent(trx, {
      organisationId: actor.organisationId,
      actor: actorRef(actor),
      action: 'assessment.saved',
      subject: { type: 'deal', id: dealId },
      detail: { side },
      requestId,
    });
    const previousDisclosure = existing
      ? (JSON.parse(openContent(dataKey, existing.content, binding)) as AssessmentInput).disclosure
      : undefined;
    if (previousDisclosure !== undefined && previousDisclosure !== input.disclosure) {
      await insertAuditEvent(trx, {
        organisationId: actor.organisationId,
        actor: actorRef(actor),
        action: 'assessment.disclosure_changed',
        subject: { type: 'deal', id: dealId },
        detail: { from: previousDisclosure, to: input.disclosure },
        requestId,
      });
    }
    const state = assessmentState(
      'draft',
      side === 'sales' ? deal.sales_revision : deal.procurement_revision,
      stored.updated_at,
    );
    // A write-only integration gets a receipt, not its content back.
    const body = hasScope(actor, 'assessments:read') ? { ...input, ...state } : state;
    return { body, etag: assessmentEtag(stored.etag) };
  });
}

export function getAssessment(deps: Deps, principal: Principal, dealId: string, requestId: string) {
  return withActor(deps.database, principal, async (trx, actor) => {
    requireScope(actor, 'assessments:read');
    const { deal, side } = await requireDealParty(trx, actor, dealId);
    const existing = await repo.findAssessment(trx, dealId, side);
    if (!existing)
      throw new AppError('not-found', 'Your side has not saved an assessment for this deal yet.');
    const dataKey = await dealDataKey(trx, deps.keyring, dealId);
    const content = JSON.parse(
      openContent(dataKey, existing.content, { dealId, side, revision: DRAFT }),
    ) as AssessmentInput;
    await insertAuditEvent(trx, {
      organisationId: actor.organisationId,
      actor: actorRef(actor),
      action: 'assessment.read',
      subject: { type: 'deal', id: dealId },
      detail: { side },
      requestId,
    });
    const state = assessmentState(
      existing.status,
      side === 'sales' ? deal.sales_revision : deal.procurement_revision,
      existing.updated_at,
    );
    return { body: { ...content, ...state }, etag: assessmentEtag(existing.etag) };
  });
}

/**
 * Seals this side's current draft for the round, following the domain's rounds machine, in one
 * transaction holding the deal's row lock: two sides submitting at once close a round exactly
 * once, and a round's report is computed in the transaction that closes it.
 */
export function submitAssessment(deps: Deps, principal: Principal, dealId: string, requestId: string) {
  return withActor(deps.database, principal, async (trx, actor) => {
    requireScope(actor, 'assessments:write');
    const { deal, side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    const draft = await repo.findAssessment(trx, dealId, side);
    if (!draft) throw conflict('Save your assessment (PUT …/assessment) before submitting it.');
    const last = await repo.findLatestSubmissionFingerprint(trx, dealId, side);
    const state = roundsStateOf(deal, {
      sales: side === 'sales' ? (last?.content_fingerprint ?? null) : null,
      procurement: side === 'procurement' ? (last?.content_fingerprint ?? null) : null,
    });
    const result = submit(state, side, draft.content_fingerprint, {
      counterpartyJoined: deal.sales_org_id !== null && deal.procurement_org_id !== null,
    });
    if (!result.ok) {
      switch (result.reason) {
        case 'counterparty_missing':
          throw conflict('The other side has not joined the deal yet: invite them first.');
        case 'unchanged':
          throw conflict(
            'Nothing changed since your last submission: change your assessment to open a new round.',
          );
        case 'round_budget_exhausted':
          throw new AppError(
            'round-budget-exhausted',
            `All ${deal.round_budget} rounds of this deal have been used: no further round can be opened.`,
          );
      }
    }

    const revision = (last?.revision ?? 0) + 1;
    const dataKey = await dealDataKey(trx, deps.keyring, dealId);
    const plaintext = openContent(dataKey, draft.content, { dealId, side, revision: DRAFT });
    await repo.insertSubmission(trx, {
      deal_id: dealId,
      side,
      revision,
      organisation_id: actor.organisationId,
      round: result.state.round,
      content: sealContent(dataKey, plaintext, { dealId, side, revision }),
      content_fingerprint: draft.content_fingerprint,
    });
    const other = otherSide(side);
    await updateDeal(trx, dealId, {
      round: result.state.round,
      report_ready: false,
      [`${side}_round_revision`]: revision,
      [`${side}_revision`]: revision,
      ...(result.outcome === 'opened' ? { [`${other}_round_revision`]: null } : {}),
    });
    await repo.markAssessmentSubmitted(trx, dealId, side);
    await recordDealEvent(trx, dealId, 'assessment.submitted', side, { round: result.state.round });
    if (result.outcome === 'opened') {
      await recordDealEvent(trx, dealId, 'round.opened', side, { round: result.state.round });
    }
    if (result.outcome === 'closed') {
      const { version } = await computeRoundReport(trx, deps.keyring, { ...deal, round: result.state.round });
      await updateDeal(trx, dealId, { report_ready: true, status: 'aligned' });
      await recordDealEvent(trx, dealId, 'alignment.ready', null, { round: result.state.round, version });
    }
    await insertAuditEvent(trx, {
      organisationId: actor.organisationId,
      actor: actorRef(actor),
      action: 'assessment.submitted',
      subject: { type: 'deal', id: dealId },
      detail: { side, round: result.state.round, revision, outcome: result.outcome },
      requestId,
    });
    return {
      status: 'submitted' as const,
      round: result.state.round,
      roundsLeft: result.roundsLeft,
      outcome: result.outcome,
      revision,
    };
  });
}
