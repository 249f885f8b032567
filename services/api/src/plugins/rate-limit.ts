import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { type AttemptStore, memoryAttemptStore, redisAttemptStore } from '../lib/attempts.js';
import { AppError } from '../lib/problems.js';
import { setArgon2QueueMax } from '../modules/identity/passwords.js';

import {
  type AttemptThrottle,
  createThrottles,
  type MailThrottle,
  type SignupThrottle,
} from '../platform/throttles.js';

declare module 'fastify' {
  interface FastifyInstance {
    loginThrottle: AttemptThrottle;
    signupThrottle: SignupThrottle;
    /** Reset links, sign-in codes and verification links asked for, per address and recipient. */
    mailThrottle: MailThrottle;
    /** preHandler for authenticated routes: the per-caller limit. */
    limitPerCaller(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

const WINDOW_SECONDS = 60;

/**
 * Rate limits with @fastify/rate-limit: in-process by default, in Redis when REDIS_URL is set so
 * that replicas share one count. The sign-in and sign-up throttles (platform/throttles.ts) count
 * in the same place.
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

    // The Argon2 limiter is the process's; its queue bound comes from the configuration.
    setArgon2QueueMax(config.ARGON2_QUEUE_MAX);
    // Attempt counts: in this process, or in Redis (falling back to this process's counts while
    // Redis cannot answer). Accounts and addresses are hashed into the keys.
    const local = memoryAttemptStore();
    app.addHook('onClose', async () => local.close());
    const attempts: AttemptStore = redis
      ? redisAttemptStore(redis, `${config.REDIS_KEY_PREFIX}attempts:`, local, (error) =>
          app.log.warn({ err: error }, 'redis unavailable; attempts counted in this process'),
        )
      : local;
    if (redis) {
      const connecting = redis;
      // Wait (briefly) for the connection, so the first requests count in Redis.
      app.addHook('onReady', async () => {
        if (connecting.status === 'ready') return;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1000);
          connecting.once('ready', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      });
    }
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

    const { loginThrottle, signupThrottle, mailThrottle } = createThrottles(config, attempts);
    app.decorate('loginThrottle', loginThrottle);
    app.decorate('signupThrottle', signupThrottle);
    app.decorate('mailThrottle', mailThrottle);
  },
  { name: 'rate-limit', dependencies: ['errors'] },
);
