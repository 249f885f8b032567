import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/*
 * Envelope encryption of private inputs (PLATFORM-NOTES "Private inputs at rest"): each deal has
 * a random 256-bit data key; the data key is stored wrapped (AES-256-GCM) by a master key from
 * configuration, with the master key's id beside it so keys can be rotated by re-wrapping. Every
 * ciphertext carries additional authenticated data naming what it belongs to, so a ciphertext
 * moved to another row, side or revision fails to decrypt.
 */

const FORMAT = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

interface MasterKey {
  id: string;
  key: Buffer;
}

export interface Keyring {
  /** Wraps every new data key. */
  current: MasterKey;
  /** Every key that may have wrapped a stored data key, by id (current included). */
  byId: ReadonlyMap<string, Buffer>;
}

export class DecryptionError extends Error {
  constructor(what: string) {
    super(`cannot decrypt ${what}: wrong key or tampered data`);
    this.name = 'DecryptionError';
  }
}

export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update('common-ground master key id\0').update(key).digest('hex').slice(0, 16);
}

function decodeMasterKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error('a master key must be base64 of 32 bytes');
  return key;
}

/** The current master key and the previous ones still accepted for unwrapping. */
export function createKeyring(current: string, previous: readonly string[] = []): Keyring {
  const currentKey = decodeMasterKey(current);
  const byId = new Map<string, Buffer>();
  for (const key of [currentKey, ...previous.map(decodeMasterKey)]) byId.set(masterKeyId(key), key);
  return { current: { id: masterKeyId(currentKey), key: currentKey }, byId };
}

function encrypt(key: Buffer, plaintext: Buffer, aad: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${FORMAT}.${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64')}`;
}

function decrypt(key: Buffer, sealed: string, aad: string, what: string): Buffer {
  const [format, payload] = sealed.split('.', 2);
  if (format !== FORMAT || !payload) throw new DecryptionError(what);
  const bytes = Buffer.from(payload, 'base64');
  if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new DecryptionError(what);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionError(what);
  }
}

const dataKeyAad = (dealId: string) => `common-ground/deal-key/${dealId}`;

export function generateDataKey(): Buffer {
  return randomBytes(32);
}

export function wrapDataKey(
  keyring: Keyring,
  dealId: string,
  dataKey: Buffer,
): { wrappedKey: string; masterKeyId: string } {
  return {
    wrappedKey: encrypt(keyring.current.key, dataKey, dataKeyAad(dealId)),
    masterKeyId: keyring.current.id,
  };
}

export function unwrapDataKey(keyring: Keyring, dealId: string, wrappedKey: string, keyId: string): Buffer {
  const masterKey = keyring.byId.get(keyId);
  if (!masterKey)
    throw new DecryptionError(`the data key of ${dealId} (master key ${keyId} is not configured)`);
  return decrypt(masterKey, wrappedKey, dataKeyAad(dealId), `the data key of ${dealId}`);
}

/** What a ciphertext is bound to; changing any part makes it undecryptable. */
export interface ContentBinding {
  dealId: string;
  side: string;
  /** `draft`, or the submission number. */
  revision: string | number;
}

const contentAad = (binding: ContentBinding) =>
  `common-ground/assessment/${binding.dealId}/${binding.side}/${binding.revision}`;

export function sealContent(dataKey: Buffer, plaintext: string, binding: ContentBinding): string {
  return encrypt(dataKey, Buffer.from(plaintext, 'utf8'), contentAad(binding));
}

export function openContent(dataKey: Buffer, sealed: string, binding: ContentBinding): string {
  return decrypt(
    dataKey,
    sealed,
    contentAad(binding),
    `the ${binding.side} assessment of ${binding.dealId}`,
  ).toString('utf8');
}

/**
 * A keyed fingerprint of content (HMAC-SHA256 under a key derived from the deal's data key): equal
 * content gives equal fingerprints within a deal, and without the key the fingerprint says
 * nothing — a plain hash of so small an input space could be brute-forced from a dump.
 */
export function contentFingerprint(dataKey: Buffer, canonical: string): string {
  const key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'common-ground/fingerprint', 32));
  return createHmac('sha256', key).update(canonical).digest('base64url');
}

/**
 * Seals a value directly under the current master key (for small infrastructure values such as
 * stored idempotent replies), tagged with the key's id so it opens after a rotation too.
 */
export function sealWithKeyring(keyring: Keyring, plaintext: string, purpose: string): string {
  return `${keyring.current.id}:${encrypt(keyring.current.key, Buffer.from(plaintext, 'utf8'), purpose)}`;
}

export function openWithKeyring(keyring: Keyring, sealed: string, purpose: string): string {
  const separator = sealed.indexOf(':');
  const key = keyring.byId.get(sealed.slice(0, separator));
  if (separator < 0 || !key) throw new DecryptionError(purpose);
  return decrypt(key, sealed.slice(separator + 1), purpose, purpose).toString('utf8');
}
