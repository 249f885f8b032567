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
  | 'whe'
  | 'whd';

/**
 * A prefixed, time-ordered id (`deal_01jd…`): 48 bits of milliseconds then 80 random bits, in
 * Crockford base32, so ids sort by creation time and a wrong kind of id is obvious in a log.
 */
export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  let time = '';
  for (let value = now, i = 0; i < 10; i++, value = Math.floor(value / 32))
    time = CROCKFORD[value % 32] + time;
  const random = randomBytes(10);
  let bits = 0n;
  for (const byte of random) bits = (bits << 8n) | BigInt(byte);
  let tail = '';
  for (let i = 0; i < 16; i++, bits >>= 5n) tail = CROCKFORD[Number(bits & 31n)] + tail;
  return `${prefix}_${time}${tail}`;
}

export const hasPrefix = (id: string, prefix: IdPrefix) => id.startsWith(`${prefix}_`);
