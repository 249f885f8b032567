import type { NotificationKind } from '@cg/db';
import { escapeHtml } from '../../lib/html.js';

/*
 * What each message says, as text and as HTML. A message names the deal and what happened and
 * links to the recipient's portal; it carries ids, names, titles, rounds and dates — never an
 * organisation's private inputs (the canary sweep reads every message).
 */

export type PortalKey = 'supplier' | 'buyer';

export const portalOfSide = (side: 'sales' | 'procurement'): PortalKey =>
  side === 'sales' ? 'supplier' : 'buyer';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A notification as a person reads it: in a message, a digest or the portal. */
export interface NotificationFacts {
  kind: NotificationKind;
  dealId: string;
  dealTitle: string;
  round?: number | undefined;
  milestoneTitle?: string | undefined;
  dueAt?: string | undefined;
}

export function describeNotification(facts: NotificationFacts): { headline: string; detail: string } {
  const deal = `“${facts.dealTitle}”`;
  switch (facts.kind) {
    case 'deal.joined':
      return {
        headline: `The other side joined ${deal}`,
        detail: 'Both sides can now assess the deal; your assessment stays private to your organisation.',
      };
    case 'assessment.submitted':
      return {
        headline: `Your turn on ${deal}`,
        detail: `The other side submitted its assessment${roundOf(facts)}. Submit yours to see the alignment report.`,
      };
    case 'round.opened':
      return {
        headline: `A new round awaits you on ${deal}`,
        detail: `Round ${facts.round ?? ''} was opened. Review your assessment and submit it again.`.replace(
          '  ',
          ' ',
        ),
      };
    case 'alignment.ready':
      return {
        headline: `The alignment report for ${deal} is ready`,
        detail: `Both sides submitted${roundOf(facts)}: see where you agree and what to discuss.`,
      };
    case 'milestone.due':
      return {
        headline: `A milestone on ${deal} is due soon`,
        detail: `“${facts.milestoneTitle ?? 'A milestone'}”, owned by your side, is due ${dateOf(facts.dueAt)}.`,
      };
    case 'milestone.overdue':
      return {
        headline: `A milestone on ${deal} is overdue`,
        detail: `“${facts.milestoneTitle ?? 'A milestone'}”, owned by your side, was due ${dateOf(facts.dueAt)}.`,
      };
    case 'deal.closed':
      return { headline: `${deal} was closed`, detail: 'The other side closed the deal.' };
  }
}

const roundOf = (facts: NotificationFacts) => (facts.round ? ` for round ${facts.round}` : '');
const dateOf = (iso: string | undefined) => (iso ? `on ${iso.slice(0, 10)}` : 'soon');

interface Layout {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string } | undefined;
  /** A code the reader types, shown large. */
  code?: string | undefined;
  footer: string[];
}

/** One layout for every message: the same words in the text part and the HTML part. */
export function layout(message: Layout): RenderedMail {
  const text = [
    message.greeting,
    '',
    ...message.paragraphs.flatMap((p) => [p, '']),
    ...(message.code ? [message.code, ''] : []),
    ...(message.action ? [`${message.action.label}: ${message.action.url}`, ''] : []),
    '--',
    ...message.footer,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933">',
    `<p>${escapeHtml(message.greeting)}</p>`,
    ...message.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    message.code
      ? `<p style="font-size:1.6em;letter-spacing:.2em;font-weight:bold">${escapeHtml(message.code)}</p>`
      : '',
    message.action
      ? `<p><a href="${escapeHtml(message.action.url)}" style="background:#1d4ed8;color:#fff;padding:.6em 1.2em;border-radius:4px;text-decoration:none">${escapeHtml(message.action.label)}</a></p><p style="font-size:.85em">${escapeHtml(message.action.url)}</p>`
      : '',
    `<hr><p style="font-size:.85em;color:#52606d">${message.footer.map(escapeHtml).join('<br>')}</p>`,
    '</body></html>',
  ].join('');
  return { subject: message.subject, text, html };
}
