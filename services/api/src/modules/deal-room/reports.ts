import { AlignmentSchema } from '@cg/contracts';
import { changeKeys } from '@cg/db';
import { type DisclosedReport, type Side, waitingFor } from '@cg/domain';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import { jsonSerializer } from '../../lib/serialized.js';
import { cachedReadWithActor } from '../../platform/caller.js';
import { requireScope } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { dealParty, requireDealParty } from './access.js';
import type { DealRoomDeps } from './dependencies.js';
import * as repo from './repository.js';

/** A stored report as the API shows it, with the view `computeRoundReport` cut for the reader's side. */
function reportView(row: Omit<repo.ReportRow, 'view_sales' | 'view_procurement'>, view: unknown) {
  // The response schema checks the stored view again on the way out.
  return {
    status: 'ready' as const,
    version: row.version,
    round: row.round,
    computedAt: row.computed_at.toISOString(),
    basedOn: { sales: row.based_on_sales, procurement: row.based_on_procurement },
    ...(view as DisclosedReport),
  };
}

const viewFor = (row: repo.ReportRow, reader: Side) =>
  reader === 'sales' ? row.view_sales : row.view_procurement;

const alignmentJson = jsonSerializer(AlignmentSchema);

/**
 * The deal's alignment as the caller's side sees it, as the JSON body of the answer: the hottest
 * read of the API (partners poll it), so it is answered from the read cache while nothing it
 * depends on has changed — the deal's row (parties, rounds, status) and its reports, and the
 * caller's own row.
 */
export function getAlignment(
  deps: Pick<DealRoomDeps, 'database' | 'readCache'>,
  caller: Caller,
  dealId: string,
): Promise<string> {
  const { principal } = caller;
  return cachedReadWithActor(
    deps.database,
    deps.readCache,
    principal,
    repo.actorWithLatestReport,
    { dealId },
    {
      // A party's view: one per deal and organisation.
      key: `alignment:${dealId}:${principal.organisationId}`,
      dependsOn: [changeKeys.deal(dealId)],
      authorize: (actor) => requireScope(actor, 'deals:read'),
      compute: (actor, row) => {
        const { deal } = dealParty(actor, repo.dealStateIn(row));
        const latest = repo.reportIn(row);
        const state = repo.roundsStateOf(deal);
        if (!latest) return alignmentJson({ status: 'awaiting_submissions', waitingFor: waitingFor(state) });
        const view = reportView(latest, latest.view);
        if (deal.round > latest.round)
          return alignmentJson({
            ...view,
            pendingRound: { round: deal.round, waitingFor: waitingFor(state) },
          });
        return alignmentJson(view);
      },
    },
  );
}

export function listAlignmentVersions(
  deps: Pick<DealRoomDeps, 'database'>,
  caller: Caller,
  dealId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const beforeVersion = decodeCursor(page.cursor, 'position');
  return withCaller(deps.database, caller, async (trx, actor) => {
    requireScope(actor, 'deals:read');
    const { side } = await requireDealParty(trx, actor, dealId);
    const rows = await repo.listReports(trx, dealId, { limit: page.limit, beforeVersion });
    return toPage(
      rows,
      page.limit,
      (row) => reportView(row, viewFor(row, side)),
      (row) => row.version,
    );
  });
}
