import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

type Teardown = { teardown(fn: () => unknown): void };

export interface Receipt {
  path: string;
  headers: IncomingHttpHeaders;
  webhookId: string;
  timestamp: string;
  signature: string;
  body: string;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  /** Never answer (until the receiver closes): a request still in flight. */
  hang?: boolean;
}

/**
 * A webhook receiver on 127.0.0.1 (a free port), recording every request. `answer` decides the
 * reply from the receipt and how many requests with the same `webhook-id` came before it.
 */
export async function startReceiver(
  t: Teardown,
  answer: (receipt: Receipt, previousWithSameId: number) => Answer = () => ({ status: 204 }),
) {
  const receipts: Receipt[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const header = (name: string) => String(request.headers[name] ?? '');
      const receipt: Receipt = {
        path: request.url ?? '',
        headers: request.headers,
        webhookId: header('webhook-id'),
        timestamp: header('webhook-timestamp'),
        signature: header('webhook-signature'),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const previous = receipts.filter((r) => r.webhookId === receipt.webhookId).length;
      receipts.push(receipt);
      const reply = answer(receipt, previous);
      if (reply.hang) return;
      response.writeHead(reply.status, reply.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  t.teardown(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return {
    receipts,
    /** A URL of this receiver; the path tells endpoints apart. */
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    for: (path: string) => receipts.filter((r) => r.path === path),
  };
}

/**
 * Standard Webhooks verification, written independently of the service: HMAC-SHA256 with the
 * base64-decoded part of the secret after `whsec_`, over `id.timestamp.body`, compared with each
 * `v1,` entry of the space-separated header.
 */
export function verifySignature(secret: string, receipt: Receipt): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${receipt.webhookId}.${receipt.timestamp}.${receipt.body}`)
    .digest();
  return receipt.signature.split(' ').some((entry) => {
    const [version, value] = entry.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** Polls `check` until it returns a value other than undefined/false, or fails after a deadline. */
export async function eventually<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  deadlineMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}
