import type { AttemptStore, Counter } from '../lib/attempts.js';
import { AppError } from '../lib/problems.js';
import { sha256Hex } from '../lib/secrets.js';

/** A reserved attempt: it counts as a failure unless released. */
interface HeldAttempt {
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
    request: { ip: string },
    account: string,
    options?: { channel?: 'password' | 'emailed-code' },
  ): Promise<HeldAttempt>;
  /**
   * Forgives the account's failures: its ceiling, and its count from this address (a password
   * reset proved the mailbox from here). Counts from other addresses stay, so whoever was
   * guessing from elsewhere is still held back.
   */
  forgive(request: { ip: string }, account: string): Promise<void>;
}

/** The messages a person may ask for without signing in (or for their own account). */
type AccountEmailKind = 'password_reset' | 'sign_in_code' | 'email_verification';

export interface MailThrottle {
  /**
   * Counts one request for an account message, per caller's address and per recipient address,
   * whether or not an account has it (the answer must not tell): 429 with Retry-After when full.
   */
  reserve(request: { ip: string }, kind: AccountEmailKind, email: string): Promise<void>;
}

export interface SignupThrottle {
  /** Reserves one sign-up for the caller's address and for all addresses: 429 when full. */
  reserve(request: { ip: string }): Promise<HeldAttempt>;
}

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

/** 14:05 UTC (with seconds when the wait is short), for a person deciding when to come back. */
const clockTime = (at: Date, seconds: number) => `${at.toISOString().slice(11, seconds < 120 ? 19 : 16)} UTC`;

/** A 429 that says when to try again: in words and as a UTC time, `Retry-After` and `retryAt`. */
function refuse(policy: string, quota: string, retryAfterMs: number, detail: (wait: string) => string) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const at = new Date(Date.now() + seconds * 1000);
  return new AppError('rate-limited', detail(`${inWords(seconds)} (at ${clockTime(at, seconds)})`), {
    headers: { 'retry-after': String(seconds), 'ratelimit-policy': `"${policy}";${quota}` },
    members: { retryAt: at.toISOString() },
  });
}

const tag = (value: string) => sha256Hex(value).slice(0, 32);

const ACCOUNT_EMAIL_WINDOW_MS = 60 * 60_000;

/** The settings the sign-in and sign-up throttles follow (the README's configuration table). */
export interface ThrottleConfig {
  RATE_LIMIT_ENABLED: boolean;
  LOGIN_FAILURES_PER_ADDRESS: number;
  LOGIN_FAILURES_PER_ACCOUNT: number;
  LOGIN_ACCOUNT_CEILING: number;
  SIGNUPS_PER_ADDRESS: number;
  SIGNUPS_PER_MINUTE: number;
  ACCOUNT_EMAILS_PER_ADDRESS: number;
  ACCOUNT_EMAILS_PER_RECIPIENT: number;
}

/**
 * The throttles of unauthenticated, expensive work (an Argon2 check or hash each), by
 * reservation (lib/attempts.ts): each attempt takes its place atomically before the work, so a
 * burst of parallel guesses cannot all pass a check that has not yet seen the others; a sign-in
 * that succeeds gives its place back. Accounts and addresses are hashed into the keys.
 */
export function createThrottles(config: ThrottleConfig, attempts: AttemptStore) {
  const loginThrottle: AttemptThrottle = {
    async forgive(request, account) {
      const who = tag(account);
      await attempts.forget([
        `login:account-address:${who}:${tag(request.ip)}`,
        `login:account:${who}`,
        `login:account-pace:${who}`,
      ]);
    },
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
  };

  const signupThrottle: SignupThrottle = {
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
  };
  return { loginThrottle, signupThrottle, mailThrottle: createMailThrottle(config, attempts) };
}

/**
 * Account messages (reset links, sign-in codes, verification links) by reservation too: each
 * request counts, so nobody can flood a mailbox or spray requests from one address.
 */
function createMailThrottle(config: ThrottleConfig, attempts: AttemptStore): MailThrottle {
  return {
    async reserve(request, kind, email) {
      if (!config.RATE_LIMIT_ENABLED) return;
      const outcome = await attempts.reserve([
        {
          key: `account-email:address:${tag(request.ip)}`,
          max: config.ACCOUNT_EMAILS_PER_ADDRESS,
          windowMs: ACCOUNT_EMAIL_WINDOW_MS,
        },
        {
          key: `account-email:${kind}:${tag(email.trim().toLowerCase())}`,
          max: config.ACCOUNT_EMAILS_PER_RECIPIENT,
          windowMs: ACCOUNT_EMAIL_WINDOW_MS,
        },
      ]);
      if (outcome.ok) return;
      if (outcome.refused === 0) {
        throw refuse(
          'account-email-address',
          `q=${config.ACCOUNT_EMAILS_PER_ADDRESS};w=3600`,
          outcome.retryAfterMs,
          (wait) =>
            `Too many requests for account messages from your address (${config.ACCOUNT_EMAILS_PER_ADDRESS} an hour); try again in ${wait}.`,
        );
      }
      throw refuse(
        'account-email-recipient',
        `q=${config.ACCOUNT_EMAILS_PER_RECIPIENT};w=3600`,
        outcome.retryAfterMs,
        (wait) =>
          `Too many requests of this kind for this email address (${config.ACCOUNT_EMAILS_PER_RECIPIENT} an hour); check the inbox, or try again in ${wait}.`,
      );
    },
  };
}
