import type { AssessmentDraftInput, AssessmentInput } from '@cg/contracts';
import { contentFingerprint, type DB, openContent, sealContent } from '@cg/db';
import {
  type AssessmentPart,
  canonicalDraft,
  computeAlignment,
  disclose,
  missingParts,
  otherSide,
  type Side,
  type SubmitRefusal,
  submit,
} from '@cg/domain';
import type { Kysely } from 'kysely';
import { AppError, conflict } from '../../lib/problems.js';
import type { Actor } from '../../platform/caller.js';
import { hasScope, requireScope } from '../../platform/scopes.js';
import { type Caller, type Effects, withCaller } from '../../platform/unit-of-work.js';
import { dataKeyOf, requireDealParty } from './access.js';
import type { DealRoomDeps } from './dependencies.js';
import * as repo from './repository.js';

type Deps = Pick<DealRoomDeps, 'database' | 'keyring'>;

const DRAFT = 'draft';
const assessmentEtag = (etag: number) => `"a${etag}"`;

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
  caller: Caller,
  dealId: string,
  input: AssessmentDraftInput,
  ifMatch: string | undefined,
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'assessments:write');
    const party = await requireDealParty(trx, actor, dealId, {
      forUpdate: true,
      writable: true,
      as: 'owner',
    });
    return saveDraft(trx, deps.keyring, actor, effects, party, input, ifMatch);
  });
}

/**
 * Stores the side's draft (sealed) in the caller's unit of work, which holds the deal's row lock:
 * what `PUT …/assessment` does, and what a consolidation of contributions ends in.
 */
export async function saveDraft(
  trx: Kysely<DB>,
  keyring: Deps['keyring'],
  actor: Actor,
  effects: Effects,
  { deal, side }: { deal: repo.DealToWorkOn; side: Side },
  input: AssessmentDraftInput,
  ifMatch: string | undefined,
) {
  const dealId = deal.id;
  const existing = await repo.findAssessment(trx, dealId, side);
  if (ifMatch !== undefined && ifMatch !== '*' && (!existing || ifMatch !== assessmentEtag(existing.etag))) {
    throw new AppError(
      'precondition-failed',
      'The assessment has changed since you read it: fetch it again.',
    );
  }
  const dataKey = dataKeyOf(keyring, deal);
  const binding = { dealId, side, revision: DRAFT };
  const stored = await repo.upsertAssessment(trx, {
    deal_id: dealId,
    side,
    organisation_id: actor.organisationId,
    content: sealContent(dataKey, JSON.stringify(input), binding),
    content_fingerprint: contentFingerprint(dataKey, canonicalDraft(input)),
  });
  effects.audit('assessment.saved', { subject: { type: 'deal', id: dealId }, detail: { side } });
  const previousDisclosure = existing
    ? (JSON.parse(openContent(dataKey, existing.content, binding)) as AssessmentDraftInput).disclosure
    : undefined;
  if (
    previousDisclosure !== undefined &&
    input.disclosure !== undefined &&
    previousDisclosure !== input.disclosure
  ) {
    effects.audit('assessment.disclosure_changed', {
      subject: { type: 'deal', id: dealId },
      detail: { from: previousDisclosure, to: input.disclosure },
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
}

/** The side's current draft, opened; empty when it has none yet. */
export async function currentDraft(
  trx: Kysely<DB>,
  keyring: Deps['keyring'],
  deal: repo.DealToWorkOn,
  side: Side,
): Promise<AssessmentDraftInput> {
  const existing = await repo.findAssessment(trx, deal.id, side);
  if (!existing) return {};
  const plaintext = openContent(dataKeyOf(keyring, deal), existing.content, {
    dealId: deal.id,
    side,
    revision: DRAFT,
  });
  return JSON.parse(plaintext) as AssessmentDraftInput;
}

export function getAssessment(deps: Deps, caller: Caller, dealId: string) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'assessments:read');
    const { deal, side } = await requireDealParty(trx, actor, dealId);
    const existing = await repo.findAssessment(trx, dealId, side);
    if (!existing)
      throw new AppError('not-found', 'Your side has not saved an assessment for this deal yet.');
    const dataKey = dataKeyOf(deps.keyring, deal);
    const content = JSON.parse(
      openContent(dataKey, existing.content, { dealId, side, revision: DRAFT }),
    ) as AssessmentDraftInput;
    effects.audit('assessment.read', { subject: { type: 'deal', id: dealId }, detail: { side } });
    const state = assessmentState(
      existing.status,
      side === 'sales' ? deal.sales_revision : deal.procurement_revision,
      existing.updated_at,
    );
    return { body: { ...content, ...state }, etag: assessmentEtag(existing.etag) };
  });
}

/** Only this side's own last submission is readable here; the other side's stays unknown (null). */
function lastFingerprintOf(side: Side, fingerprint: string | null): Record<Side, string | null> {
  return {
    sales: side === 'sales' ? fingerprint : null,
    procurement: side === 'procurement' ? fingerprint : null,
  };
}

const PART_LABELS: Record<AssessmentPart, string> = {
  '/objectives/0': 'Choose your first objective.',
  '/objectives/1': 'Choose your second objective.',
  '/objectives/2': 'Choose your third objective.',
  '/risks/operational': 'Rate the operational risk (likelihood and impact).',
  '/risks/financial': 'Rate the financial risk (likelihood and impact).',
  '/risks/informationSecurity': 'Rate the information-security risk (likelihood and impact).',
  '/nature': 'Place the purchase (supply risk and business impact).',
  '/disclosure': 'Choose how much the report may reveal.',
};

/** A draft that lacks parts cannot be submitted: 422 naming each missing part by JSON Pointer. */
function requireComplete(plaintext: string): void {
  const missing = missingParts(JSON.parse(plaintext) as AssessmentDraftInput);
  if (missing.length === 0) return;
  throw new AppError(
    'unprocessable-request',
    `Your draft is incomplete: fill in the ${missing.length} missing part${missing.length === 1 ? '' : 's'} before submitting.`,
    { errors: missing.map((path) => ({ path, message: PART_LABELS[path] })) },
  );
}

function submitRefused(reason: SubmitRefusal, roundBudget: number): AppError {
  switch (reason) {
    case 'counterparty_missing':
      return conflict('The other side has not joined the deal yet: invite them first.');
    case 'unchanged':
      return conflict(
        'Nothing changed since your last submission: change your assessment to open a new round.',
      );
    case 'round_budget_exhausted':
      return new AppError(
        'round-budget-exhausted',
        `All ${roundBudget} rounds of this deal have been used: no further round can be opened.`,
      );
  }
}

/**
 * Seals this side's current draft for the round, following the domain's rounds machine, in one
 * transaction holding the deal's row lock: two sides submitting at once close a round exactly
 * once, and a round's report is computed in the transaction that closes it.
 */
export function submitAssessment(deps: Deps, caller: Caller, dealId: string) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'assessments:write');
    const { deal, side } = await requireDealParty(trx, actor, dealId, {
      forUpdate: true,
      writable: true,
      as: 'owner',
    });
    const draft = await repo.findAssessment(trx, dealId, side);
    if (!draft) throw conflict('Save your assessment (PUT …/assessment) before submitting it.');
    const dataKey = dataKeyOf(deps.keyring, deal);
    const plaintext = openContent(dataKey, draft.content, { dealId, side, revision: DRAFT });
    requireComplete(plaintext);
    const last = await repo.findLatestSubmissionFingerprint(trx, dealId, side);
    const state = repo.roundsStateOf(deal, lastFingerprintOf(side, last?.content_fingerprint ?? null));
    const result = submit(state, side, draft.content_fingerprint, {
      counterpartyJoined: deal.sales_org_id !== null && deal.procurement_org_id !== null,
    });
    if (!result.ok) throw submitRefused(result.reason, deal.round_budget);

    const revision = (last?.revision ?? 0) + 1;
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
    await repo.updateDeal(trx, dealId, {
      round: result.state.round,
      report_ready: false,
      [`${side}_round_revision`]: revision,
      [`${side}_revision`]: revision,
      ...(result.outcome === 'opened' ? { [`${other}_round_revision`]: null } : {}),
    });
    await repo.markAssessmentSubmitted(trx, dealId, side);
    const round = result.state.round;
    effects.dealEvent({ dealId, type: 'assessment.submitted', side, data: { round } });
    if (result.outcome === 'opened')
      effects.dealEvent({ dealId, type: 'round.opened', side, data: { round } });
    if (result.outcome === 'closed') {
      const { version } = await closeRound(trx, dataKey, { ...deal, round });
      await repo.updateDeal(trx, dealId, { report_ready: true, status: 'aligned' });
      effects.dealEvent({ dealId, type: 'alignment.ready', side: null, data: { round, version } });
    }
    effects.audit('assessment.submitted', {
      subject: { type: 'deal', id: dealId },
      detail: { side, round, revision, outcome: result.outcome },
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

/**
 * Computes the report of the round being closed, from both sides' submissions for it, and stores
 * it as the deal's next version — already cut to the effective disclosure level for each reader,
 * so nothing beyond what a side may learn is ever stored in the clear.
 */
async function closeRound(
  trx: Kysely<DB>,
  dataKey: Buffer,
  deal: repo.DealToWorkOn,
): Promise<{ version: number }> {
  const submissions = await repo.roundSubmissions(trx, deal.id);
  const bySide = new Map<Side, { revision: number; assessment: AssessmentInput }>();
  for (const row of submissions) {
    const plaintext = openContent(dataKey, row.content, {
      dealId: deal.id,
      side: row.side,
      revision: row.revision,
    });
    bySide.set(row.side, { revision: row.revision, assessment: JSON.parse(plaintext) as AssessmentInput });
  }
  const sales = bySide.get('sales');
  const procurement = bySide.get('procurement');
  if (!sales || !procurement) throw new Error(`round ${deal.round} of ${deal.id} is not ready to close`);
  const report = computeAlignment(sales.assessment, procurement.assessment, {
    dealCreatedAt: deal.created_at.toISOString(),
    expectedDecisionAt: deal.expected_decision_at?.toISOString() ?? null,
    basedOn: { sales: sales.revision, procurement: procurement.revision },
  });
  const version = (await repo.latestReportVersion(trx, deal.id)) + 1;
  await repo.insertReport(trx, {
    deal_id: deal.id,
    version,
    round: deal.round,
    algorithm: report.algorithm,
    based_on_sales: sales.revision,
    based_on_procurement: procurement.revision,
    disclosure: report.disclosure,
    view_sales: JSON.stringify(disclose(report, report.disclosure, 'sales')),
    view_procurement: JSON.stringify(disclose(report, report.disclosure, 'procurement')),
  });
  return { version };
}
