import type { Side } from '@cg/domain';
import { useEffect, useRef } from 'react';
import { type Assessment, type Deal, formatDateTime } from '../../labels.js';
import { FIELD_LABELS, fieldId } from './draft.js';
import type { Busy } from './use-draft.js';

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

export function FormActions({
  busy,
  dirty,
  saved,
  round,
  onSubmit,
}: {
  busy: Busy;
  dirty: boolean;
  saved: boolean;
  round: number;
  onSubmit: () => void;
}) {
  return (
    <div className="actions form-actions">
      <button type="submit" className="button secondary" disabled={busy !== null}>
        {busy === 'save' ? 'Saving…' : 'Save draft'}
      </button>
      <button type="button" className="button primary" disabled={busy !== null} onClick={onSubmit}>
        {busy === 'submit' ? 'Submitting…' : 'Submit'}
      </button>
      <span className="muted small">
        {dirty ? 'Unsaved changes.' : saved ? 'All changes saved.' : ''} Submitting seals your answers for
        round {round}.
      </span>
    </div>
  );
}
