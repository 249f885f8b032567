import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix =
  | 'org'
  | 'usr'
  | 'cli'
  | 'rt'
  | 'rtf'
  | 'aud'
  | 'deal'
  | 'inv'
  | 'asm'
  | 'rep'
  | 'evt'
  | 'ms'
  | 'tsk'
  | 'tpl'
  | 'cmt'
  | 'whe'
  | 'whd'
  | 'mail'
  | 'ntf'
  | 'ott'
  | 'ctb'
  | 'stk';

const RANDOM_BITS = 80n;
let last = { time: -1, random: 0n };

/**
 * A prefixed, time-ordered id (`deal_01jd…`): 48 bits of milliseconds then 80 random bits, in
 * Crockford base32, so ids sort by creation time and a wrong kind of id is obvious in a log.
 * Within one millisecond (or if the clock steps back) this process's ids still sort in the order
 * they were made: the random part of the previous id plus one (ULID's monotonic rule) — two
 * events written by one transaction list in the order they happened.
 */
export function newId(prefix: IdPrefix): string {
  let time = Date.now();
  let random = 0n;
  if (time <= last.time && last.random + 1n < 1n << RANDOM_BITS) {
    time = last.time;
    random = last.random + 1n;
  } else {
    for (const byte of randomBytes(10)) random = (random << 8n) | BigInt(byte);
  }
  last = { time, random };
  const head = timeHead(time);
  let tail = '';
  for (let i = 0, bits = random; i < 16; i++, bits >>= 5n) tail = CROCKFORD[Number(bits & 31n)] + tail;
  return `${prefix}_${head}${tail}`;
}

/** When an id of `newId` was made (ms since the epoch), from its head; undefined if it is not one. */
export function idTime(id: string): number | undefined {
  const head = /^[a-z]+_([0-9a-hjkmnp-tv-z]{10})[0-9a-hjkmnp-tv-z]{16}$/.exec(id)?.[1];
  if (!head) return undefined;
  let time = 0;
  for (const char of head) time = time * 32 + CROCKFORD.indexOf(char);
  return time;
}

/** Below every id of `prefix` made at `time` or later, above every one made before: `id > idFloor(…)`. */
export const idFloor = (prefix: IdPrefix, time: number): string => `${prefix}_${timeHead(Math.max(0, time))}`;

/** An id's head: 48 bits of milliseconds in 10 Crockford base32 digits. */
function timeHead(time: number): string {
  let head = '';
  for (let value = time, i = 0; i < 10; i++, value = Math.floor(value / 32))
    head = CROCKFORD[value % 32] + head;
  return head;
}
