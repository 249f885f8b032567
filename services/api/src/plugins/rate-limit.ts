import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { type AttemptStore, type Counter, memoryAttemptStore, redisAttemptStore } from '../lib/attempts.js';
import { AppError } from '../lib/problems.js';
import { sha256Hex } from '../lib/secrets.js';
import { setArgon2QueueMax } from '../modules/identity/passwords.js';

/** A reserved attempt: it counts as a failure unless released. */
export interface HeldAttempt {
  /** The attempt does not count (it succeeded, or never reached the check). Idempotent. */
  release(): Promise<void>;
}

export interface AttemptThrottle {
  /**
   * Reserves one sign-in attempt for the caller's address and the account, atomically, before
   * the expensive check: 429 with Retry-After when a limit is reached. `channel: 'emailed-code'`
   * (a sign-in proven by a code sent to the account's address) skips the account's ceiling, so
   * an attack on the password cannot keep its owner out.
   */
  reserve(
    request: FastifyRequest,
    account: string,
    options?: { channel?: 'password' | 'emailed-code' },
  ): Promise<HeldAttempt>;
}

export interface SignupThrottle {
  /** Reserves one sign-up for the caller's address and for all addresses: 429 when full. */
  reserve(request: FastifyRequest): Promise<HeldAttempt>;
}

declare module 'fastify' {
  interface FastifyInstance {
    loginThrottle: AttemptThrottle;
    signupThrottle: SignupThrottle;
    /** preHandler for authenticated routes: the per-caller limit. */
    limitPerCaller(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

const WINDOW_SECONDS = 60;

const LOGIN_ACCOUNT_WINDOW_MS = 15 * 60_000;
const LOGIN_ADDRESS_WINDOW_MS = 60_000;
const SIGNUP_ADDRESS_WINDOW_MS = 60 * 60_000;
const SIGNUP_ALL_WINDOW_MS = 60_000;
/** Over the account's ceiling: one password check per second, doubling, at most every 30 s. */
const PACE_BASE_MS = 1000;
const PACE_MAX_MS = 30_000;

const NOT_HELD: HeldAttempt = { release: async () => {} };

const inWords = (seconds: number) =>
  seconds < 120 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;

/**
 * Rate limits with @fastify/rate-limit: in-process by default, in Redis when REDIS_URL is set so
 * that replicas share one count. Sign-ins and sign-ups are throttled by reservation (see
 * lib/attempts.ts): each attempt takes its place atomically before any Argon2 work, so a burst
 * of parallel guesses cannot all pass a check that has not yet seen the others; a sign-in that
 * succeeds gives its place back.
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
    const tag = (value: string) => sha256Hex(value).slice(0, 32);

    const refuse = (
      policy: string,
      quota: string,
      retryAfterMs: number,
      detail: (wait: string) => string,
    ) => {
      const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      return new AppError('rate-limited', detail(inWords(seconds)), {
        headers: { 'retry-after': String(seconds), 'ratelimit-policy': `"${policy}";${quota}` },
      });
    };

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
      async reserve(request, account, options = {}) {
        if (!config.RATE_LIMIT_ENABLED) return NOT_HELD;
        const address = tag(request.ip);
        const who = tag(account);
        const counters: Counter[] = [
          {
            key: `login:address:${address}`,
            max: config.LOGIN_FAILURES_PER_ADDRESS,
            windowMs: LOGIN_ADDRESS_WINDOW_MS,
          },
          {
            key: `login:account-address:${who}:${address}`,
            max: config.LOGIN_FAILURES_PER_ACCOUNT,
            windowMs: LOGIN_ACCOUNT_WINDOW_MS,
          },
        ];
        const outcome = await attempts.reserve(
          counters,
          options.channel === 'emailed-code'
            ? undefined
            : {
                key: `login:account:${who}`,
                paceKey: `login:account-pace:${who}`,
                threshold: config.LOGIN_ACCOUNT_CEILING,
                windowMs: LOGIN_ACCOUNT_WINDOW_MS,
                baseMs: PACE_BASE_MS,
                maxMs: PACE_MAX_MS,
              },
        );
        if (outcome.ok) return outcome;
        if (outcome.refused === 0) {
          throw refuse(
            'login-address',
            `q=${config.LOGIN_FAILURES_PER_ADDRESS};w=60`,
            outcome.retryAfterMs,
            (wait) =>
              `Too many failed sign-ins from your address (${config.LOGIN_FAILURES_PER_ADDRESS} a minute); try again in ${wait}.`,
          );
        }
        if (outcome.refused === 1) {
          throw refuse(
            'login-account-address',
            `q=${config.LOGIN_FAILURES_PER_ACCOUNT};w=900`,
            outcome.retryAfterMs,
            (wait) =>
              `Too many failed sign-ins for this account from your address (${config.LOGIN_FAILURES_PER_ACCOUNT} in 15 minutes); try again in ${wait}.`,
          );
        }
        throw refuse(
          'login-account',
          `q=${config.LOGIN_ACCOUNT_CEILING};w=900`,
          outcome.retryAfterMs,
          (wait) =>
            `This account has had many failed sign-ins, so its password checks are spaced out; try again in ${wait}.`,
        );
      },
    } satisfies AttemptThrottle);

    app.decorate('signupThrottle', {
      async reserve(request) {
        if (!config.RATE_LIMIT_ENABLED) return NOT_HELD;
        const outcome = await attempts.reserve([
          {
            key: `signup:address:${tag(request.ip)}`,
            max: config.SIGNUPS_PER_ADDRESS,
            windowMs: SIGNUP_ADDRESS_WINDOW_MS,
          },
          { key: 'signup:all', max: config.SIGNUPS_PER_MINUTE, windowMs: SIGNUP_ALL_WINDOW_MS },
        ]);
        if (outcome.ok) return outcome;
        if (outcome.refused === 0) {
          throw refuse(
            'signup-address',
            `q=${config.SIGNUPS_PER_ADDRESS};w=3600`,
            outcome.retryAfterMs,
            (wait) =>
              `Too many sign-ups from your address (${config.SIGNUPS_PER_ADDRESS} an hour); try again in ${wait}.`,
          );
        }
        throw refuse(
          'signup',
          `q=${config.SIGNUPS_PER_MINUTE};w=60`,
          outcome.retryAfterMs,
          (wait) => `Too many sign-ups right now; try again in ${wait}.`,
        );
      },
    } satisfies SignupThrottle);
  },
  { name: 'rate-limit', dependencies: ['errors'] },
);
