import { hash, type Options, verify } from '@node-rs/argon2';

/** Argon2id with OWASP's minimum: 19 MiB of memory, two passes, one lane. */
// `algorithm: 2` is Argon2id (the binding's const enum cannot be imported under isolatedModules).
const ARGON2_OPTIONS: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no stored hash (unknown account) it verifies
 * against a dummy, so that "no such user" and "wrong password" take the same time.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    dummyHash ??= hashPassword('common-ground timing equaliser');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
