import { randomBytes } from 'node:crypto';
import { type Keyring, openWithKeyring, sealWithKeyring } from '@cg/db';

/*
 * Endpoint signing secrets at rest. The service must sign with them, so they cannot be stored as
 * hashes: each is sealed (AES-256-GCM) under the master keyring, with the endpoint id as
 * additional authenticated data, so a sealed secret copied to another endpoint does not open.
 */

/** Standard Webhooks: `whsec_` + base64 of 24–64 random bytes. */
const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;

export function newEndpointSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/** The HMAC key a secret stands for: the bytes after `whsec_`. */
export function signingKey(secret: string): Buffer {
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

const purpose = (endpointId: string) => `common-ground/webhook-endpoint-secret/${endpointId}`;

export function sealEndpointSecret(keyring: Keyring, endpointId: string, secret: string): string {
  return sealWithKeyring(keyring, secret, purpose(endpointId));
}

export function openEndpointSecret(keyring: Keyring, endpointId: string, sealed: string): string {
  return openWithKeyring(keyring, sealed, purpose(endpointId));
}
