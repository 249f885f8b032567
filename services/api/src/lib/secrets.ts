import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A high-entropy credential with a recognisable prefix (`cgs_…`, `cgr_…`, `whsec_…`). */
export function newSecret(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/**
 * SHA-256 of a random credential. A slow hash adds nothing at 256 bits of entropy, and a fast
 * one lets the credential be looked up by its hash.
 */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
