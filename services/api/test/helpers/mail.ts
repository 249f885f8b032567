import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

type Teardown = { teardown(fn: () => unknown): void };

/** A message as the SMTP server received it, parsed by mailparser. */
export interface Delivered {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Header names in lower case. */
  headers: Map<string, unknown>;
  /** The whole message as it went over the wire. */
  raw: string;
  parsed: ParsedMail;
}

export interface Inbox {
  /** `smtp://127.0.0.1:<port>`: give it to the app as SMTP_URL. */
  url: string;
  messages: Delivered[];
  /** Waits for the first message to `to` (and matching `where`) not yet taken, and takes it. */
  next(to: string, where?: (message: Delivered) => boolean, timeoutMs?: number): Promise<Delivered>;
  /** Messages to `to` received so far. */
  to(address: string): Delivered[];
  /** Makes the server answer the next `count` messages with `code` (421 busy, 550 no mailbox). */
  refuseNext(count: number, code: number): void;
}

/**
 * A real SMTP server on loopback (smtp-server), no TLS and no authentication, collecting every
 * message it accepts: what tests read instead of mocking the mail transport.
 */
export async function startInbox(t: Teardown): Promise<Inbox> {
  const messages: Delivered[] = [];
  const taken = new Set<Delivered>();
  let refusals = { count: 0, code: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals.count > 0) {
          refusals = { ...refusals, count: refusals.count - 1 };
          const error = Object.assign(new Error('refused by the test'), { responseCode: refusals.code });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            messages.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
              raw,
              parsed,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((message) => message.to === address),
    refuseNext(count, code) {
      refusals = { count, code };
    },
    async next(to, where = () => true, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = messages.find((message) => !taken.has(message) && message.to === to && where(message));
        if (found) {
          taken.add(found);
          return found;
        }
        await sleep(25);
      }
      throw new Error(
        `no message to ${to} within ${timeoutMs} ms (received: ${messages.map((m) => `${m.to} “${m.subject}”`).join('; ') || 'none'})`,
      );
    },
  };
}

/** The first link in a message's text part whose path ends with `path`, as a URL. */
export function linkIn(message: Delivered, path: string): URL {
  for (const match of message.text.matchAll(/https?:\/\/\S+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.endsWith(path)) return url;
  }
  throw new Error(`no link to …${path} in “${message.subject}”:\n${message.text}`);
}
