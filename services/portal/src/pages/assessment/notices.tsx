import type { Side } from '@cg/domain';
import { useEffect, useRef } from 'react';
import { type Assessment, type Deal, formatDateTime } from '../../labels.js';
import { FIELD_LABELS, fieldId } from './draft.js';
import type { Busy, SaveState } from './use-draft.js';

export function PrivacyCallout({ ownName, otherName }: { ownName: string; otherName: string }) {
  return (
    <div className="privacy-callout">
      <svg className="privacy-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="4" y="10" width="16" height="11" rx="2" />
        <path d="M8 10V7a4 4 0 0 1 8 0v3" />
      </svg>
      <div>
        <p className="privacy-title">Only {ownName} can see these answers.</p>
        <p>
          {otherName} never sees them — not your objectives, notes, ratings or disclosure choice. Once both
          sides have submitted, both see only the alignment report worked out from the two assessments.
        </p>
      </div>
    </div>
  );
}

function draftState(deal: Deal, side: Side, saved: Assessment | null): string {
  if (!saved) return 'Not started.';
  const at = formatDateTime(saved.updatedAt);
  if (saved.status === 'submitted') return `Submitted (submission ${saved.revision}), last changed ${at}.`;
  const submitted = deal.submissions[side].revision;
  if (submitted) {
    return `Draft with changes since your last submission, saved ${at}. Your submission ${submitted} stays in force until you submit again.`;
  }
  return `Draft, saved ${at}. Not submitted yet.`;
}

export function StatusLine({ deal, side, saved }: { deal: Deal; side: Side; saved: Assessment | null }) {
  return (
    <p className="status-line">
      <strong>{deal.title}</strong> · Round {deal.round.number} of {deal.round.budget} ·{' '}
      {draftState(deal, side, saved)}
    </p>
  );
}

/**
 * The issues to correct, each linked to its field; it takes focus whenever the number of
 * issues changes, so the reader hears what went wrong.
 */
export function ErrorSummary({ title, errors }: { title: string; errors: Readonly<Record<string, string>> }) {
  const ref = useRef<HTMLDivElement>(null);
  const count = Object.keys(errors).length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count]);
  return (
    <div className="alert alert-error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p className="alert-title">{title}</p>
      <ul>
        {Object.entries(errors).map(([path, message]) => {
          const label = FIELD_LABELS[path];
          return (
            <li key={path}>
              {label ? <a href={`#${fieldId(path)}`}>{label}</a> : null}
              {label ? ': ' : ''}
              {message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const SAVE_STATE_TEXT: Record<SaveState, string> = {
  idle: 'Unsaved changes.',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved: see the message above.',
};

/** The autosave's state, announced politely to screen readers. */
function SaveStatus({
  state,
  saved,
  unfinished,
}: {
  state: SaveState;
  saved: Assessment | null;
  unfinished: boolean;
}) {
  const text = state === 'idle' && !saved ? 'Not saved yet.' : SAVE_STATE_TEXT[state];
  return (
    <span className={`save-status save-${state}`} role="status" aria-live="polite">
      {text}
      {state === 'saved' && saved ? ` · ${formatDateTime(saved.updatedAt)}` : ''}
      {state === 'saved' && unfinished
        ? ' · an answer you started (such as a risk rated by half) is saved once it is complete'
        : ''}
    </span>
  );
}

/** What remains to fill in before the assessment can be submitted, each linked to its field. */
export function RemainingParts({
  remaining,
}: {
  remaining: ReadonlyArray<{ part: string; label: string; field: string }>;
}) {
  if (remaining.length === 0) {
    return <p className="remaining remaining-done">Everything is filled in: you can submit.</p>;
  }
  return (
    <section className="remaining" aria-labelledby="remaining-heading">
      <h2 id="remaining-heading">Still to fill in ({remaining.length})</h2>
      <p className="muted small">Your draft is saved as you go; submit once these are answered.</p>
      <ul>
        {remaining.map(({ part, label, field }) => (
          <li key={part}>
            <a href={`#${fieldId(field)}`}>{label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FormActions({
  busy,
  saveState,
  unfinished,
  saved,
  remaining,
  round,
  onSubmit,
}: {
  busy: Busy;
  saveState: SaveState;
  unfinished: boolean;
  saved: Assessment | null;
  remaining: number;
  round: number;
  onSubmit: () => void;
}) {
  return (
    <div className="actions form-actions">
      <button type="submit" className="button secondary" disabled={busy !== null}>
        {busy === 'save' ? 'Saving…' : 'Save draft'}
      </button>
      <button
        type="button"
        className="button primary"
        disabled={busy !== null || remaining > 0}
        aria-describedby="submit-hint"
        onClick={onSubmit}
      >
        {busy === 'submit' ? 'Submitting…' : 'Submit'}
      </button>
      <SaveStatus state={saveState} saved={saved} unfinished={unfinished} />
      <span className="muted small" id="submit-hint">
        {remaining > 0
          ? `Fill in the ${remaining} remaining part${remaining === 1 ? '' : 's'} to submit.`
          : `Submitting seals your answers for round ${round}.`}
      </span>
    </div>
  );
}
