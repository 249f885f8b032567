import { availableParallelism } from 'node:os';
import { hash, type Options, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';

/** Argon2id with OWASP's minimum: 19 MiB of memory, two passes, one lane. */
// `algorithm: 2` is Argon2id (the binding's const enum cannot be imported under isolatedModules).
const ARGON2_OPTIONS: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Hashes run on libuv's thread pool and hold 19 MiB each: one per core at a time bounds the
 * memory a burst of sign-ins takes (queued ones wait here, holding nothing) without slowing them
 * down, and leaves pool threads free for file and DNS work.
 */
export const argon2Slots = pLimit(availableParallelism());

export function hashPassword(password: string): Promise<string> {
  return argon2Slots(() => hash(password, ARGON2_OPTIONS));
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no stored hash (unknown account) it verifies
 * against a dummy, so that "no such user" and "wrong password" take the same time.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    dummyHash ??= hashPassword('common-ground timing equaliser');
    const dummy = await dummyHash;
    await argon2Slots(() => verify(dummy, password)).catch(() => false);
    return false;
  }
  return argon2Slots(() => verify(storedHash, password)).catch(() => false);
}
