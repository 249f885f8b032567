import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { type Problem, unplacedErrors } from '../api.js';

type Tone = 'error' | 'info' | 'success' | 'warning';

export function Alert({ tone, title, children }: { tone: Tone; title?: string; children?: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children}
    </div>
  );
}

/** A problem from the API: its title, detail and the validation messages no field shows. */
export function ProblemAlert({ problem, fields = [] }: { problem: Problem; fields?: readonly string[] }) {
  const extra = unplacedErrors(problem, fields);
  const placed = (problem.errors?.length ?? 0) - extra.length;
  return (
    <Alert tone="error" title={problem.title}>
      <p>{placed > 0 ? 'Please correct the fields marked below.' : problem.detail}</p>
      {extra.length ? (
        <ul>
          {extra.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {problem.requestId ? <p className="muted small">Reference: {problem.requestId}</p> : null}
    </Alert>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function LoadError({ problem, onRetry }: { problem: Problem; onRetry?: () => void }) {
  return (
    <Alert tone="error" title={problem.title}>
      <p>{problem.detail}</p>
      {onRetry ? (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </Alert>
  );
}

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  children: ReactNode;
  className?: string | undefined;
}

function FieldShell({ id, label, hint, error, children, className }: FieldShellProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface CommonFieldProps {
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  id?: string | undefined;
  className?: string | undefined;
}

export function TextField({
  label,
  hint,
  error,
  id: givenId,
  className,
  ...input
}: CommonFieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  id: givenId,
  className,
  ...input
}: CommonFieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FieldShell>
  );
}

export function SelectField({
  label,
  hint,
  error,
  id: givenId,
  className,
  children,
  ...select
}: CommonFieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <select
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </FieldShell>
  );
}

/** Checkboxes for choosing several of a fixed list (scopes, events), each with its explanation. */
export function CheckboxGroup<Option extends string>({
  legend,
  options,
  explanations,
  selected,
  onChange,
  error,
}: {
  legend: string;
  options: readonly Option[];
  explanations: Record<Option, string>;
  selected: readonly Option[];
  onChange: (selected: Option[]) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset className={`choice${error ? ' field-invalid' : ''}`}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="choice-option">
          <input
            type="checkbox"
            checked={selected.includes(option)}
            onChange={(event) =>
              onChange(
                event.target.checked ? [...selected, option] : selected.filter((item) => item !== option),
              )
            }
          />
          <span>
            <span className="choice-label mono">{option}</span>
            <span className="choice-explanation">{explanations[option]}</span>
          </span>
        </label>
      ))}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

/** Copies text to the clipboard, and says whether it worked. */
export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 4000);
  };
  return (
    <span className="copy">
      <button type="button" className="button secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy-status" role="status">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text and copy it' : ''}
      </span>
    </span>
  );
}

/** A read-only value (an invitation code, a secret) with a copy button. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="copy-field">
        <input
          id={id}
          className="input mono"
          readOnly
          value={value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}

export function Badge({ tone = 'neutral', children }: { tone?: string; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** A page heading that takes focus when the page opens, so screen readers announce the new page. */
export function PageHeading({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (!active?.matches('input, textarea, select')) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="page-heading">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {sub ? <p className="lead">{sub}</p> : null}
    </div>
  );
}

/**
 * A button that confirms a destructive action on a second press. `name` is its accessible name
 * when the visible label is short ("Delete" → "Delete Security review").
 */
export function ConfirmButton({
  label,
  confirmLabel,
  name,
  onConfirm,
  disabled,
}: {
  label: string;
  confirmLabel: string;
  name?: string;
  onConfirm: () => void;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="button secondary small"
        aria-label={name}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <button
        type="button"
        className="button danger small"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button secondary small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
