import type { Database, DB, Keyring } from '@cg/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { openMailSecret } from '../../platform/mail-outbox.js';
import { createOutboxPoller, type OutboxPoller } from '../../platform/outbox-poller.js';
import { type UnsubscribeScope, unsubscribeTokens } from '../../platform/unsubscribe-tokens.js';
import { type MailToRender, renderMail, UnrenderableMail } from './messages.js';
import {
  type ClaimedMail,
  claimDueMail,
  findDigestNotifications,
  findNotification,
  markMailFailed,
  markMailRetrying,
  markMailSent,
  type NotificationRow,
} from './repository.js';
import { type NotificationFacts, portalOfSide } from './templates.js';
import type { ComposedMail, MailTransport } from './transport.js';

/*
 * The mail worker: every API process runs one (unless MAIL_WORKER_ENABLED=false). It claims due
 * messages from the outbox (FOR UPDATE SKIP LOCKED, with a lease), renders each from what the
 * database holds now, sends it, and settles it: sent (its secret dropped), retried on
 * MAIL_RETRY_SCHEDULE_SECONDS for a connection failure or a 4xx answer, or failed for a 5xx
 * answer or once the schedule runs out. A message is named by its outbox id (the Message-ID and
 * the mailbox file), so a retry after a crash sends the same message.
 */

export interface MailWorkerDeps {
  database: Database;
  keyring: Keyring;
  transport: MailTransport;
  config: {
    MAIL_FROM: string;
    MAIL_RETRY_SCHEDULE_SECONDS: number[];
    MAIL_POLL_INTERVAL_MS: number;
    JWT_SECRET: string;
  };
  publicUrl: string;
  log: FastifyBaseLogger;
}

const LEASE_SECONDS = 120;
const CONCURRENCY = 4;

const factsOf = (row: NotificationRow): NotificationFacts => ({
  kind: row.kind,
  dealId: row.deal_id,
  dealTitle: row.deal_title,
  round: typeof row.params.round === 'number' ? row.params.round : undefined,
  milestoneTitle: typeof row.params.milestoneTitle === 'string' ? row.params.milestoneTitle : undefined,
  dueAt: typeof row.params.dueAt === 'string' ? row.params.dueAt : undefined,
});

interface Gathered {
  render: MailToRender;
  /** Digest notifications this message reports, marked mailed when it is sent. */
  digestIds: string[];
  unsubscribe?: { userId: string; scope: UnsubscribeScope } | undefined;
}

async function gatherNotification(trx: Kysely<DB>, mail: ClaimedMail, base: MailToRender): Promise<Gathered> {
  const row = mail.notification_id ? await findNotification(trx, mail.notification_id) : undefined;
  if (!row) return { render: base, digestIds: [] };
  return {
    render: {
      ...base,
      notification: {
        ...factsOf(row),
        recipientName: row.recipient_name,
        portal: portalOfSide(row.recipient_side),
      },
    },
    digestIds: [],
    unsubscribe: { userId: row.user_id, scope: row.kind },
  };
}

async function gatherDigest(trx: Kysely<DB>, mail: ClaimedMail, base: MailToRender): Promise<Gathered> {
  const userId = typeof mail.params.userId === 'string' ? mail.params.userId : '';
  const rows = await findDigestNotifications(trx, userId);
  const first = rows[0];
  if (!first) return { render: base, digestIds: [] };
  return {
    render: {
      ...base,
      digest: {
        recipientName: first.recipient_name,
        portal: portalOfSide(first.recipient_side),
        items: rows.filter((row) => row.read_at === null).map(factsOf),
      },
    },
    digestIds: rows.map((row) => row.id),
    unsubscribe: { userId, scope: 'digest' },
  };
}

/** What the message is made of, read now: a notification's deal title is the current one. */
function gather(deps: MailWorkerDeps, mail: ClaimedMail): Promise<Gathered> {
  const secret = mail.secret_sealed ? openMailSecret(deps.keyring, mail.id, mail.secret_sealed) : undefined;
  const base: MailToRender = {
    template: mail.template,
    params: mail.params,
    secret,
    publicUrl: deps.publicUrl,
  };
  return deps.database.asSystem((trx) => {
    if (mail.template === 'notification') return gatherNotification(trx, mail, base);
    if (mail.template === 'digest') return gatherDigest(trx, mail, base);
    return Promise.resolve({ render: base, digestIds: [] });
  });
}

function compose(deps: MailWorkerDeps, mail: ClaimedMail, gathered: Gathered): ComposedMail {
  const headers: Record<string, string> = {};
  let render = gathered.render;
  if (gathered.unsubscribe) {
    const token = unsubscribeTokens(deps.config.JWT_SECRET).create(
      gathered.unsubscribe.userId,
      gathered.unsubscribe.scope,
    );
    const url = new URL('/v1/unsubscribe', deps.publicUrl);
    url.searchParams.set('token', token);
    render = { ...render, unsubscribeUrl: url.href };
    // RFC 8058: a mail client's one-click button POSTs `List-Unsubscribe=One-Click` to this address.
    headers['List-Unsubscribe'] = `<${url.href}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  const { subject, text, html } = renderMail(render);
  return { from: deps.config.MAIL_FROM, to: mail.to_address, subject, text, html, headers, mailId: mail.id };
}

/** An SMTP 5xx answer is permanent (no such mailbox, refused): retrying would not help. */
const isPermanent = (error: unknown) =>
  error instanceof UnrenderableMail ||
  (typeof (error as { responseCode?: unknown }).responseCode === 'number' &&
    (error as { responseCode: number }).responseCode >= 500);

const describeError = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown error';

async function settleFailure(deps: MailWorkerDeps, mail: ClaimedMail, error: unknown) {
  const { database, config, log } = deps;
  const retryIn = isPermanent(error) ? undefined : config.MAIL_RETRY_SCHEDULE_SECONDS[mail.attempts];
  const reason = describeError(error);
  const context = { mailId: mail.id, template: mail.template, attempt: mail.attempts };
  if (retryIn === undefined) {
    await database.asSystem((trx) => markMailFailed(trx, mail, reason));
    log.error({ ...context, outcome: 'failed', error: reason }, 'mail not sent');
  } else {
    await database.asSystem((trx) => markMailRetrying(trx, mail, reason, retryIn));
    log.warn(
      { ...context, outcome: 'retrying', retryInSeconds: retryIn, error: reason },
      'mail not sent yet',
    );
  }
}

/** One attempt at one message. The log line names the message and where it went, never its content. */
async function sendOne(deps: MailWorkerDeps, mail: ClaimedMail): Promise<void> {
  const context = { mailId: mail.id, template: mail.template, attempt: mail.attempts };
  try {
    const gathered = await gather(deps, mail);
    // A digest with nothing left to report (all of it read meanwhile) is settled unsent.
    if (mail.template === 'digest' && !gathered.render.digest?.items.length) {
      await deps.database.asSystem((trx) => markMailSent(trx, mail, gathered.digestIds));
      return;
    }
    const where = await deps.transport.send(compose(deps, mail, gathered));
    await deps.database.asSystem((trx) => markMailSent(trx, mail, gathered.digestIds));
    deps.log.info({ ...context, outcome: 'sent', deliveredTo: where }, 'mail sent');
  } catch (error) {
    await settleFailure(deps, mail, error).catch((settleError: unknown) =>
      // The lease runs out and the message is tried again.
      deps.log.error({ ...context, err: settleError }, 'mail attempt could not be recorded'),
    );
  }
}

export function createMailWorker(deps: MailWorkerDeps): OutboxPoller {
  return createOutboxPoller({
    claim: (limit) =>
      deps.database.asSystem((trx) => claimDueMail(trx, { limit, leaseSeconds: LEASE_SECONDS })),
    handle: (mail) => sendOne(deps, mail),
    concurrency: CONCURRENCY,
    intervalMs: deps.config.MAIL_POLL_INTERVAL_MS,
    log: deps.log,
    name: 'mail',
  });
}
