import type { Database } from '@cg/db';

type Side = 'sales' | 'procurement';

export interface RoundInvariantRows {
  deals: {
    id: string;
    round: number;
    report_ready: boolean;
    sales_revision: number | null;
    procurement_revision: number | null;
    sales_round_revision: number | null;
    procurement_round_revision: number | null;
  }[];
  submissions: { deal_id: string; side: Side; revision: number; round: number }[];
  reports: {
    deal_id: string;
    version: number;
    round: number;
    based_on_sales: number;
    based_on_procurement: number;
  }[];
  events: { id: string; deal_id: string; type: string }[];
}

/** The rows `checkRoundInvariants` looks at, for the given deals. */
export function loadRoundRows(database: Database, dealIds: string[]): Promise<RoundInvariantRows> {
  return database.asSystem(async (trx) => ({
    deals: await trx
      .selectFrom('deals')
      .select([
        'id',
        'round',
        'report_ready',
        'sales_revision',
        'procurement_revision',
        'sales_round_revision',
        'procurement_round_revision',
      ])
      .where('id', 'in', dealIds)
      .execute(),
    submissions: await trx
      .selectFrom('assessment_submissions')
      .select(['deal_id', 'side', 'revision', 'round'])
      .where('deal_id', 'in', dealIds)
      .execute(),
    reports: await trx
      .selectFrom('alignment_reports')
      .select(['deal_id', 'version', 'round', 'based_on_sales', 'based_on_procurement'])
      .where('deal_id', 'in', dealIds)
      .execute(),
    events: await trx
      .selectFrom('deal_events')
      .select(['id', 'deal_id', 'type'])
      .where('deal_id', 'in', dealIds)
      .execute(),
  }));
}

/**
 * What must hold on every deal whatever happened to the process that wrote it: a submission, the
 * deal's round state, the round's report and their timeline events are written in one
 * transaction. Returns the violations, one line each (empty when all hold).
 */
export function checkRoundInvariants(rows: RoundInvariantRows): string[] {
  const violations: string[] = [];
  for (const deal of rows.deals) {
    const fail = (what: string) => violations.push(`${deal.id}: ${what}`);
    const submissions = rows.submissions.filter((s) => s.deal_id === deal.id);
    const reports = rows.reports.filter((r) => r.deal_id === deal.id).sort((a, b) => a.version - b.version);
    const events = rows.events.filter((e) => e.deal_id === deal.id);
    const count = (type: string) => events.filter((e) => e.type === type).length;

    for (const side of ['sales', 'procurement'] as const) {
      const mine = submissions.filter((s) => s.side === side).sort((a, b) => a.revision - b.revision);
      const latest = side === 'sales' ? deal.sales_revision : deal.procurement_revision;
      const inRound = side === 'sales' ? deal.sales_round_revision : deal.procurement_round_revision;
      const last = mine.at(-1)?.revision ?? null;
      if (latest !== last) fail(`${side}_revision is ${latest}, its latest submission is ${last}`);
      if (mine.some((s, i) => s.revision !== i + 1)) fail(`${side} revisions have gaps`);
      if (inRound !== null) {
        const row = mine.find((s) => s.revision === inRound);
        if (!row) fail(`${side}_round_revision ${inRound} has no submission`);
        else if (row.round !== deal.round)
          fail(
            `${side}_round_revision ${inRound} belongs to round ${row.round}, the deal is in ${deal.round}`,
          );
      }
    }

    const maxRound = Math.max(1, ...submissions.map((s) => s.round));
    if (deal.round !== maxRound) fail(`round is ${deal.round}, its submissions reach round ${maxRound}`);

    const current = reports.filter((r) => r.round === deal.round);
    if (deal.report_ready) {
      const report = current[0];
      if (!report) fail(`report_ready without a report for round ${deal.round}`);
      else if (
        report.based_on_sales !== deal.sales_round_revision ||
        report.based_on_procurement !== deal.procurement_round_revision
      )
        fail(`the report of round ${deal.round} is not based on the round's submissions`);
    } else if (current.length > 0) {
      fail(`round ${deal.round} has a report but report_ready is false`);
    }

    const rounds = reports.map((r) => r.round);
    if (new Set(rounds).size !== rounds.length)
      fail(`a round has several reports: rounds ${rounds.join(',')}`);
    if (reports.some((r, i) => r.version !== i + 1)) fail('report versions have gaps');
    for (const report of reports) {
      for (const side of ['sales', 'procurement'] as const) {
        const revision = side === 'sales' ? report.based_on_sales : report.based_on_procurement;
        const row = submissions.find((s) => s.side === side && s.revision === revision);
        if (!row || row.round !== report.round)
          fail(`the report of round ${report.round} lacks the ${side} submission of that round`);
      }
    }

    if (count('assessment.submitted') !== submissions.length)
      fail(`${count('assessment.submitted')} submitted events for ${submissions.length} submissions`);
    if (count('alignment.ready') !== reports.length)
      fail(`${count('alignment.ready')} alignment.ready events for ${reports.length} reports`);
    if (count('round.opened') !== deal.round - 1)
      fail(`${count('round.opened')} round.opened events in round ${deal.round}`);
  }
  return violations;
}
