import { AppError } from '../../lib/problems.js';
import type { UnsubscribeScope } from '../../platform/unsubscribe-tokens.js';
import { portalOfSide } from '../mail/index.js';
import type { NotificationDeps } from './dependencies.js';
import { KIND_LABELS } from './kinds.js';
import * as repo from './repository.js';

/*
 * RFC 8058 one-click unsubscribe. The link in a message (its `List-Unsubscribe` header and its
 * footer) names the person and what to stop; following it changes nothing (link scanners open
 * every link), and POSTing to it sets that kind — or, from a digest, every kind the person gets
 * in the digest — to 'off'. The link is the only credential: the work is the system's, confined
 * to the one person the link names. Doing it twice changes nothing more.
 */

export interface UnsubscribeOutcome {
  scope: UnsubscribeScope;
  /** What stops, for the page: "email when …" or "the daily digest". */
  what: string;
  /** The recipient's portal, for the link to their preferences. */
  portal: ReturnType<typeof portalOfSide>;
}

const invalidLink = () =>
  new AppError(
    'invalid-link',
    'This unsubscribe link is not valid. Choose which messages you get under Notification preferences in the portal.',
  );

const describeScope = (scope: UnsubscribeScope) =>
  scope === 'digest' ? 'the daily digest' : `email when ${KIND_LABELS[scope]}`;

function readLink(deps: Pick<NotificationDeps, 'unsubscribeTokens'>, token: string) {
  const link = deps.unsubscribeTokens.read(token);
  if (!link) throw invalidLink();
  return link;
}

/** What the link would stop, for the confirmation page; 400 for a link that is not ours. */
export async function previewUnsubscribe(deps: NotificationDeps, token: string): Promise<UnsubscribeOutcome> {
  const { userId, scope } = readLink(deps, token);
  const recipient = await deps.database.asSystem((trx) => repo.findRecipient(trx, userId));
  if (!recipient) throw invalidLink();
  return { scope, what: describeScope(scope), portal: portalOfSide(recipient.side) };
}

/** Stops what the link names for the person it names; `changed` is how many kinds changed (0 the second time). */
export async function unsubscribe(
  deps: NotificationDeps,
  token: string,
): Promise<UnsubscribeOutcome & { changed: number }> {
  const { userId, scope } = readLink(deps, token);
  return deps.database.asSystem(async (trx) => {
    const recipient = await repo.findRecipient(trx, userId);
    if (!recipient) throw invalidLink();
    let changed: number;
    if (scope === 'digest') {
      changed = await repo.turnOffDigest(trx, userId);
    } else {
      const current = await repo.listPreferences(trx, userId, { lock: true });
      changed = current.some((row) => row.kind === scope && row.delivery === 'off') ? 0 : 1;
      await repo.savePreferences(
        trx,
        { userId, organisationId: recipient.organisation_id },
        changed ? [{ kind: scope, delivery: 'off' }] : [],
      );
    }
    return { scope, what: describeScope(scope), portal: portalOfSide(recipient.side), changed };
  });
}
