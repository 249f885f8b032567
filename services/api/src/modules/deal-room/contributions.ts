import type { ConsolidationRequestSchema, ContributionContentSchema } from '@cg/contracts';
import { type ContributionPartName, type DB, openContent, sealContent } from '@cg/db';
import {
  type Contribution,
  type ContributionContent,
  consolidate,
  contributionPartsOf,
  internalFindingMessage,
  internalSpread,
  type RiskCategory,
  type Side,
} from '@cg/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { newId } from '../../lib/ids.js';
import { AppError, notFound } from '../../lib/problems.js';
import type { Actor } from '../../platform/caller.js';
import { requireScope } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { dataKeyOf, dealStandingOf, requireDealParty } from './access.js';
import { currentDraft, saveDraft } from './assessments.js';
import type { DealRoomDeps } from './dependencies.js';
import type { DealToWorkOn } from './repository.js';
import * as repo from './team-repository.js';

/*
 * Contributions inside a side (issue 17): each person's private view of the parts asked of them,
 * sealed with the deal's data key like an assessment and bound to its contributor. Only the side
 * ever reads them: the owners all of them, anyone else their own. Nothing here is written to the
 * deal's shared timeline, so the other side cannot even tell that contributions exist.
 */

type Deps = Pick<DealRoomDeps, 'database' | 'keyring'>;
type ContributionRow = Awaited<ReturnType<typeof repo.listContributions>>[number];

const contributionEtag = (version: number) => `"c${version}"`;
const bindingOf = (deal: Pick<DealToWorkOn, 'id'>, side: Side, contributorId: string) => ({
  dealId: deal.id,
  side,
  revision: `contribution:${contributorId}`,
});

function openContribution(keyring: Deps['keyring'], deal: DealToWorkOn, row: ContributionRow) {
  const plaintext = openContent(
    dataKeyOf(keyring, deal),
    row.content,
    bindingOf(deal, row.side, row.contributor_id),
  );
  return JSON.parse(plaintext) as ContributionContent;
}

const contributionView = (row: ContributionRow, content: ContributionContent) => ({
  id: row.id,
  contributor: { userId: row.contributor_id, name: row.contributor_name },
  parts: row.parts,
  content,
  version: row.version,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

function requirePerson(actor: Actor): asserts actor is Actor & { kind: 'user' } {
  if (actor.kind !== 'user')
    throw new AppError(
      'forbidden',
      'A contribution is one person’s own view: an API client cannot contribute.',
    );
}

/** Saves the caller's own contribution: a contributor only the parts asked of them, an owner any. */
export function putMyContribution(
  deps: Deps,
  caller: Caller,
  dealId: string,
  content: z.output<typeof ContributionContentSchema>,
  ifMatch: string | undefined,
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'assessments:write');
    requirePerson(actor);
    const { deal, side } = await requireDealParty(trx, actor, dealId, { forUpdate: true, writable: true });
    const standing = await dealStandingOf(trx, actor, dealId);
    const parts = contributionPartsOf(content);
    if (standing.role === 'contributor') {
      const notAsked = parts.filter((part) => !standing.askedParts.includes(part));
      if (notAsked.length > 0)
        throw new AppError(
          'unprocessable-request',
          `You are asked for ${standing.askedParts.join(', ')} only: leave out the other parts.`,
          { errors: notAsked.map((part) => ({ path: pointerOf(part), message: 'not asked of you' })) },
        );
    }
    const existing = await repo.findContribution(trx, dealId, actor.id);
    if (
      ifMatch !== undefined &&
      ifMatch !== '*' &&
      (!existing || ifMatch !== contributionEtag(existing.version))
    )
      throw new AppError(
        'precondition-failed',
        'Your contribution has changed since you read it: fetch it again.',
      );
    const row = await repo.upsertContribution(trx, {
      id: existing?.id ?? newId('ctb'),
      deal_id: dealId,
      organisation_id: actor.organisationId,
      side,
      contributor_id: actor.id,
      contributor_name: actor.name,
      content: sealContent(
        dataKeyOf(deps.keyring, deal),
        JSON.stringify(content),
        bindingOf(deal, side, actor.id),
      ),
      parts: parts as ContributionPartName[],
    });
    effects.audit('contribution.saved', {
      subject: { type: 'deal', id: dealId },
      detail: { contributionId: row.id, parts: parts.join(' ') },
    });
    return { body: contributionView(row, content), etag: contributionEtag(row.version) };
  });
}

const pointerOf = (part: ContributionPartName) =>
  part === 'objectives' || part === 'nature' ? `/${part}` : `/risks/${part}`;

export function getMyContribution(deps: Deps, caller: Caller, dealId: string) {
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireScope(actor, 'assessments:read');
    requirePerson(actor);
    const { deal } = await requireDealParty(trx, actor, dealId);
    const row = await repo.findContribution(trx, dealId, actor.id);
    if (!row) throw notFound('contribution');
    return {
      body: contributionView(row, openContribution(deps.keyring, deal, row)),
      etag: contributionEtag(row.version),
    };
  });
}

/** Owners see every contribution of their side; anyone else only their own. */
export function listContributions(deps: Deps, caller: Caller, dealId: string) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'assessments:read');
    const { deal } = await requireDealParty(trx, actor, dealId);
    const standing = await dealStandingOf(trx, actor, dealId);
    const rows = (await repo.listContributions(trx, dealId, actor.organisationId)).filter(
      (row) => standing.role === 'owner' || row.contributor_id === actor.id,
    );
    if (standing.role === 'owner')
      effects.audit('contributions.read', {
        subject: { type: 'deal', id: dealId },
        detail: { count: rows.length },
      });
    return { data: rows.map((row) => contributionView(row, openContribution(deps.keyring, deal, row))) };
  });
}

async function sideContributions(
  trx: Kysely<DB>,
  keyring: Deps['keyring'],
  deal: DealToWorkOn,
  actor: Actor,
) {
  const rows = await repo.listContributions(trx, deal.id, actor.organisationId);
  return rows.map((row) => ({ row, content: openContribution(keyring, deal, row) }));
}

/**
 * The side's internal spread: the alignment engine run across its own contributors. Owners see it
 * always; the rest of the side once an owner shares it.
 */
export function getInternalAlignment(deps: Deps, caller: Caller, dealId: string) {
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireScope(actor, 'assessments:read');
    const { deal } = await requireDealParty(trx, actor, dealId);
    const standing = await dealStandingOf(trx, actor, dealId);
    const shared = await repo.spreadShared(trx, dealId, actor.organisationId);
    if (standing.role !== 'owner' && !shared)
      throw new AppError('forbidden', 'The owners of your side have not shared its internal spread yet.');
    const contributions = await sideContributions(trx, deps.keyring, deal, actor);
    const byContribution = new Map(contributions.map(({ row }) => [row.id, row]));
    const person = (contributionId: string) => {
      const row = byContribution.get(contributionId);
      return { userId: row?.contributor_id ?? contributionId, name: row?.contributor_name ?? 'Someone' };
    };
    const spread = internalSpread(
      contributions.map(({ row, content }): Contribution => ({ id: row.id, content })),
    );
    const riskView = (category: RiskCategory) => {
      const risk = spread.risks[category];
      return {
        views: risk.views.map((view) => ({ ...person(view.contributor), band: view.band })),
        spread: risk.spread,
        status: risk.status,
      };
    };
    const risks = {
      operational: riskView('operational'),
      financial: riskView('financial'),
      informationSecurity: riskView('informationSecurity'),
    };
    return {
      shared,
      contributors: contributions.map(({ row }) => ({
        contributionId: row.id,
        userId: row.contributor_id,
        name: row.contributor_name,
        parts: row.parts,
      })),
      objectives: {
        pairs: spread.objectives.pairs.map((pair) => ({
          ...pair,
          between: [person(pair.between[0]).userId, person(pair.between[1]).userId] as [string, string],
        })),
      },
      risks,
      nature: {
        views: spread.nature.views.map((view) => ({
          ...person(view.contributor),
          quadrant: view.quadrant,
          purchaseClass: view.purchaseClass,
        })),
        agreed: spread.nature.agreed,
      },
      recommendations: spread.findings.map((finding) => ({
        code: finding.code,
        message: internalFindingMessage(finding, (id) => person(id).name),
      })),
    };
  });
}

export function setSpreadSharing(deps: Deps, caller: Caller, dealId: string, shared: boolean) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'assessments:write');
    await requireDealParty(trx, actor, dealId, { writable: true, as: 'owner' });
    await repo.setSpreadShared(trx, dealId, actor.organisationId, shared);
    effects.audit('internal_alignment.sharing_set', {
      subject: { type: 'deal', id: dealId },
      detail: { shared },
    });
    return { shared };
  });
}

/**
 * Builds the side's assessment draft from its contributions, part by part (owners only), in the
 * same unit of work as a saved draft; the audit trail records which contributions it came from.
 */
export function consolidateAssessment(
  deps: Deps,
  caller: Caller,
  dealId: string,
  plan: z.output<typeof ConsolidationRequestSchema>,
  ifMatch: string | undefined,
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireScope(actor, 'assessments:write');
    const party = await requireDealParty(trx, actor, dealId, {
      forUpdate: true,
      writable: true,
      as: 'owner',
    });
    const contributions = await sideContributions(trx, deps.keyring, party.deal, actor);
    const result = consolidate(
      contributions.map(({ row, content }) => ({ id: row.id, content })),
      plan,
    );
    if (!result.ok)
      throw new AppError(
        'unprocessable-request',
        'The consolidation cannot be built from these contributions.',
        {
          errors: result.problems,
        },
      );
    const draft = await currentDraft(trx, deps.keyring, party.deal, party.side);
    const risks = { ...draft.risks, ...result.draft.risks };
    const merged = {
      ...draft,
      ...(result.draft.objectives ? { objectives: result.draft.objectives } : {}),
      ...(Object.keys(risks).length > 0 ? { risks } : {}),
      ...(result.draft.nature ? { nature: result.draft.nature } : {}),
    };
    const saved = await saveDraft(trx, deps.keyring, actor, effects, party, merged, ifMatch);
    effects.audit('assessment.consolidated', {
      subject: { type: 'deal', id: dealId },
      detail: { contributions: result.sources.join(' '), parts: Object.keys(result.rules).join(' ') },
    });
    return {
      body: { assessment: saved.body, sources: result.sources, rules: result.rules },
      etag: saved.etag,
    };
  });
}
