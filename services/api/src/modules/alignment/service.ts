import { AlignmentSchema, type AssessmentInput } from '@cg/contracts';
import type { Database } from '@cg/db';
import { changeKeys, type DB, type Keyring, openContent } from '@cg/db';
import { computeAlignment, type DisclosedReport, disclose, type Side, waitingFor } from '@cg/domain';
import type { Kysely } from 'kysely';
import { decodeCursor, toPage } from '../../lib/cursor.js';
import type { ReadCache } from '../../lib/read-cache.js';
import { jsonSerializer } from '../../lib/serialized.js';
import { dealDataKey } from '../assessments/keys.js';
import { roundSubmissions } from '../assessments/repository.js';
import { dealParty, requireDealParty } from '../deals/access.js';
import { type DealRow, dealStateIn } from '../deals/repository.js';
import { roundsStateOf } from '../deals/view.js';
import { requireScope } from '../identity/access.js';
import { cachedReadWithActor, type Principal, withActor } from '../identity/actor.js';
import * as repo from './repository.js';

/**
 * Computes the report of the round being closed, from both sides' submissions for it, and stores
 * it as the deal's next version — already cut to the effective disclosure level for each reader,
 * so nothing beyond what a side may learn is ever stored in the clear.
 */
export async function computeRoundReport(
  trx: Kysely<DB>,
  keyring: Keyring,
  deal: DealRow,
): Promise<{ version: number }> {
  const dataKey = await dealDataKey(trx, keyring, deal.id);
  const submissions = await roundSubmissions(trx, deal.id);
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
  deps: { database: Database; readCache: ReadCache },
  principal: Principal,
  dealId: string,
): Promise<string> {
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
        const { deal } = dealParty(actor, dealStateIn(row));
        const latest = repo.reportIn(row);
        const state = roundsStateOf(deal);
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
  database: Database,
  principal: Principal,
  dealId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const beforeVersion = decodeCursor(page.cursor, 'position');
  return withActor(database, principal, async (trx, actor) => {
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
