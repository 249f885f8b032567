import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolveTarget, TargetRefusedError } from './ssrf.js';

export interface SendResult {
  /** The HTTP status, or null when no answer came. */
  statusCode: number | null;
  /** The `Retry-After` header of the answer, if any. */
  retryAfter: string | undefined;
  /** Why there was no answer: short, for the delivery log. */
  error: string | null;
  /** The service began shutting down during the attempt. */
  interrupted: boolean;
}

/** How much of an answer's body is read (and thrown away) before the connection is dropped. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs one webhook request. The target is checked again here (DNS may have changed since the
 * endpoint was saved) and the connection goes only to the addresses that were checked. Redirects
 * are not followed. The answer must begin within `timeoutMs` of the start (lookup included);
 * `shutdown` aborts early. The status is what counts: the body is drained and dropped.
 */
export function postWebhook(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivateNetworks: boolean; shutdown: AbortSignal },
): Promise<SendResult> {
  return new Promise<SendResult>((resolve) => {
    const controller = new AbortController();
    const onShutdown = () => controller.abort(options.shutdown.reason);
    const timer = setTimeout(
      () => controller.abort(new DOMException('no answer in time', 'TimeoutError')),
      options.timeoutMs,
    );
    options.shutdown.addEventListener('abort', onShutdown, { once: true });
    if (options.shutdown.aborted) onShutdown();
    const cleanup = () => {
      clearTimeout(timer);
      options.shutdown.removeEventListener('abort', onShutdown);
    };
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const fail = (error: unknown) => {
      cleanup();
      finish({
        statusCode: null,
        retryAfter: undefined,
        error: describeFailure(error, options),
        interrupted: options.shutdown.aborted,
      });
    };

    resolveTarget(rawUrl, { allowPrivateNetworks: options.allowPrivateNetworks, signal: controller.signal })
      .then((target) => {
        const pinned = target.addresses;
        const lookup: LookupFunction | undefined = pinned
          ? (_hostname, lookupOptions, callback) => {
              const [first] = pinned;
              if (lookupOptions.all) callback(null, pinned);
              else if (first) callback(null, first.address, first.family);
            }
          : undefined;
        const client = target.url.protocol === 'https:' ? https : http;
        const request = client.request(
          target.url,
          {
            method: 'POST',
            headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
            agent: false,
            signal: controller.signal,
            ...(lookup ? { lookup } : {}),
          },
          (response) => {
            finish({
              statusCode: response.statusCode ?? null,
              retryAfter: response.headers['retry-after'],
              error: null,
              interrupted: false,
            });
            let received = 0;
            response.on('data', (chunk: Buffer) => {
              received += chunk.length;
              if (received > MAX_RESPONSE_BYTES) response.destroy();
            });
            response.on('error', () => {});
            response.on('close', cleanup);
          },
        );
        request.on('error', fail);
        request.end(body);
      })
      .catch(fail);
  });
}

function describeFailure(error: unknown, options: { timeoutMs: number; shutdown: AbortSignal }): string {
  if (error instanceof TargetRefusedError) return `refused: ${error.reason}`.slice(0, 200);
  if (options.shutdown.aborted) return 'interrupted: the service stopped';
  const { name, code } = error as { name?: unknown; code?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError' || code === 'ABORT_ERR') {
    return `timeout: no answer within ${options.timeoutMs} ms`;
  }
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    default:
      return typeof code === 'string' ? `request failed: ${code}`.slice(0, 200) : 'request failed';
  }
}
