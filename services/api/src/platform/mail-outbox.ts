import type { DB, Keyring, MailTemplate } from '@cg/db';
import { openWithKeyring, sealWithKeyring } from '@cg/db';
import type { Kysely } from 'kysely';
import { newId } from '../lib/ids.js';

/*
 * Mail rides an outbox, like webhooks: a use-case queues its message in its own transaction, so
 * the message is sent if and only if its cause committed, and the mail worker (modules/mail)
 * sends it afterwards — with retries, across restarts, once across replicas.
 */

/** One message to queue. `params` hold ids, names and titles only: never private inputs. */
export interface OutgoingMail {
  organisationId: string;
  to: string;
  template: MailTemplate;
  params?: Record<string, string | number | boolean | null>;
  /** The code or token the message carries: sealed at rest, cleared once sent, never logged. */
  secret?: string;
  notificationId?: string;
}

/** A message ready for the outbox: its id chosen and its secret sealed under the master keys. */
export interface QueuedMail {
  id: string;
  organisationId: string;
  to: string;
  template: MailTemplate;
  params: Record<string, string | number | boolean | null>;
  secretSealed: string | null;
  notificationId: string | null;
}

const secretPurpose = (mailId: string) => `common-ground/mail/${mailId}`;

export function prepareMail(keyring: Keyring, mail: OutgoingMail): QueuedMail {
  const id = newId('mail');
  return {
    id,
    organisationId: mail.organisationId,
    to: mail.to,
    template: mail.template,
    params: mail.params ?? {},
    secretSealed: mail.secret === undefined ? null : sealWithKeyring(keyring, mail.secret, secretPurpose(id)),
    notificationId: mail.notificationId ?? null,
  };
}

export function openMailSecret(keyring: Keyring, mailId: string, sealed: string): string {
  return openWithKeyring(keyring, sealed, secretPurpose(mailId));
}

/** Writes prepared messages to the outbox in the caller's transaction. */
export async function queuePreparedMail(db: Kysely<DB>, mails: readonly QueuedMail[]): Promise<void> {
  if (mails.length === 0) return;
  await db
    .insertInto('mail_outbox')
    .values(
      mails.map((mail) => ({
        id: mail.id,
        organisation_id: mail.organisationId,
        to_address: mail.to,
        template: mail.template,
        params: JSON.stringify(mail.params),
        secret_sealed: mail.secretSealed,
        notification_id: mail.notificationId,
      })),
    )
    .execute();
}

/** One message, for work that runs outside a caller's unit of work (sign-up, password reset). */
export const queueMail = (db: Kysely<DB>, keyring: Keyring, mail: OutgoingMail) =>
  queuePreparedMail(db, [prepareMail(keyring, mail)]);
