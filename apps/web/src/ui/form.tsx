import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import type { ApiError } from '../app/api';
import { useLocale } from '../app/locale';
import type { Action } from './action';
import { describeError } from './describe-error';
import { UI_TEXT } from './ui-messages';

/** A labelled control with its own error line; the control is a child so any input, select or textarea fits. */
export function Field({ label, name, action, hint, children }: { label: string; name: string; action?: Action; hint?: string; children: ReactNode }) {
  const error = action?.errorFor(name) ?? null;
  const errorId = `${name.replace(/[^A-Za-z0-9_-]/g, '-')}-error`;
  // The control itself says it is invalid and points at the message, for screen readers.
  const control = error && isValidElement(children) ? cloneElement(children as ReactElement<Record<string, unknown>>, { 'aria-invalid': true, 'aria-describedby': errorId }) : children;
  return (
    <div className={`field${error ? ' invalid' : ''}`} data-field={name}>
      <label>
        <span className="label-text">{label}</span>
        {control}
      </label>
      {hint && <p className="field-hint">{hint}</p>}
      {error && (
        <p className="field-error" id={errorId}>
          {error.message}
        </p>
      )}
    </div>
  );
}

/**
 * The outcome of an action: a failure names the field it concerns (by its label on this form when there is one),
 * a success says what happened.
 */
export function ActionResult({ action, labels = {} }: { action: Action; labels?: Record<string, string> }) {
  const locale = useLocale();
  const t = UI_TEXT[locale];
  if (action.busy) return <p className="notice" aria-live="polite">{t.working}</p>;
  if (action.error) return <p className="notice bad" role="alert" data-code={action.error.code} data-field={action.error.field ?? ''}>{describeError(action.error, labels, locale)}</p>;
  if (action.done) return <p className="notice ok" role="status">{action.done}</p>;
  return null;
}

export function ErrorNote({ error }: { error: ApiError | null }) {
  const locale = useLocale();
  if (!error) return null;
  return <p className="notice bad" role="alert">{describeError(error, {}, locale)}</p>;
}

/** A select over a fixed set of choices, keyed by value, each shown by its label in the reader's language. */
export function ChoiceSelect({ name, value, choices, onChange }: { name: string; value: string; choices: Record<string, string>; onChange: (value: string) => void }) {
  return (
    <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
      {Object.entries(choices).map(([k, v]) => (
        <option key={k} value={k}>
          {v}
        </option>
      ))}
    </select>
  );
}

/** The status filter above a review list. */
export function StatusFilter({ label, value, choices, onChange }: { label: string; value: string; choices: Record<string, string>; onChange: (value: string) => void }) {
  return (
    <label className="inline-form">
      {label}
      <ChoiceSelect name="status" value={value} choices={choices} onChange={onChange} />
    </label>
  );
}

/** A labelled checkbox laid out like a field. */
export function CheckboxField({ label, name, checked, onChange }: { label: string; name?: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="field checkbox">
      <label>
        <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
    </div>
  );
}
