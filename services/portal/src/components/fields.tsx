import {
  createElement,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

/*
 * Form fields: one labelled field (`Field`, with `TextField`, `TextAreaField` and `SelectField`
 * for its three controls), the options of fixed lists, checkbox groups and the submit button.
 */

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  children: ReactNode;
  className?: string | undefined;
}

/** A label, an optional hint, the control and its error message. */
export function FieldShell({ id, label, hint, error, children, className }: FieldShellProps) {
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

interface ControlAttributes {
  input: InputHTMLAttributes<HTMLInputElement>;
  textarea: TextareaHTMLAttributes<HTMLTextAreaElement>;
  select: SelectHTMLAttributes<HTMLSelectElement>;
}
type ControlTag = keyof ControlAttributes;

interface CommonFieldProps {
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  id?: string | undefined;
  className?: string | undefined;
}

/** The props of a field whose control is an `<input>`, a `<textarea>` or a `<select>`. */
export type FieldProps<Tag extends ControlTag> = CommonFieldProps &
  Omit<ControlAttributes[Tag], 'id' | 'className'>;

/**
 * A labelled form control: its hint and error are tied to it with `aria-describedby`, and an
 * error marks it `aria-invalid`. The control's own attributes (and a select's options) pass through.
 */
function Field<Tag extends ControlTag>({
  as,
  label,
  hint,
  error,
  id: givenId,
  className,
  ...control
}: FieldProps<Tag> & { as: Tag }) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      {createElement(as, {
        id,
        className: 'input',
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(id, hint, error),
        ...control,
      })}
    </FieldShell>
  );
}

export const TextField = (props: FieldProps<'input'>) => <Field as="input" {...props} />;
export const TextAreaField = (props: FieldProps<'textarea'>) => <Field as="textarea" {...props} />;
export const SelectField = (props: FieldProps<'select'>) => <Field as="select" {...props} />;

/** The `<option>`s of a select over a fixed list, each shown by its label. */
export function Options<Value extends string>({
  values,
  labels,
}: {
  values: readonly Value[];
  labels: Readonly<Record<Value, string>>;
}) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels[value]}
    </option>
  ));
}

/** A compact select in a table row or a list item, named by a visually hidden label. */
export function InlineSelect<Value extends string>({
  id,
  label,
  value,
  values,
  labels,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  value: Value;
  values: readonly Value[];
  labels: Readonly<Record<Value, string>>;
  disabled: boolean;
  onChange: (value: Value) => void;
}) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input compact"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as Value)}
      >
        <Options values={values} labels={labels} />
      </select>
    </>
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

/** A form's submit button, which says so while the form is being sent. */
export function SubmitButton({
  busy,
  busyLabel,
  label,
}: {
  busy: boolean;
  busyLabel: string;
  label: string;
}) {
  return (
    <button type="submit" className="button primary" disabled={busy}>
      {busy ? busyLabel : label}
    </button>
  );
}
