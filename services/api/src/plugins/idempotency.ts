import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/problems.js';
import { sha256Hex } from '../lib/secrets.js';
import {
  claimKey,
  completeKey,
  deleteExpiredKeys,
  releaseKey,
  requestFingerprint,
} from '../platform/idempotency/service.js';
import { requireLiveCaller } from '../platform/unit-of-work.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Accepts an `Idempotency-Key` header: retries with the same key replay the first reply. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyClaim: { scope: string; key: string } | null;
  }
}

const KEY = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['content-type', 'etag', 'location'];
const CLEANUP_INTERVAL_MS = 10 * 60_000;

/** The key a request sent; a repeated header counts by its first value. */
function validIdempotencyKey(header: string | string[]): string {
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || !KEY.test(key)) {
    throw new AppError(
      'validation-failed',
      'The Idempotency-Key header must be 1–255 printable characters.',
      {
        errors: [{ path: '/headers/idempotency-key', message: 'must be 1–255 printable ASCII characters' }],
      },
    );
  }
  return key;
}

/** Scoped to the caller: another caller's key never collides, let alone replays. */
const keyScope = (request: FastifyRequest) =>
  request.principal
    ? `${request.principal.organisationId}/${request.principal.kind}/${request.principal.id}`
    : `address/${sha256Hex(request.ip)}`;

/** Idempotency keys on the routes marked `config: { idempotent: true }` (every creating POST). */
export default fp(
  async function idempotencyPlugin(app: FastifyInstance) {
    app.decorateRequest('idempotencyClaim', null);

    app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers['idempotency-key'];
      if (!request.routeOptions.config.idempotent || header === undefined) return;
      const key = validIdempotencyKey(header);
      const scope = keyScope(request);
      const path = request.url.split('?')[0] ?? request.url;
      const outcome = await claimKey(
        app.database,
        app.keyring,
        scope,
        key,
        requestFingerprint(request.method, path, request.body),
      );
      if (outcome.kind === 'replay') {
        // A stored reply is the caller's own: a removed member, a deleted client or an ended
        // session is refused before it is shown again, as it would be by the request itself.
        if (request.principal) await requireLiveCaller(app.database, request.principal);
        reply
          .code(outcome.reply.statusCode)
          .headers(outcome.reply.headers)
          .header('idempotent-replayed', 'true');
        return reply.send(outcome.reply.body);
      }
      request.idempotencyClaim = { scope, key };
      // The unit of work marks the claim committed in the transaction of its write (withCaller).
      if (request.caller) request.caller = { ...request.caller, idempotencyClaim: { scope, key } };
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const claim = request.idempotencyClaim;
      if (!claim) return payload;
      request.idempotencyClaim = null;
      // Only successes are kept: after an error the caller may fix things and retry with the key.
      // The reply goes out whatever happens here: the write is done (or not) already, and a failure
      // to settle leaves the claim committed (a retry is refused) or in progress (it waits).
      try {
        if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
          const headers: Record<string, string> = {};
          for (const name of REPLAYED_HEADERS) {
            const value = reply.getHeader(name);
            if (value !== undefined) headers[name] = String(value);
          }
          await completeKey(app.database, app.keyring, claim.scope, claim.key, {
            statusCode: reply.statusCode,
            headers,
            body: payload,
          });
        } else {
          await releaseKey(app.database, claim.scope, claim.key);
        }
      } catch (error) {
        request.log.warn({ err: error }, 'idempotency key not settled');
      }
      return payload;
    });

    const timer = setInterval(() => {
      deleteExpiredKeys(app.database).catch((error) =>
        app.log.warn({ err: error }, 'idempotency key clean-up failed'),
      );
    }, CLEANUP_INTERVAL_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'idempotency', dependencies: ['errors', 'database'] },
);
