import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

/*
 * Where composed messages go: an SMTP server (`SMTP_URL`), or with none configured (the embedded
 * default) a mailbox folder under `DATA_DIR` where each message is one `.eml` file — the same
 * MIME message nodemailer would have sent, readable by any mail client.
 */

export interface ComposedMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** The outbox id, kept as the Message-ID's local part so retries send the same message. */
  mailId: string;
}

export interface MailTransport {
  /** What a log line may say about where mail goes (never a password). */
  readonly description: string;
  /** Sends one message; resolves to where it went (a file, or the server's queue id). */
  send(mail: ComposedMail): Promise<string>;
  close(): void;
}

export const mailboxDir = (dataDir: string) => path.resolve(dataDir, 'mailbox');

const messageOptions = (mail: ComposedMail, domain: string) => ({
  from: mail.from,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  headers: mail.headers,
  messageId: `<${mail.mailId}@${domain}>`,
});

/** The domain of the From address, for Message-IDs. */
function senderDomain(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'common-ground.localhost';
}

export function smtpTransport(smtpUrl: string, from: string, timeoutMs = 15_000): MailTransport {
  const url = new URL(smtpUrl);
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  const domain = senderDomain(from);
  return {
    description: `SMTP ${url.protocol}//${url.host}`,
    async send(mail) {
      const info = await transporter.sendMail(messageOptions(mail, domain));
      return `smtp:${info.response.slice(0, 100)}`;
    },
    close: () => transporter.close(),
  };
}

export function mailboxTransport(dataDir: string, from: string): MailTransport {
  const dir = mailboxDir(dataDir);
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const domain = senderDomain(from);
  return {
    description: `the mailbox folder ${dir}`,
    async send(mail) {
      const info = await composer.sendMail(messageOptions(mail, domain));
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Named by the outbox id: a retry after a crash overwrites the same file, never a second one.
      const file = path.join(dir, `${mail.mailId}.eml`);
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
      return file;
    },
    close: () => composer.close(),
  };
}
