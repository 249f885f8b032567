import { randomInt } from 'node:crypto';
import { AppError } from '../../lib/problems.js';
import { newSecret, sha256Hex } from '../../lib/secrets.js';

/*
 * The single-use tokens of the emailed flows. A link carries 256 random bits and is stored as
 * its SHA-256 (looked up by it); a sign-in code is six digits, stored hashed with its account
 * and compared, and spent after a few wrong tries. Neither ever appears in a response, a log
 * line or an audit entry: the message is the only place they are written out.
 */

const DAY_MS = 86_400_000;
export const EMAIL_VERIFICATION_TTL_MS = 7 * DAY_MS;
export const PASSWORD_RESET_TTL_MS = 30 * 60_000;
export const SIGN_IN_CODE_TTL_MS = 10 * 60_000;
export const MEMBER_INVITATION_TTL_MS = 7 * DAY_MS;
/** Wrong tries after which a sign-in code is spent. */
export const SIGN_IN_CODE_MAX_TRIES = 5;

/** Link tokens by purpose, recognisable in a URL: verification, password, invitation. */
export const LINK_PREFIX = { email_verification: 'cgv_', password_reset: 'cgp_', member_invitation: 'cgi_' };

export const newLinkToken = (prefix: string) => newSecret(prefix, 32);
export const linkTokenHash = (token: string) => sha256Hex(token.trim());

export const newSignInCode = () => randomInt(0, 1_000_000).toString().padStart(6, '0');
export const signInCodeHash = (userId: string, code: string) =>
  sha256Hex(`sign-in-code:${userId}:${code.replace(/[\s-]/g, '')}`);

export const expiresIn = (ms: number) => new Date(Date.now() + ms);

/** A token row that may still be used: not spent, not expired. */
export const isLive = (row: { used_at: Date | null; expires_at: Date } | undefined): boolean =>
  row !== undefined && row.used_at === null && row.expires_at.getTime() > Date.now();

/** 400 for a link that is unknown, spent or expired: the same words for each, and what to do next. */
export const invalidLink = (what: string, next: string) =>
  new AppError('invalid-link', `This ${what} link has expired or was already used. ${next}`);
