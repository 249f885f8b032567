import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { type Problem, unplacedErrors } from '../api.js';
import type { PagedList, Resource } from '../hooks.js';
import { FieldShell } from './fields.js';

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

function LoadError({ problem, onRetry }: { problem: Problem; onRetry?: (() => void) | undefined }) {
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

/**
 * What a loaded resource shows: a spinner while it loads, the problem (with "Try again" unless
 * `retry` is false) when it failed, `empty` when the data holds nothing, the content otherwise.
 */
export function ResourceState<T>({
  resource,
  loading,
  empty,
  isEmpty = hasNoItems,
  retry = true,
  children,
}: {
  resource: Resource<T> & { reload: () => Promise<void> };
  loading: string;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  retry?: boolean;
  children: (data: T) => ReactNode;
}) {
  if (resource.status === 'loading') return <Loading label={loading} />;
  if (resource.status === 'error') {
    return (
      <LoadError problem={resource.problem} onRetry={retry ? () => void resource.reload() : undefined} />
    );
  }
  if (empty !== undefined && isEmpty(resource.data)) return <>{empty}</>;
  return <>{children(resource.data)}</>;
}

/** A page of the API (`{ data: [...] }`) with no items. */
function hasNoItems(data: unknown): boolean {
  const items = (data as { data?: unknown } | null)?.data;
  return Array.isArray(items) && items.length === 0;
}

/** The error and the "show more" button below a list that loads page by page. */
export function ShowMore({
  list,
  label,
  className,
}: {
  list: PagedList<unknown>;
  label: string;
  className: string;
}) {
  const { next, busy, problem, showMore } = list;
  return (
    <>
      {problem ? <LoadError problem={problem} /> : null}
      {next ? (
        <button type="button" className={className} disabled={busy} onClick={() => void showMore(next)}>
          {busy ? 'Loading…' : label}
        </button>
      ) : null}
    </>
  );
}

/** Copies text to the clipboard, and says whether it worked. */
function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
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
    <FieldShell id={id} label={label} hint={hint}>
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
    </FieldShell>
  );
}

/**
 * A secret the API returns once (an API client secret, a webhook signing secret): the warning,
 * a copy field per value, and the button that dismisses it.
 */
export function OneTimeSecret({
  title,
  warning,
  values,
  onDismiss,
}: {
  title: string;
  warning: ReactNode;
  values: readonly { label: string; value: string }[];
  onDismiss: () => void;
}) {
  return (
    <Alert tone="success" title={title}>
      <p>{warning}</p>
      {values.map((item) => (
        <CopyField key={item.label} label={item.label} value={item.value} />
      ))}
      <button type="button" className="button secondary" onClick={onDismiss}>
        I have stored the secret
      </button>
    </Alert>
  );
}

/** A table in its scrolling wrapper, with one column header per entry of `columns`. */
export function DataTable({ columns, children }: { columns: readonly ReactNode[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {columns.map((column, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns of a table are fixed positions
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
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
