import { otherSide, SIDES, type Side } from './taxonomy.js';

/*
 * Rounds, as in blind-bidding settlement (DOMAIN.md "The flow" 5, API.md "submit"). A report is
 * computed only when a round closes, and a round closes only on the submission of the second side,
 * so every report is consented to by both sides and no side can recompute alone to probe the other.
 */

export const DEFAULT_ROUND_BUDGET = 5;

/** Plain data, so the service can persist it and rebuild it from its tables. */
export interface RoundsState {
  /** The most rounds a deal may have; round 1 counts. */
  readonly budget: number;
  /** The current round, 1-based; also the number of rounds opened so far. */
  readonly round: number;
  /** Whether the current round has closed, i.e. its report exists. */
  readonly reportReady: boolean;
  /** Which sides have submitted for the current round. */
  readonly submitted: { readonly sales: boolean; readonly procurement: boolean };
  /**
   * The content fingerprint of each side's latest submission in any round, null before its first.
   * The service passes a keyed hash of `canonicalAssessment`, never the content itself.
   */
  readonly lastFingerprint: { readonly sales: string | null; readonly procurement: string | null };
}

export type SubmitOutcome =
  /** First submission of this side to the open round; the round waits for the other side. */
  | 'submitted'
  /** This side submitted again to a round the other side has not submitted to: replaces its earlier one. */
  | 'replaced'
  /** The other side had submitted to this round: the round closes, the caller computes its report. */
  | 'closed'
  /** Changed content after a round's report: the next round opens with this side submitted. */
  | 'opened';

export type SubmitRefusal =
  /** Nobody to align with yet. */
  | 'counterparty_missing'
  /** After a report, a submission identical to this side's last one would only burn a round. */
  | 'unchanged'
  /** Opening another round would exceed the budget. */
  | 'round_budget_exhausted';

export type SubmitResult =
  | {
      readonly ok: true;
      readonly outcome: SubmitOutcome;
      readonly state: RoundsState;
      readonly roundsLeft: number;
    }
  | { readonly ok: false; readonly reason: SubmitRefusal };

export interface SubmitContext {
  readonly counterpartyJoined: boolean;
}

/** Round 1 is open from the start, with nobody submitted. */
export function initialRoundsState(budget: number = DEFAULT_ROUND_BUDGET): RoundsState {
  if (!Number.isInteger(budget) || budget < 1)
    throw new RangeError('the round budget must be an integer ≥ 1');
  return {
    budget,
    round: 1,
    reportReady: false,
    submitted: { sales: false, procurement: false },
    lastFingerprint: { sales: null, procurement: null },
  };
}

/** How many more rounds may be opened: budget − rounds opened so far. */
export function roundsLeft(state: RoundsState): number {
  return state.budget - state.round;
}

/** The sides the current round still needs; empty once its report exists. */
export function waitingFor(state: RoundsState): Side[] {
  if (state.reportReady) return [];
  return SIDES.filter((side) => !state.submitted[side]);
}

function accepted(outcome: SubmitOutcome, state: RoundsState): SubmitResult {
  return { ok: true, outcome, state, roundsLeft: roundsLeft(state) };
}

/**
 * A side submits content with the given fingerprint. Pure: returns the next state, or why the
 * submission is refused (the state is then unchanged).
 */
export function submit(
  state: RoundsState,
  side: Side,
  fingerprint: string,
  context: SubmitContext,
): SubmitResult {
  if (!context.counterpartyJoined) return { ok: false, reason: 'counterparty_missing' };
  const lastFingerprint = { ...state.lastFingerprint, [side]: fingerprint };

  if (!state.reportReady) {
    const submitted = { ...state.submitted, [side]: true };
    if (state.submitted[otherSide(side)]) {
      return accepted('closed', { ...state, reportReady: true, submitted, lastFingerprint });
    }
    return accepted(state.submitted[side] ? 'replaced' : 'submitted', {
      ...state,
      submitted,
      lastFingerprint,
    });
  }

  if (state.lastFingerprint[side] === fingerprint) return { ok: false, reason: 'unchanged' };
  if (state.round + 1 > state.budget) return { ok: false, reason: 'round_budget_exhausted' };
  const submitted = { sales: side === 'sales', procurement: side === 'procurement' };
  return accepted('opened', {
    ...state,
    round: state.round + 1,
    reportReady: false,
    submitted,
    lastFingerprint,
  });
}
