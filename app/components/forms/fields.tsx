import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from '@conform-to/react';
import type { ReactNode } from 'react';

type Meta = FieldMetadata<string | undefined>;

/** The id of a field's hint, or undefined; joined into aria-describedby. */
const describedBy = (...ids: Array<string | false | undefined>) =>
  ids.filter(Boolean).join(' ') || undefined;

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
export function FieldError({ meta }: { meta: Meta }) {
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
  autoFocus,
}: {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  type?: InputType;
  autoComplete?: string;
  autoFocus?: boolean;
}) {
  const props = getInputProps(meta, {
    type,
    ariaDescribedBy: hint ? `${meta.id}-hint` : undefined,
  });
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      <input
        {...props}
        key={props.key}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        aria-describedby={describedBy(
          hint ? `${meta.id}-hint` : undefined,
          meta.errors?.length ? meta.errorId : undefined,
        )}
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
  autoFocus,
}: {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  rows?: number;
  autoFocus?: boolean;
}) {
  const props = getTextareaProps(meta);
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      <textarea
        {...props}
        key={props.key}
        rows={rows}
        autoFocus={autoFocus}
        aria-describedby={describedBy(
          hint ? `${meta.id}-hint` : undefined,
          meta.errors?.length ? meta.errorId : undefined,
        )}
      />
    </FieldShell>
  );
}

/** A labelled select with its error. */
export function SelectField({
  meta,
  label,
  options,
  autoFocus,
}: {
  meta: Meta;
  label: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
  autoFocus?: boolean;
}) {
  const props = getSelectProps(meta);
  return (
    <FieldShell meta={meta} label={label}>
      <select {...props} key={props.key} autoFocus={autoFocus}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A form-level message (for example "Email or password is wrong"), announced to screen readers. */
export function FormErrors({ errors, id }: { errors?: string[]; id?: string }) {
  if (!errors?.length) return null;
  return (
    <div className="form-errors" role="alert" id={id}>
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
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
