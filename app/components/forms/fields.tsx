import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from '@conform-to/react';
import type { ReactNode } from 'react';
import { DATE_PARTS } from './date-parts';
import { useFocusedField } from './form-state';

// Field components for forms made with useSchemaForm and SchemaForm: a label, an optional hint,
// the control, and its error linked by aria-describedby. The first field in error takes focus.

type Meta = FieldMetadata<string | undefined>;

/** The ids of a field's hint and error, joined for aria-describedby; undefined for neither. */
function describedBy(meta: { id: string; errorId: string; errors?: string[] }, hint: ReactNode) {
  const ids = [hint ? `${meta.id}-hint` : '', meta.errors?.length ? meta.errorId : ''];
  return ids.filter(Boolean).join(' ') || undefined;
}

function FieldShell({
  meta,
  label,
  hint,
  children,
}: {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`field${meta.errors?.length ? ' field--invalid' : ''}`}>
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${meta.id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError meta={meta} />
    </div>
  );
}

/** The error message beside a field, linked by aria-describedby. */
export function FieldError({ meta }: { meta: { errorId: string; errors?: string[] } }) {
  if (!meta.errors?.length) return null;
  return (
    <p className="field__error" id={meta.errorId}>
      {meta.errors[0]}
    </p>
  );
}

type InputType = 'text' | 'email' | 'password' | 'url' | 'date' | 'search';

/** A labelled input with its hint and error. */
export function TextField({
  meta,
  label,
  hint,
  type = 'text',
  autoComplete,
  inputMode,
}: {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  type?: InputType;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'text' | 'url';
}) {
  const focus = useFocusedField() === meta.name;
  const { key, ...props } = getInputProps(meta, { type });
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      <input
        key={key}
        {...props}
        autoComplete={autoComplete}
        inputMode={inputMode}
        autoFocus={focus}
        aria-describedby={describedBy(meta, hint)}
      />
    </FieldShell>
  );
}

/** A labelled file input with its hint and error (its form needs encType multipart/form-data). */
export function FileField({
  meta,
  label,
  hint,
  accept,
}: {
  meta: FieldMetadata<File | undefined>;
  label: ReactNode;
  hint?: ReactNode;
  accept?: string;
}) {
  const focus = useFocusedField() === meta.name;
  const { key, ...props } = getInputProps(meta, { type: 'file' });
  return (
    <FieldShell meta={meta as unknown as Meta} label={label} hint={hint}>
      <input
        key={key}
        {...props}
        accept={accept}
        autoFocus={focus}
        aria-describedby={describedBy(meta, hint)}
      />
    </FieldShell>
  );
}

/** A labelled textarea with its hint and error. */
export function TextAreaField({
  meta,
  label,
  hint,
  rows = 6,
}: {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  rows?: number;
}) {
  const focus = useFocusedField() === meta.name;
  const { key, ...props } = getTextareaProps(meta);
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      <textarea
        key={key}
        {...props}
        rows={rows}
        autoFocus={focus}
        aria-describedby={describedBy(meta, hint)}
      />
    </FieldShell>
  );
}

/** A labelled select with its error. */
export function SelectField({
  meta,
  label,
  options,
}: {
  meta: Meta;
  label: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const focus = useFocusedField() === meta.name;
  const { key, ...props } = getSelectProps(meta);
  return (
    <FieldShell meta={meta} label={label}>
      <select key={key} {...props} autoFocus={focus}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A labelled checkbox, label after the box, with its error beside it. */
export function CheckboxField({
  meta,
  label,
}: {
  meta: FieldMetadata<boolean | undefined>;
  label: ReactNode;
}) {
  const focus = useFocusedField() === meta.name;
  const { key, ...props } = getInputProps(meta, { type: 'checkbox' });
  return (
    <div className={`field${meta.errors?.length ? ' field--invalid' : ''}`}>
      <div className="checkbox">
        <input key={key} {...props} autoFocus={focus} aria-describedby={describedBy(meta, null)} />
        <label htmlFor={meta.id}>{label}</label>
      </div>
      <FieldError meta={meta} />
    </div>
  );
}

/** Hidden field that bots fill and people never see; public forms reject a filled one. */
export function Honeypot() {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="website">Leave this empty</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}

const PART_LABELS = { day: 'Day', month: 'Month', year: 'Year' } as const;

/**
 * GOV.UK's date input: a fieldset of day, month and year boxes, each sent as typed, with the
 * message for the whole date beside it and the boxes at fault marked. Pair with datePartsSchema.
 */
export function DateField({
  meta,
  label,
  hint = 'For example, 27 3 2026',
}: {
  meta: FieldMetadata<{ day?: string; month?: string; year?: string } | undefined>;
  label: ReactNode;
  hint?: ReactNode;
}) {
  const focus = useFocusedField();
  const parts = meta.getFieldset();
  const invalid = Boolean(meta.errors?.length);
  const hintId = `${meta.id}-hint`;
  return (
    <div className={`field date-field${invalid ? ' field--invalid' : ''}`}>
      <fieldset
        className="date-input"
        id={meta.id}
        aria-describedby={[hintId, invalid ? meta.errorId : ''].filter(Boolean).join(' ')}
      >
        <legend>{label}</legend>
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
        <FieldError meta={meta} />
        <div className="date-input__items">
          {DATE_PARTS.map((name) => {
            const part = parts[name];
            const { key, ...props } = getInputProps(part, { type: 'text' });
            const wrong = Boolean(part.errors?.length);
            return (
              <div className={`date-input__item date-input__item--${name}`} key={name}>
                <label htmlFor={part.id}>{PART_LABELS[name]}</label>
                <input
                  key={key}
                  {...props}
                  inputMode="numeric"
                  spellCheck={false}
                  autoComplete="off"
                  autoFocus={focus === part.name}
                  aria-invalid={wrong || undefined}
                  aria-describedby={undefined}
                  className={wrong ? 'date-input__wrong' : undefined}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
