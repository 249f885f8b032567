import type { Database, Keyring } from '@cg/db';
import type { Principal } from '../../platform/caller.js';
import type { AttemptThrottle, MailThrottle, SignupThrottle } from '../../platform/throttles.js';

/** What identity's use-cases work with: plain values, never the web framework's. */
export interface IdentityDeps {
  database: Database;
  config: { ACCESS_TOKEN_TTL_SECONDS: number; REFRESH_TOKEN_TTL_DAYS: number };
  /** Signs an access token for a principal (plugins/auth.ts holds the key and the claims). */
  signAccessToken(principal: Principal): string;
  loginThrottle: AttemptThrottle;
  signupThrottle: SignupThrottle;
  mailThrottle: MailThrottle;
  /** Seals the link or code a message carries in the mail outbox. */
  keyring: Keyring;
}

/** Identity's dependencies picked from what the app holds (a plain object, built once). */
export const identityDeps = (from: IdentityDeps): IdentityDeps => ({
  database: from.database,
  config: {
    ACCESS_TOKEN_TTL_SECONDS: from.config.ACCESS_TOKEN_TTL_SECONDS,
    REFRESH_TOKEN_TTL_DAYS: from.config.REFRESH_TOKEN_TTL_DAYS,
  },
  signAccessToken: from.signAccessToken,
  loginThrottle: from.loginThrottle,
  signupThrottle: from.signupThrottle,
  mailThrottle: from.mailThrottle,
  keyring: from.keyring,
});
