import fc from 'fast-check';
import t from 'tap';
import {
  DEFAULT_ROUND_BUDGET,
  initialRoundsState,
  type RoundsState,
  roundsLeft,
  SIDES,
  type Side,
  type SubmitResult,
  submit,
  waitingFor,
} from '../src/index.js';
import { holds } from './arbitraries.js';

const joined = { counterpartyJoined: true };

/** The part of a tap test `accept` needs. */
interface Matcher {
  match(found: unknown, pattern: unknown, message: string): unknown;
}

/** Applies a submit that must be accepted and returns the new state. */
function accept(
  t: Matcher,
  state: RoundsState,
  side: Side,
  fingerprint: string,
  outcome: string,
): RoundsState {
  const result = submit(state, side, fingerprint, joined);
  t.match(result, { ok: true, outcome }, `${side} ${fingerprint} → ${outcome}`);
  if (!result.ok) throw new Error(`expected ${outcome}, got ${result.reason}`);
  return result.state;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

t.test('transitions', async (t) => {
  t.test('round 1 starts open and waits for both sides', async (t) => {
    const state = initialRoundsState();
    t.equal(state.budget, DEFAULT_ROUND_BUDGET);
    t.equal(DEFAULT_ROUND_BUDGET, 5);
    t.strictSame(state, {
      budget: 5,
      round: 1,
      reportReady: false,
      submitted: { sales: false, procurement: false },
      lastFingerprint: { sales: null, procurement: null },
    });
    t.strictSame(waitingFor(state), ['sales', 'procurement']);
    t.equal(roundsLeft(state), 4, 'round 1 is opened already');
  });

  t.test('a budget must be a positive integer', async (t) => {
    t.equal(initialRoundsState(1).budget, 1);
    t.throws(() => initialRoundsState(0), RangeError);
    t.throws(() => initialRoundsState(2.5), RangeError);
  });

  t.test('without a counterparty every submit is refused', async (t) => {
    const state = initialRoundsState();
    t.strictSame(submit(state, 'sales', 'a', { counterpartyJoined: false }), {
      ok: false,
      reason: 'counterparty_missing',
    });
  });

  t.test('(a) an open round the other side has not submitted to: submitted, then replaced', async (t) => {
    let state = initialRoundsState();
    state = accept(t, state, 'sales', 'a', 'submitted');
    t.strictSame(waitingFor(state), ['procurement']);
    const replaced = submit(state, 'sales', 'b', joined);
    t.strictSame(replaced, {
      ok: true,
      outcome: 'replaced',
      state: {
        budget: 5,
        round: 1,
        reportReady: false,
        submitted: { sales: true, procurement: false },
        lastFingerprint: { sales: 'b', procurement: null },
      },
      roundsLeft: 4,
    });
    t.match(submit(state, 'sales', 'a', joined), { ok: true, outcome: 'replaced' }, 'unchanged content too');
  });

  t.test('(b) the other side has submitted to the open round: the round closes', async (t) => {
    let state = initialRoundsState();
    state = accept(t, state, 'procurement', 'p1', 'submitted');
    const closed = submit(state, 'sales', 's1', joined);
    t.strictSame(closed, {
      ok: true,
      outcome: 'closed',
      state: {
        budget: 5,
        round: 1,
        reportReady: true,
        submitted: { sales: true, procurement: true },
        lastFingerprint: { sales: 's1', procurement: 'p1' },
      },
      roundsLeft: 4,
    });
    if (closed.ok) t.strictSame(waitingFor(closed.state), []);
  });

  t.test('(c) after a report: unchanged is refused, changed opens the next round', async (t) => {
    let state = initialRoundsState();
    state = accept(t, state, 'sales', 's1', 'submitted');
    state = accept(t, state, 'sales', 's2', 'replaced');
    state = accept(t, state, 'procurement', 'p1', 'closed');
    t.strictSame(submit(state, 'sales', 's2', joined), { ok: false, reason: 'unchanged' });
    t.strictSame(submit(state, 'procurement', 'p1', joined), { ok: false, reason: 'unchanged' });
    const opened = submit(state, 'sales', 's1', joined);
    t.strictSame(opened, {
      ok: true,
      outcome: 'opened',
      state: {
        budget: 5,
        round: 2,
        reportReady: false,
        submitted: { sales: true, procurement: false },
        lastFingerprint: { sales: 's1', procurement: 'p1' },
      },
      roundsLeft: 3,
    });
    if (!opened.ok) return;
    state = opened.state;
    t.strictSame(waitingFor(state), ['procurement']);
    state = accept(t, state, 'sales', 's3', 'replaced');
    // The other side may close a round with its content unchanged.
    state = accept(t, state, 'procurement', 'p1', 'closed');
    t.equal(state.round, 2);
    state = accept(t, state, 'procurement', 'p2', 'opened');
    t.equal(state.round, 3);
    t.strictSame(waitingFor(state), ['sales']);
  });

  t.test('opening a round beyond the budget is refused; unchanged is reported first', async (t) => {
    let state = initialRoundsState(2);
    state = accept(t, state, 'sales', 's1', 'submitted');
    state = accept(t, state, 'procurement', 'p1', 'closed');
    state = accept(t, state, 'procurement', 'p2', 'opened');
    t.equal(roundsLeft(state), 0);
    state = accept(t, state, 'sales', 's1', 'closed');
    t.strictSame(submit(state, 'sales', 's2', joined), { ok: false, reason: 'round_budget_exhausted' });
    t.strictSame(submit(state, 'procurement', 'p3', joined), { ok: false, reason: 'round_budget_exhausted' });
    t.strictSame(submit(state, 'sales', 's1', joined), { ok: false, reason: 'unchanged' });
    const single = accept(
      t,
      accept(t, initialRoundsState(1), 'sales', 'a', 'submitted'),
      'procurement',
      'b',
      'closed',
    );
    t.strictSame(submit(single, 'sales', 'c', joined), { ok: false, reason: 'round_budget_exhausted' });
  });

  t.test('submit never mutates the state it is given', async (t) => {
    const state = deepFreeze(initialRoundsState());
    const next = accept(t, state, 'sales', 'a', 'submitted');
    t.not(next, state);
    t.strictSame(state, initialRoundsState());
  });
});

interface Command {
  side: Side;
  fingerprint: string;
  counterpartyJoined: boolean;
}

const command: fc.Arbitrary<Command> = fc.record({
  side: fc.constantFrom(...SIDES),
  // Few fingerprints, so that unchanged resubmissions happen often.
  fingerprint: fc.constantFrom('a', 'b', 'c'),
  // About 1 in 10 commands comes before the counterparty joined.
  counterpartyJoined: fc.nat(9).map((dice) => dice !== 0),
});

const commands = fc.array(command, { maxLength: 40 });

const scenario = fc.record({ budget: fc.integer({ min: 1, max: 6 }), commands });

/** Runs the commands, calling `check` with each step's input state, command and result. */
function run(
  budget: number,
  list: readonly Command[],
  check: (before: RoundsState, step: Command, result: SubmitResult) => boolean,
): boolean {
  let state = initialRoundsState(budget);
  for (const step of list) {
    const result = submit(state, step.side, step.fingerprint, {
      counterpartyJoined: step.counterpartyJoined,
    });
    if (!check(state, step, result)) return false;
    if (result.ok) state = result.state;
  }
  return true;
}

t.test('properties', async (t) => {
  holds(
    t,
    'a round closes only once both sides have submitted to it, and then always',
    fc.property(scenario, ({ budget, commands: list }) => {
      // An independent record of accepted submissions: round → sides that submitted to it.
      const submittedTo = new Map<number, Set<Side>>();
      return run(budget, list, (_before, step, result) => {
        if (!result.ok) return true;
        const round = result.state.round;
        const other: Side = step.side === 'sales' ? 'procurement' : 'sales';
        const otherHadSubmitted = submittedTo.get(round)?.has(other) === true;
        const sides = submittedTo.get(round) ?? new Set<Side>();
        sides.add(step.side);
        submittedTo.set(round, sides);
        return (
          (result.outcome === 'closed') === otherHadSubmitted &&
          result.state.reportReady === otherHadSubmitted
        );
      });
    }),
  );

  holds(
    t,
    'rounds never exceed the budget and roundsLeft counts down from budget − 1',
    fc.property(scenario, ({ budget, commands: list }) => {
      let opened = 1;
      return run(budget, list, (_before, _step, result) => {
        if (!result.ok) return true;
        if (result.outcome === 'opened') opened++;
        return (
          result.state.round === opened &&
          opened <= budget &&
          result.roundsLeft === budget - opened &&
          result.roundsLeft >= 0
        );
      });
    }),
  );

  holds(
    t,
    "'unchanged' exactly after a report, when the side resubmits its last content",
    fc.property(scenario, ({ budget, commands: list }) => {
      let reportReady = false;
      const last: Record<Side, string | null> = { sales: null, procurement: null };
      return run(budget, list, (_before, step, result) => {
        const expectUnchanged =
          step.counterpartyJoined && reportReady && last[step.side] === step.fingerprint;
        const isUnchanged = !result.ok && result.reason === 'unchanged';
        if (result.ok) {
          reportReady = result.outcome === 'closed';
          last[step.side] = step.fingerprint;
        }
        return isUnchanged === expectUnchanged;
      });
    }),
  );

  holds(
    t,
    'refusals are exactly: no counterparty, unchanged, or a round past the budget',
    fc.property(scenario, ({ budget, commands: list }) =>
      run(budget, list, (before, step, result) => {
        if (!step.counterpartyJoined) return !result.ok && result.reason === 'counterparty_missing';
        if (!before.reportReady) return result.ok && result.outcome !== 'opened';
        if (before.lastFingerprint[step.side] === step.fingerprint)
          return !result.ok && result.reason === 'unchanged';
        if (before.round === budget) return !result.ok && result.reason === 'round_budget_exhausted';
        return result.ok && result.outcome === 'opened' && waitingFor(result.state).length === 1;
      }),
    ),
  );
});
