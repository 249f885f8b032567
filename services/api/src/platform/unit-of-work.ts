import type { Database, DB, OrgTransactionOptions } from '@cg/db';
import type { Kysely } from 'kysely';
import { type Actor, loadActor, type Principal } from './caller.js';
import { type AuditEntry, appendAuditEntries, type DealEvent, recordDealEvents } from './effects.js';
import { type IdempotencyClaim, markClaimCommitted } from './idempotency/service.js';
import { type QueuedMail, queuePreparedMail } from './mail-outbox.js';

/** What a request brings besides a caller, for work done before one exists (sign-in, sign-up). */
export interface RequestContext {
  requestId: string;
  /** The client's address (behind a trusted proxy, the one it forwarded): what throttles count. */
  ip: string;
}

/** A request's caller as services see it: who the token names, and what the request brings. */
export interface Caller {
  principal: Principal;
  requestId: string;
  /** Set by the idempotency plugin: the key this request holds, marked when its write commits. */
  idempotencyClaim?: IdempotencyClaim | undefined;
}

/**
 * What a use-case records besides its own rows, written with them in its transaction: the audit
 * trail of the caller's organisation and the deals' shared timelines (which queue the webhook
 * deliveries and notifications), and the mail it sends. Each is said once and filled in here —
 * organisation, actor, request id.
 */
export interface Effects {
  audit(action: string, about?: Pick<AuditEntry, 'subject' | 'detail'>): void;
  dealEvent(event: DealEvent): void;
  /** A message for the mail outbox (`prepareMail`), sent once the transaction commits. */
  mail(mail: QueuedMail): void;
}

export interface UnitOfWorkOptions extends OrgTransactionOptions {
  /**
   * For the few use-cases that must read across organisations before the caller's organisation
   * is a party (accepting an invitation): the transaction is a system one. The caller is checked
   * the same way, by its own ids.
   */
  acrossOrganisations?: boolean;
}

/**
 * One use-case, one transaction: confined to the caller's organisation (row-level security),
 * the caller checked against the database first, then `work`; its effects are written at the
 * end in as few statements as there are kinds, and the request's idempotency key is marked in
 * the same transaction, so a retry never repeats a write that committed.
 */
export function withCaller<T>(
  database: Database,
  caller: Caller,
  work: (trx: Kysely<DB>, actor: Actor, effects: Effects) => Promise<T>,
  options: UnitOfWorkOptions = {},
): Promise<T> {
  const unit = async (trx: Kysely<DB>) => {
    const actor = await loadActor(trx, caller.principal);
    const audit: AuditEntry[] = [];
    const events: DealEvent[] = [];
    const mails: QueuedMail[] = [];
    const effects: Effects = {
      audit: (action, about = {}) =>
        audit.push({
          organisationId: actor.organisationId,
          actor: { type: actor.kind, id: actor.id },
          action,
          ...about,
          requestId: caller.requestId,
        }),
      dealEvent: (event) => events.push(event),
      mail: (mail) => mails.push(mail),
    };
    const result = await work(trx, actor, effects);
    await recordDealEvents(trx, events);
    await appendAuditEntries(trx, audit);
    await queuePreparedMail(trx, mails);
    if (caller.idempotencyClaim) await markClaimCommitted(trx, caller.idempotencyClaim);
    return result;
  };
  const { acrossOrganisations, ...orgOptions } = options;
  return acrossOrganisations
    ? database.asSystem(unit)
    : database.asOrg(caller.principal.organisationId, unit, orgOptions);
}

/** Refuses (401) a caller whose user, client or session no longer exists: for replies kept from before. */
export async function requireLiveCaller(database: Database, principal: Principal): Promise<void> {
  await database.asOrg(principal.organisationId, (trx) => loadActor(trx, principal));
}
