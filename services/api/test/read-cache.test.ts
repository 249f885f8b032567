import type { ChangeFeed, ChangeSubscriber } from '@cg/db';
import fc from 'fast-check';
import t from 'tap';
import { newId } from '../src/lib/ids.js';
import { ReadCache } from '../src/platform/read-cache.js';

/** A change feed the test drives: live or not, and announcing what the test says. */
function feed() {
  const subscribers = new Set<ChangeSubscriber>();
  const state = { live: true };
  const changes: ChangeFeed = {
    get live() {
      return state.live;
    },
    subscribe: (subscriber) => {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
  };
  return {
    changes,
    subscribers,
    announce: (key: string) => {
      for (const subscriber of subscribers) subscriber.changed(key);
    },
    setLive: (live: boolean) => {
      state.live = live;
      for (const subscriber of subscribers) subscriber.reset();
    },
  };
}

/** Keeps a value read with `dependencies` under `key`, as a read that nothing interrupted. */
function read(cache: ReadCache, key: string, value: unknown, dependencies: string[]) {
  const ticket = cache.begin(dependencies);
  cache.keep(ticket, key, value, dependencies);
  cache.finish(ticket);
}

t.test(
  'when a key a result came from changes, then the result is forgotten, and only that one',
  async (t) => {
    const { changes, announce } = feed();
    const cache = new ReadCache(changes, 100);
    read(cache, 'alignment:d1:o1', 'one', ['deal:d1']);
    read(cache, 'alignment:d1:o2', 'other side', ['deal:d1']);
    read(cache, 'alignment:d2:o1', 'two', ['deal:d2']);
    t.equal(cache.get('alignment:d1:o1'), 'one');
    announce('deal:d1');
    t.equal(cache.get('alignment:d1:o1'), undefined);
    t.equal(cache.get('alignment:d1:o2'), undefined, 'both parties’ views of the deal');
    t.equal(cache.get('alignment:d2:o1'), 'two', 'another deal is untouched');
    t.equal(cache.size, 1);
  },
);

t.test('when a key changes while a read runs, then what it read is not kept', async (t) => {
  const { changes, announce, setLive } = feed();
  const cache = new ReadCache(changes, 100);
  const ticket = cache.begin(['deal:d1', 'user:u1']);
  announce('user:u1');
  cache.keep(ticket, 'caller:u1', 'row', ['user:u1']);
  cache.keep(ticket, 'alignment:d1:o1', 'stale', ['deal:d1']);
  cache.finish(ticket);
  t.equal(cache.get('caller:u1'), undefined);
  t.equal(cache.get('alignment:d1:o1'), undefined, 'nothing the read produced');

  const unrelated = cache.begin(['deal:d1']);
  announce('deal:d2');
  cache.keep(unrelated, 'alignment:d1:o1', 'fresh', ['deal:d1']);
  cache.finish(unrelated);
  t.equal(cache.get('alignment:d1:o1'), 'fresh', 'a change of another key does not matter');

  const beforeReset = cache.begin(['deal:d3']);
  setLive(false);
  setLive(true);
  cache.keep(beforeReset, 'alignment:d3:o1', 'unsure', ['deal:d3']);
  cache.finish(beforeReset);
  t.equal(cache.get('alignment:d3:o1'), undefined, 'a reset of the feed voids every running read');
  t.equal(cache.get('alignment:d1:o1'), undefined, 'and forgets everything kept');

  t.throws(
    () => cache.keep(cache.begin(['deal:d1']), 'x', 1, ['deal:d9']),
    /did not watch/,
    'a result cannot depend on a key its read did not watch',
  );
});

t.test('when the feed is not live, then nothing is kept or served', async (t) => {
  const { changes, setLive } = feed();
  const cache = new ReadCache(changes, 100);
  read(cache, 'a', 1, ['deal:a']);
  setLive(false);
  t.equal(cache.get('a'), undefined);
  read(cache, 'b', 2, ['deal:b']);
  setLive(true);
  t.equal(cache.get('b'), undefined, 'kept while not live: no');
  read(cache, 'c', 3, ['deal:c']);
  t.equal(cache.get('c'), 3, 'live again: yes');
});

t.test('when it is full, then the least recently used result goes; with 0 entries it is off', async (t) => {
  const { changes, subscribers } = feed();
  const cache = new ReadCache(changes, 2);
  read(cache, 'a', 1, ['deal:a']);
  read(cache, 'b', 2, ['deal:b']);
  t.equal(cache.get('a'), 1);
  read(cache, 'c', 3, ['deal:c']);
  t.equal(cache.get('b'), undefined, 'b was the least recently used');
  t.equal(cache.get('a'), 1);
  t.equal(cache.get('c'), 3);
  cache.close();
  t.equal(subscribers.size, 0, 'closing unsubscribes');

  const off = feed();
  const disabled = new ReadCache(off.changes, 0);
  read(disabled, 'a', 1, ['deal:a']);
  t.equal(disabled.get('a'), undefined);
  t.equal(off.subscribers.size, 0, 'a disabled cache does not even subscribe');
});

t.test(
  'property: whatever the order of reads and changes, nothing is served that a change came after',
  async (t) => {
    const DEALS = ['d1', 'd2', 'd3'];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('begin' as const), deal: fc.constantFrom(...DEALS) }),
      fc.record({ kind: fc.constant('end' as const), index: fc.nat(20) }),
      fc.record({ kind: fc.constant('change' as const), deal: fc.constantFrom(...DEALS) }),
      fc.record({ kind: fc.constant('reset' as const) }),
      fc.record({ kind: fc.constant('get' as const), deal: fc.constantFrom(...DEALS) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.integer({ min: 1, max: 3 }), (steps, size) => {
        const { changes, announce, setLive } = feed();
        const cache = new ReadCache(changes, size);
        // The model: each deal's version; a read sees the version when it begins.
        const version = new Map(DEALS.map((deal) => [deal, 0]));
        const running: { deal: string; seen: number; ticket: ReturnType<ReadCache['begin']> }[] = [];
        for (const s of steps) {
          if (s.kind === 'begin') {
            const ticket = cache.begin([`deal:${s.deal}`]);
            running.push({ deal: s.deal, seen: version.get(s.deal) ?? 0, ticket });
          } else if (s.kind === 'end' && running.length > 0) {
            const [done] = running.splice(s.index % running.length, 1);
            if (!done) continue;
            cache.keep(done.ticket, done.deal, done.seen, [`deal:${done.deal}`]);
            cache.finish(done.ticket);
          } else if (s.kind === 'change') {
            version.set(s.deal, (version.get(s.deal) ?? 0) + 1);
            announce(`deal:${s.deal}`);
          } else if (s.kind === 'reset') {
            setLive(false);
            setLive(true);
          } else if (s.kind === 'get') {
            const served = cache.get<number>(s.deal);
            if (served !== undefined && served !== version.get(s.deal)) return false;
          }
          if (cache.size > size) return false;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
    t.pass('no outdated result served in 2,000 random histories');
  },
);

t.test(
  'when ids are made within one millisecond, then they still sort in the order they were made',
  async (t) => {
    const ids = Array.from({ length: 2000 }, () => newId('evt'));
    t.same([...ids].sort(), ids);
    t.equal(new Set(ids).size, ids.length);
    t.match(ids[0], /^evt_[0-9a-hjkmnp-tv-z]{26}$/);
  },
);
