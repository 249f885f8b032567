import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import t from 'tap';
import { type AttemptStore, memoryAttemptStore, paceMs, redisAttemptStore } from '../src/lib/attempts.js';

type Teardown = { teardown(fn: () => unknown): void };

/** The same checks against the in-process store and the Redis one: they must agree. */
const stores: Array<[string, (t: Teardown) => AttemptStore]> = [
  [
    'in-process',
    (t) => {
      const store = memoryAttemptStore();
      t.teardown(() => store.close());
      return store;
    },
  ],
  [
    'Redis',
    (t) => {
      const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
      const prefix = `cg-test-${randomBytes(4).toString('hex')}:`;
      t.teardown(async () => {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length > 0) await redis.del(...keys);
        redis.disconnect();
      });
      const fallback = memoryAttemptStore();
      t.teardown(() => fallback.close());
      return redisAttemptStore(redis, prefix, fallback, (error) => {
        throw error;
      });
    },
  ],
];

for (const [name, open] of stores) {
  t.test(`${name}: when reservations race, then exactly max are granted`, async (t) => {
    const store = open(t);
    const counters = [{ key: 'a', max: 7, windowMs: 60_000 }];
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => store.reserve(counters)));
    t.equal(outcomes.filter((o) => o.ok).length, 7);
    const refused = outcomes.find((o) => !o.ok);
    t.ok(refused && !refused.ok && refused.refused === 0 && refused.retryAfterMs > 59_000);
  });

  t.test(`${name}: when one counter is full, then the others are not counted either`, async (t) => {
    const store = open(t);
    const small = { key: 'small', max: 1, windowMs: 60_000 };
    const big = { key: 'big', max: 2, windowMs: 60_000 };
    t.ok((await store.reserve([big, small])).ok);
    const second = await store.reserve([big, small]);
    t.same(second.ok ? 'granted' : second.refused, 1, 'the second counter refused');
    // big holds one, not two: one more reservation on it alone still fits, the next does not.
    t.ok((await store.reserve([big])).ok);
    t.notOk((await store.reserve([big])).ok);
  });

  t.test(`${name}: when a reservation is released, then its place is free again`, async (t) => {
    const store = open(t);
    const counters = [{ key: 'r', max: 2, windowMs: 60_000 }];
    const first = await store.reserve(counters);
    t.ok((await store.reserve(counters)).ok);
    t.notOk((await store.reserve(counters)).ok);
    if (!first.ok) throw new Error('first reservation refused');
    await first.release();
    await first.release(); // idempotent: frees one place, not two
    t.ok((await store.reserve(counters)).ok);
    t.notOk((await store.reserve(counters)).ok);
  });

  t.test(`${name}: when a ceiling is reached, then attempts are paced, not refused`, async (t) => {
    const store = open(t);
    const ceiling = {
      key: 'c',
      paceKey: 'c-pace',
      threshold: 3,
      windowMs: 60_000,
      baseMs: 300,
      maxMs: 1000,
    };
    for (let i = 0; i < 3; i++) t.ok((await store.reserve([], ceiling)).ok, `below the ceiling ${i}`);
    const racing = await Promise.all(Array.from({ length: 10 }, () => store.reserve([], ceiling)));
    t.equal(racing.filter((o) => o.ok).length, 1, 'one attempt per pace');
    const waiting = racing.find((o) => !o.ok);
    t.ok(waiting && !waiting.ok && waiting.refused === 'ceiling' && waiting.retryAfterMs <= 300);
    await new Promise((resolve) => setTimeout(resolve, 350));
    t.ok((await store.reserve([], ceiling)).ok, 'the next slot opens after the pace');
  });
}

t.test('when failures pile up past the ceiling, then the pace doubles up to its cap', async (t) => {
  const ceiling = { threshold: 100, baseMs: 1000, maxMs: 30_000 };
  t.same(
    [100, 199, 200, 300, 400, 500, 600, 10_000].map((count) => paceMs(count, ceiling)),
    [1000, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000],
  );
});

t.test('when Redis cannot answer, then the attempt counts in this process', async (t) => {
  const redis = new Redis('redis://127.0.0.1:1', {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
  });
  redis.on('error', () => {});
  t.teardown(() => redis.disconnect());
  const fallback = memoryAttemptStore();
  t.teardown(() => fallback.close());
  const errors: unknown[] = [];
  const store = redisAttemptStore(redis, 'x:', fallback, (error) => errors.push(error));
  const counters = [{ key: 'f', max: 1, windowMs: 60_000 }];
  t.ok((await store.reserve(counters)).ok);
  t.notOk((await store.reserve(counters)).ok, 'still limited, by the fallback');
  t.ok(errors.length >= 2);
});
