import { availableParallelism } from 'node:os';
import { hash, type Options, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';
import { AppError } from '../../lib/problems.js';

/** Argon2id with OWASP's minimum: 19 MiB of memory, two passes, one lane. */
// `algorithm: 2` is Argon2id (the binding's const enum cannot be imported under isolatedModules).
const ARGON2_OPTIONS: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Hashes run on libuv's thread pool and hold 19 MiB each: one per core at a time bounds the
 * memory a burst of sign-ins takes (queued ones wait here, holding nothing) without slowing them
 * down, and leaves pool threads free for file and DNS work.
 */
export const argon2Slots = pLimit(availableParallelism());

/** Waiting places by default: eight per core, about half a second of work at ~50 ms a hash. */
const DEFAULT_ARGON2_QUEUE_MAX = availableParallelism() * 8;
let queueMax = DEFAULT_ARGON2_QUEUE_MAX;

/**
 * How many hashes may wait for a slot (`ARGON2_QUEUE_MAX`; unset: the default). The limiter is
 * the process's, shared by every app built in it, since the cores and memory are.
 */
export function setArgon2QueueMax(max: number | undefined): void {
  queueMax = max ?? DEFAULT_ARGON2_QUEUE_MAX;
}

const ARGON2_RETRY_AFTER_SECONDS = 1;

/**
 * Runs one Argon2 job in a slot, or — when every slot is busy and the queue is full — refuses at
 * once with 503 and Retry-After, so that a burst sheds load instead of slowing everyone down.
 */
function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (argon2Slots.activeCount + argon2Slots.pendingCount >= argon2Slots.concurrency + queueMax) {
    return Promise.reject(
      new AppError(
        'service-unavailable',
        `Too many password checks are in progress; try again in ${ARGON2_RETRY_AFTER_SECONDS} second.`,
        { headers: { 'retry-after': String(ARGON2_RETRY_AFTER_SECONDS) } },
      ),
    );
  }
  return argon2Slots(work);
}

export const isArgon2Busy = (error: unknown) =>
  error instanceof AppError && error.type === 'service-unavailable';

export function hashPassword(password: string): Promise<string> {
  return inSlot(() => hash(password, ARGON2_OPTIONS));
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no stored hash (unknown account) it verifies
 * against a dummy, so that "no such user" and "wrong password" take the same time.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    dummyHash ??= argon2Slots(() => hash('common-ground timing equaliser', ARGON2_OPTIONS));
    const dummy = await dummyHash;
    await inSlot(() => matches(dummy, password));
    return false;
  }
  return inSlot(() => matches(storedHash, password));
}

/** A malformed stored hash is a mismatch, not an error (a busy limiter still is one). */
async function matches(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
