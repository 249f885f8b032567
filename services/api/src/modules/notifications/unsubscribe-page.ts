import { escapeHtml } from '../../lib/html.js';
import type { UnsubscribeOutcome } from './unsubscribe.js';

/*
 * The small pages of the unsubscribe link. They run under the API's Content-Security-Policy as
 * it is (no script, no inline style: plain HTML), and the form posts back to the same link with
 * the body an RFC 8058 mail client sends, so both take one path.
 */

function page(title: string, body: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)} · Common Ground</title></head>`,
    `<body><main><h1>${escapeHtml(title)}</h1>`,
    ...body,
    '</main></body></html>',
  ].join('\n');
}

const preferencesLink = (outcome: UnsubscribeOutcome) =>
  `<p>To choose per kind between email, a daily digest or nothing, open your <a href="/${outcome.portal}/notifications/preferences">notification preferences</a>.</p>`;

/** What GET shows: nothing has changed yet; the button does it. */
export function confirmationPage(outcome: UnsubscribeOutcome, token: string): string {
  const action = `/v1/unsubscribe?token=${encodeURIComponent(token)}`;
  return page('Stop these messages?', [
    `<p>You will no longer get ${escapeHtml(outcome.what)}. Your notifications still show in the portal.</p>`,
    `<form method="post" action="${escapeHtml(action)}">`,
    '<input type="hidden" name="List-Unsubscribe" value="One-Click">',
    '<button type="submit">Stop these messages</button>',
    '</form>',
    preferencesLink(outcome),
  ]);
}

export const doneText = (outcome: UnsubscribeOutcome) =>
  `Done: you will no longer get ${outcome.what}. Your notifications still show in the portal.`;

export function donePage(outcome: UnsubscribeOutcome): string {
  return page('You are unsubscribed', [`<p>${escapeHtml(doneText(outcome))}</p>`, preferencesLink(outcome)]);
}

export function invalidLinkPage(detail: string): string {
  return page('This link does not work', [`<p>${escapeHtml(detail)}</p>`]);
}
