import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { AppError } from '../lib/problems.js';

export interface FailureThrottle {
  /** 429 (with Retry-After) when this caller already failed too often. */
  check(request: FastifyRequest, account: string | undefined): Promise<void>;
  /** Counts one failure against the caller's address and the account. */
  recordFailure(request: FastifyRequest, account: string | undefined): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    loginThrottle: FailureThrottle;
    /** preHandler for authenticated routes: the per-caller limit. */
    limitPerCaller(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

const WINDOW_SECONDS = 60;

/**
 * Rate limits with @fastify/rate-limit: in-process by default, in Redis when REDIS_URL is set so
 * that replicas share one count. Login throttling counts failures only (a peek before the attempt,
 * an increment after a failure), per address and per account.
 */
export default fp(
  async function rateLimitPlugin(app: FastifyInstance) {
    const { config } = app;
    let redis: Redis | undefined;
    if (config.REDIS_URL) {
      redis = new Redis(config.REDIS_URL, {
        connectTimeout: 1000,
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        lazyConnect: false,
      });
      redis.on('error', (error) => app.log.warn({ err: error }, 'redis unavailable; rate limits fail open'));
      app.addHook('onClose', async () => {
        redis?.disconnect();
      });
    }
    await app.register(rateLimit, {
      global: false,
      ...(redis ? { redis } : {}),
      nameSpace: `${config.REDIS_KEY_PREFIX}rl:`,
      skipOnError: true,
    });

    const perAddress = app.createRateLimit({
      max: config.LOGIN_FAILURES_PER_ADDRESS,
      timeWindow: 60_000,
      keyGenerator: (request) => `login-address:${request.ip}`,
    });
    // The account a request is about, for the per-account limiter's key.
    const accountOf = new WeakMap<FastifyRequest, string>();
    const perAccount = app.createRateLimit({
      max: config.LOGIN_FAILURES_PER_ACCOUNT,
      timeWindow: 15 * 60_000,
      keyGenerator: (request) => `login-account:${accountOf.get(request) ?? ''}`,
    });

    const refuse = (ttlMs: number) =>
      new AppError('rate-limited', 'Too many failed sign-in attempts; wait before trying again.', {
        headers: { 'retry-after': String(Math.max(1, Math.ceil(ttlMs / 1000))) },
      });

    // Request limits: per address before authentication, per caller after it. The headers follow
    // the IETF draft (RateLimit-Policy: quota and window; RateLimit: remaining and reset).
    const limited = (
      policy: string,
      limit: { max: number; remaining: number; ttlInSeconds: number; isExceeded: boolean },
      reply: FastifyReply,
    ) => {
      reply.header('ratelimit-policy', `"${policy}";q=${limit.max};w=${WINDOW_SECONDS}`);
      reply.header('ratelimit', `"${policy}";r=${Math.max(0, limit.remaining)};t=${limit.ttlInSeconds}`);
      if (limit.isExceeded) {
        throw new AppError(
          'rate-limited',
          `Too many requests (${limit.max} a minute ${policy === 'caller' ? 'per caller' : 'per address'}); slow down.`,
          {
            headers: { 'retry-after': String(Math.max(1, limit.ttlInSeconds)) },
          },
        );
      }
    };
    const perAddressRequests = app.createRateLimit({
      max: config.RATE_LIMIT_PER_ADDRESS,
      timeWindow: WINDOW_SECONDS * 1000,
      keyGenerator: (request) => `address:${request.ip}`,
    });
    const perCallerRequests = app.createRateLimit({
      max: config.RATE_LIMIT_PER_CALLER,
      timeWindow: WINDOW_SECONDS * 1000,
      keyGenerator: (request) => `caller:${request.principal.kind}:${request.principal.id}`,
    });
    app.addHook('onRequest', async (request, reply) => {
      if (!config.RATE_LIMIT_ENABLED || !request.url.startsWith('/v1/')) return;
      const limit = await perAddressRequests(request);
      if (!limit.isAllowed) limited('address', limit, reply);
    });
    app.decorate('limitPerCaller', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!config.RATE_LIMIT_ENABLED) return;
      const limit = await perCallerRequests(request);
      if (!limit.isAllowed) limited('caller', limit, reply);
    });

    app.decorate('loginThrottle', {
      async check(request, account) {
        if (!config.RATE_LIMIT_ENABLED) return;
        const byAddress = await perAddress(request, { increment: false });
        if (!byAddress.isAllowed && byAddress.isExceeded) throw refuse(byAddress.ttl);
        if (account) {
          accountOf.set(request, account);
          const byAccount = await perAccount(request, { increment: false });
          if (!byAccount.isAllowed && byAccount.isExceeded) throw refuse(byAccount.ttl);
        }
      },
      async recordFailure(request, account) {
        if (!config.RATE_LIMIT_ENABLED) return;
        await perAddress(request);
        if (account) {
          accountOf.set(request, account);
          await perAccount(request);
        }
      },
    } satisfies FailureThrottle);
  },
  { name: 'rate-limit', dependencies: ['errors'] },
);
