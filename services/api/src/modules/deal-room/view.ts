import { roundsLeft, waitingFor } from '@cg/domain';
import { type DealRow, roundsStateOf } from './repository.js';

export const dealEtag = (deal: Pick<DealRow, 'version'>) => `"d${deal.version}"`;

/** The deal as both parties see it (API.md "Deals"). */
export function dealView(deal: DealRow) {
  const state = roundsStateOf(deal);
  const left = roundsLeft(state);
  const party = (id: string | null, name: string | null) => (id && name ? { id, name } : null);
  return {
    id: deal.id,
    title: deal.title,
    description: deal.description,
    value:
      deal.value_amount !== null && deal.value_currency !== null
        ? { amount: Number(deal.value_amount), currency: deal.value_currency }
        : null,
    expectedDecisionAt: deal.expected_decision_at?.toISOString() ?? null,
    status: deal.status,
    createdAt: deal.created_at.toISOString(),
    updatedAt: deal.updated_at.toISOString(),
    parties: {
      sales: party(deal.sales_org_id, deal.sales_name),
      procurement: party(deal.procurement_org_id, deal.procurement_name),
    },
    submissions: {
      sales: { submitted: state.submitted.sales, revision: deal.sales_revision, revisionsLeft: left },
      procurement: {
        submitted: state.submitted.procurement,
        revision: deal.procurement_revision,
        revisionsLeft: left,
      },
    },
    round: {
      number: deal.round,
      budget: deal.round_budget,
      roundsLeft: left,
      reportReady: deal.report_ready,
      waitingFor: waitingFor(state),
    },
  };
}
