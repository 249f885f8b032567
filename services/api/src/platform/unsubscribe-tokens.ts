import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '@cg/db';

/*
 * RFC 8058 one-click unsubscribe: every notification message carries a link that stops messages
 * of its kind (or, from a digest, every digest) for its recipient without signing in. The link is
 * stateless: the user id and kind, with an HMAC under a key derived (HKDF) from JWT_SECRET for
 * this one purpose — a link cannot be forged, and nothing needs storing per message.
 */

/** What a link stops: one kind of notification, or the daily digest. */
export type UnsubscribeScope = NotificationKind | 'digest';

const SCOPES: readonly string[] = [...NOTIFICATION_KINDS, 'digest'];

export interface UnsubscribeTokens {
  create(userId: string, scope: UnsubscribeScope): string;
  /** The user and scope a token names, or undefined if it is not one of ours. */
  read(token: string): { userId: string; scope: UnsubscribeScope } | undefined;
}

export function unsubscribeTokens(jwtSecret: string): UnsubscribeTokens {
  const key = Buffer.from(hkdfSync('sha256', jwtSecret, 'common-ground', 'unsubscribe-links/v1', 32));
  const mac = (subject: string) => createHmac('sha256', key).update(subject).digest();
  return {
    create(userId, scope) {
      const subject = `${userId}:${scope}`;
      return `${Buffer.from(subject).toString('base64url')}.${mac(subject).toString('base64url')}`;
    },
    read(token) {
      const [encoded, signature, extra] = token.split('.');
      if (!encoded || !signature || extra !== undefined) return undefined;
      const subject = Buffer.from(encoded, 'base64url').toString('utf8');
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(subject);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      const separator = subject.indexOf(':');
      const userId = subject.slice(0, separator);
      const scope = subject.slice(separator + 1);
      if (separator < 1 || !SCOPES.includes(scope)) return undefined;
      return { userId, scope: scope as UnsubscribeScope };
    },
  };
}
