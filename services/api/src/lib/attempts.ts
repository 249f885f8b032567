import type { Redis } from 'ioredis';

/** A fixed-window count: at most `max` reservations per `windowMs`, the window opening at the first. */
export interface Counter {
  key: string;
  max: number;
  windowMs: number;
}

/**
 * A soft ceiling: below `threshold` reservations in the window nothing happens; at or above it
 * each reservation must also win a pacing slot (`paceKey`), held for `baseMs`, doubled for every
 * further `threshold` reservations, at most `maxMs`. The answer is a short wait, never a lockout.
 */
export interface Ceiling {
  key: string;
  paceKey: string;
  threshold: number;
  windowMs: number;
  baseMs: number;
  maxMs: number;
}

type Reservation =
  | { ok: true; release: () => Promise<void> }
  /** `refused` is the index of the counter that refused, or `ceiling`. */
  | { ok: false; refused: number | 'ceiling'; retryAfterMs: number };

type Refusal = Extract<Reservation, { ok: false }>;

/**
 * Reserves an attempt against several limits at once, atomically: either every counter (and the
 * ceiling's count) goes up by one, or — when any of them is full — none does. A reservation is
 * released (each count down by one) when the attempt turns out not to count, e.g. a sign-in that
 * succeeded.
 */
export interface AttemptStore {
  reserve(counters: readonly Counter[], ceiling?: Ceiling): Promise<Reservation>;
  /** Drops the counts under these keys (counters, ceilings, pacing slots): a fresh start. */
  forget(keys: readonly string[]): Promise<void>;
}

export const paceMs = (count: number, ceiling: Pick<Ceiling, 'threshold' | 'baseMs' | 'maxMs'>) =>
  Math.min(
    ceiling.maxMs,
    Math.floor(ceiling.baseMs * 2 ** Math.floor((count - ceiling.threshold) / ceiling.threshold)),
  );

/** A reservation that gives its place back once, however often `release` is called. */
function reserved(giveBack: () => Promise<void>) {
  let released = false;
  return {
    ok: true as const,
    release: async () => {
      if (released) return;
      released = true;
      await giveBack();
    },
  };
}

/**
 * In-process counts: one JavaScript turn is atomic, so no two requests of this process can both
 * take the last place. Expired entries are swept every minute (call `close` to stop the sweep).
 */
export function memoryAttemptStore(now: () => number = Date.now): AttemptStore & {
  close(): void;
  readonly size: number;
} {
  const entries = new Map<string, { count: number; expiresAt: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const increment = (key: string, windowMs: number) => {
    const entry = live(key);
    if (entry) entry.count += 1;
    else entries.set(key, { count: 1, expiresAt: now() + windowMs });
  };
  /** The full counter that frees up last, since the attempt must wait for every one. */
  const refusedByCounters = (counters: readonly Counter[]): Refusal | undefined => {
    let wait = 0;
    let refused = 0;
    counters.forEach((counter, index) => {
      const entry = live(counter.key);
      if (entry && entry.count >= counter.max && entry.expiresAt - now() > wait) {
        wait = entry.expiresAt - now();
        refused = index;
      }
    });
    return wait > 0 ? { ok: false, refused, retryAfterMs: wait } : undefined;
  };
  /** At or above the threshold, takes the pacing slot, or refuses while another attempt holds it. */
  const refusedByCeiling = (ceiling: Ceiling): Refusal | undefined => {
    const count = live(ceiling.key)?.count ?? 0;
    if (count < ceiling.threshold) return undefined;
    const slot = live(ceiling.paceKey);
    if (slot) return { ok: false, refused: 'ceiling', retryAfterMs: slot.expiresAt - now() };
    entries.set(ceiling.paceKey, { count: 1, expiresAt: now() + paceMs(count, ceiling) });
    return undefined;
  };
  const sweep = setInterval(() => {
    const at = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key);
  }, 60_000);
  sweep.unref();

  return {
    get size() {
      return entries.size;
    },
    close() {
      clearInterval(sweep);
    },
    async forget(keys) {
      for (const key of keys) entries.delete(key);
    },
    async reserve(counters, ceiling) {
      const refusal = refusedByCounters(counters) ?? (ceiling && refusedByCeiling(ceiling));
      if (refusal) return refusal;
      for (const counter of counters) increment(counter.key, counter.windowMs);
      if (ceiling) increment(ceiling.key, ceiling.windowMs);
      const keys = [...counters.map((counter) => counter.key), ...(ceiling ? [ceiling.key] : [])];
      return reserved(async () => {
        for (const key of keys) {
          const entry = live(key);
          if (entry && entry.count > 0) entry.count -= 1;
        }
      });
    },
  };
}

// KEYS: the counters, then (with a ceiling) its count and its pacing slot.
// ARGV: the number of counters; max and window of each; then threshold, window, base, max.
const RESERVE = `
local n = tonumber(ARGV[1])
local wait = 0
local refused = 0
for i = 1, n do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count >= tonumber(ARGV[2 * i]) then
    local ttl = redis.call('PTTL', KEYS[i])
    if ttl < 0 then
      ttl = tonumber(ARGV[2 * i + 1])
      redis.call('PEXPIRE', KEYS[i], ttl)
    end
    if ttl > wait then
      wait = ttl
      refused = i
    end
  end
end
if wait > 0 then return {0, refused, wait} end
local c = 2 * n + 2
if #KEYS > n then
  local threshold = tonumber(ARGV[c])
  local count = tonumber(redis.call('GET', KEYS[n + 1]) or '0')
  if count >= threshold then
    local pace = math.floor(math.min(tonumber(ARGV[c + 3]),
      tonumber(ARGV[c + 2]) * 2 ^ math.floor((count - threshold) / threshold)))
    if not redis.call('SET', KEYS[n + 2], '1', 'PX', pace, 'NX') then
      local ttl = redis.call('PTTL', KEYS[n + 2])
      if ttl <= 0 then ttl = 1 end
      return {0, -1, ttl}
    end
  end
end
for i = 1, n do
  if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[2 * i + 1])) end
end
if #KEYS > n then
  if redis.call('INCR', KEYS[n + 1]) == 1 then redis.call('PEXPIRE', KEYS[n + 1], tonumber(ARGV[c + 1])) end
end
return {1, 0, 0}
`;

// Each key down by one, never below zero; the expiry stays.
const RELEASE = `
for i = 1, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
end
return 1
`;

/**
 * Counts in Redis, shared by every replica: one Lua script checks and increments all counters,
 * so the reservation is atomic across processes. When Redis cannot answer, the reservation falls
 * back to `fallback` (this process's counts) rather than letting the attempt through unlimited.
 */
export function redisAttemptStore(
  redis: Redis,
  prefix: string,
  fallback: AttemptStore,
  onError: (error: unknown) => void,
): AttemptStore {
  return {
    async forget(keys) {
      await fallback.forget(keys);
      if (keys.length === 0) return;
      try {
        await redis.del(...keys.map((key) => prefix + key));
      } catch (error) {
        onError(error);
      }
    },
    async reserve(counters, ceiling) {
      const keys = [
        ...counters.map((counter) => prefix + counter.key),
        ...(ceiling ? [prefix + ceiling.key, prefix + ceiling.paceKey] : []),
      ];
      const args = [
        counters.length,
        ...counters.flatMap((counter) => [counter.max, counter.windowMs]),
        ...(ceiling ? [ceiling.threshold, ceiling.windowMs, ceiling.baseMs, ceiling.maxMs] : []),
      ];
      let result: [number, number, number];
      try {
        result = (await redis.eval(RESERVE, keys.length, ...keys, ...args)) as [number, number, number];
      } catch (error) {
        onError(error);
        return fallback.reserve(counters, ceiling);
      }
      const [ok, refused, wait] = result;
      if (!ok) return { ok: false, refused: refused < 0 ? 'ceiling' : refused - 1, retryAfterMs: wait };
      const counted = keys.slice(0, counters.length + (ceiling ? 1 : 0));
      return reserved(async () => {
        try {
          await redis.eval(RELEASE, counted.length, ...counted);
        } catch (error) {
          onError(error);
        }
      });
    },
  };
}
