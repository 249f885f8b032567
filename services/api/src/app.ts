import { randomUUID } from 'node:crypto';
import { createKeyring, type Database, type Keyring } from '@cg/db';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { auditRoutes } from './modules/audit/routes.js';
import { dealRoomRoutes, invitationPreviewRoutes, milestoneRoutes } from './modules/deal-room/index.js';
import { healthRoutes } from './modules/health/routes.js';
import {
  accountRoutes,
  apiClientRoutes,
  memberRoutes,
  recoveryRoutes,
  sessionRoutes,
} from './modules/identity/index.js';
import { mailWorkerPlugin } from './modules/mail/index.js';
import {
  notificationRoutes,
  notificationSchedulerPlugin,
  unsubscribeRoutes,
} from './modules/notifications/index.js';
import { webhookRoutes } from './modules/webhooks/routes.js';
import webhookWorkerPlugin from './modules/webhooks/worker.js';
import authPlugin from './plugins/auth.js';
import databasePlugin from './plugins/database.js';
import errorsPlugin, { clientErrorHandler, routerErrorHandler } from './plugins/errors.js';
import idempotencyPlugin from './plugins/idempotency.js';
import metricsPlugin from './plugins/metrics.js';
import openapiPlugin from './plugins/openapi.js';
import portalPlugin from './plugins/portal.js';
import rateLimitPlugin from './plugins/rate-limit.js';
import readCachePlugin from './plugins/read-cache.js';
import securityHeadersPlugin, { noStore, securityHeaders } from './plugins/security-headers.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    /** The master keys that wrap each deal's data key. */
    keyring: Keyring;
  }
}

export interface AppOptions {
  config: Config;
  database: Database;
  logger: FastifyBaseLogger;
}

/** One log line per request, written when it completes; no bodies, no headers. */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? null,
      url: withoutSecrets(request.url),
      statusCode: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else reply.log.info(line, 'request');
  }
}

/** Query parameters that carry a credential (links in mail): logged as `[redacted]`. */
const SECRET_QUERY_PARAMETERS = /([?&](?:code|token)=)[^&#]*/gi;
const withoutSecrets = (url: string) => url.replace(SECRET_QUERY_PARAMETERS, '$1[redacted]');

const INCOMING_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The whole API as one Fastify instance, not yet listening: tests call `inject()` on it. */
export async function buildApp({ config, database, logger }: AppOptions): Promise<FastifyInstance> {
  // For the replies Fastify and Node write before any hook runs (see errors.ts).
  const fixedHeaders = await securityHeaders();
  const app = Fastify({
    loggerInstance: logger,
    logController: new OneLinePerRequest({ requestIdLogLabel: 'reqId' }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    // A caller's own request id is kept when it is harmless, so logs can be joined across systems.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && INCOMING_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    trustProxy: config.TRUST_PROXY,
    // A URL the router cannot decode or a path segment too long for it, and a request Node cannot
    // parse (an unknown method): problems too, never Fastify's own JSON quoting the path.
    frameworkErrors: routerErrorHandler(fixedHeaders),
    clientErrorHandler: clientErrorHandler(fixedHeaders),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON (and, where a route adds it, form-urlencoded) bodies are accepted: anything else is a 415.
  app.removeContentTypeParser('text/plain');

  app.decorate('config', config);
  app.decorate('keyring', createKeyring(config.MASTER_KEY, config.MASTER_KEYS_PREVIOUS));

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(securityHeadersPlugin);
  await app.register(errorsPlugin);
  await app.register(databasePlugin, { database });
  await app.register(metricsPlugin);
  await app.register(readCachePlugin);
  await app.register(openapiPlugin);

  await app.register(authPlugin);
  await app.register(rateLimitPlugin);
  await app.register(idempotencyPlugin);

  await app.register(healthRoutes);
  await app.register(portalPlugin);
  // Sign-up, tokens and sessions answer with credentials: never cached.
  await app.register(async (credentials) => {
    credentials.addHook('onSend', noStore);
    await credentials.register(sessionRoutes);
    await credentials.register(recoveryRoutes);
    await credentials.register(invitationPreviewRoutes);
    // The unsubscribe link is the credential: its pages are never cached either.
    await credentials.register(unsubscribeRoutes);
  });
  await app.register(async (authenticated) => {
    // Every authenticated reply is private to its caller (deal data, private inputs, secrets shown
    // once): never cached, unless a route sets its own Cache-Control on purpose.
    authenticated.addHook('onSend', noStore);
    authenticated.addHook('onRequest', authenticated.authenticate);
    authenticated.addHook('preHandler', authenticated.limitPerCaller);
    await authenticated.register(memberRoutes);
    await authenticated.register(accountRoutes);
    await authenticated.register(apiClientRoutes);
    await authenticated.register(auditRoutes);
    await authenticated.register(dealRoomRoutes);
    await authenticated.register(webhookRoutes);
    await authenticated.register(milestoneRoutes);
    await authenticated.register(notificationRoutes);
  });
  await app.register(webhookWorkerPlugin);
  await app.register(mailWorkerPlugin);
  await app.register(notificationSchedulerPlugin);

  return app;
}
