import type { Side } from '@cg/domain';
import type { Schemas } from '@cg/sdk';

/* Words for the codes the API answers with. Display only: the data always comes from the API. */

export type Deal = Schemas['Deal'];

/** A side's own assessment as the SDK returns it; a draft may lack parts. */
export type Assessment = Schemas['Assessment'];
export type DealStatus = Schemas['DealStatus'];

export const DEAL_STATUS_LABELS: Readonly<Record<DealStatus, string>> = {
  awaiting_counterparty: 'Awaiting counterparty',
  assessing: 'Assessing',
  aligned: 'Aligned',
  won: 'Won',
  lost: 'Lost',
  withdrawn: 'Withdrawn',
};

export const CLOSED_STATUSES: readonly DealStatus[] = ['won', 'lost', 'withdrawn'];

export const BAND_INFO: Readonly<Record<Schemas['ScoreBand'], { label: string; explanation: string }>> = {
  strong: { label: 'Strong alignment', explanation: 'Both sides want much the same from this deal.' },
  workable: { label: 'Workable', explanation: 'Enough common ground to build on; close the gaps early.' },
  at_risk: { label: 'At risk', explanation: 'Important differences: talk about them before investing more.' },
  slim: {
    label: 'Slim chances',
    explanation: 'The sides want different things; as it stands the deal is unlikely to happen.',
  },
};

export const RISK_STATUS_LABELS: Readonly<Record<Schemas['RiskAlignment']['status'], string>> = {
  aligned: 'Aligned',
  minor_gap: 'Minor gap',
  major_gap: 'Major gap',
};

export const APPROACH_INFO: Readonly<
  Record<Schemas['NatureAlignment']['approach'], { label: string; explanation: string }>
> = {
  collaborative: {
    label: 'Collaborative',
    explanation: 'A strategic purchase: invest in trust and take the time it needs.',
  },
  competitive: {
    label: 'Competitive',
    explanation: 'A commodity purchase: expect an assertive process focused on savings and compliance.',
  },
};

export const ENGAGEMENT_INFO: Readonly<
  Record<Schemas['AlignmentTiming']['engagement'], { label: string; explanation: string }>
> = {
  late: {
    label: 'Late engagement',
    explanation: 'Under 6 months before the decision: most of the work is usually done by now.',
  },
  adequate: { label: 'Adequate engagement', explanation: 'Between 6 and 18 months before the decision.' },
  ideal: { label: 'Ideal engagement', explanation: '18 months or more before the decision.' },
};

export const SUPPLY_RISK_LABELS = ['Very low', 'Low', 'Medium', 'High', 'Very high'] as const;
export const BUSINESS_IMPACT_LABELS = ['Very low', 'Low', 'Medium', 'High', 'Very high'] as const;

export const ROLE_LABELS: Readonly<Record<Schemas['Role'], string>> = {
  admin: 'Admin',
  member: 'Member',
  viewer: 'Viewer',
};

export const ROLE_EXPLANATIONS: Readonly<Record<Schemas['Role'], string>> = {
  admin: 'Manages members, API clients and webhooks, and works on deals.',
  member: 'Works on deals.',
  viewer: 'Reads deals and reports only.',
};

export const SCOPE_EXPLANATIONS: Readonly<Record<Schemas['Scope'], string>> = {
  'deals:read': 'Read deals, reports and timelines',
  'deals:write': 'Create, update and join deals',
  'assessments:read': 'Read your side’s assessments',
  'assessments:write': 'Write and submit your side’s assessments',
  'webhooks:manage': 'Manage webhook endpoints',
};

/** "you", "Acme Procurement (buyer)", or "the buyer" when that party has not joined yet. */
export function sideName(deal: Deal | undefined, side: Side, reader: Side): string {
  if (side === reader) return 'you';
  const party = deal?.parties[side];
  const noun = side === 'sales' ? 'supplier' : 'buyer';
  return party ? `${party.name} (${noun})` : `the ${noun}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

export function formatMoney(value: Schemas['Money'] | null): string {
  if (!value) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: value.currency }).format(
      value.amount,
    );
  } catch {
    return `${value.amount} ${value.currency}`;
  }
}

type DealEvent = Schemas['DealEvent'];

const roundOf = (event: DealEvent) => (typeof event.data.round === 'number' ? event.data.round : undefined);

/** The event's milestone by its title, or "a milestone" once it is deleted or its title unknown. */
function milestoneName(event: DealEvent, milestoneTitles: ReadonlyMap<string, string>): string {
  const milestoneId = typeof event.data.milestoneId === 'string' ? event.data.milestoneId : undefined;
  const title = milestoneId ? milestoneTitles.get(milestoneId) : undefined;
  return title ? `the milestone “${title}”` : 'a milestone';
}

/** One line of the shared timeline, worded for the reader. */
export function describeEvent(
  event: DealEvent,
  deal: Deal | undefined,
  reader: Side,
  milestoneTitles: ReadonlyMap<string, string> = new Map(),
): string {
  const who = event.side ? capitalise(sideName(deal, event.side, reader)) : 'Common Ground';
  const round = roundOf(event);
  const inRound = round ? ` (round ${round})` : '';
  const milestone = milestoneName(event, milestoneTitles);
  const fields = Array.isArray(event.data.fields) ? event.data.fields.map(String) : [];
  const status = typeof event.data.status === 'string' ? event.data.status : undefined;
  switch (event.type) {
    case 'deal.created':
      return `${who} created the deal`;
    case 'deal.joined':
      return `${who} joined the deal`;
    case 'deal.updated':
      return fields.length ? `${who} changed ${fields.join(', ')}` : `${who} changed the deal`;
    case 'invitation.issued':
      return `${who} issued an invitation code`;
    case 'assessment.submitted':
      return `${who} submitted an assessment${inRound}`;
    case 'round.opened':
      return `${who} opened round ${round ?? ''}`.trim();
    case 'alignment.ready':
      return `The alignment report is ready${inRound}`;
    case 'milestone.created':
      return `${who} added ${milestone}`;
    case 'milestone.changed':
      return fields.length === 1 && fields[0] === 'status' && status
        ? `${who} marked ${milestone} as ${status}`
        : `${who} updated ${milestone}`;
    case 'milestone.deleted':
      return `${who} removed a milestone`;
    case 'deal.closed':
      return `${who} closed the deal${status ? ` as ${status}` : ''}`;
    default:
      return `${who}: ${String(event.type)}`;
  }
}
