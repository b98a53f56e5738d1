// The kind-specific parts of the builder form.
import { type FieldMetadata, type FormMetadata, getInputProps } from '@conform-to/react';
import { useState } from 'react';
import { CheckboxField, FieldError, SelectField, TextAreaField } from '~/components/forms';
import type { BuilderShape } from './builder';
import { BEHAVIOURS } from './kinds';

type Meta = FieldMetadata<string | undefined>;
type Field<K extends keyof BuilderShape> = FieldMetadata<BuilderShape[K], BuilderShape, string[]>;

// The kit's components take a plain string field; nested ones are the same at runtime.
const m = (field: unknown) => field as Meta;

// The full STAR explanation goes once above each list; each field repeats it in short.
const STAR_HINT = 'Situation, task, action, result. Notes are fine.';
const STAR_INTRO =
  'For each one, write your own example: the situation, your task, the actions you took and the result (what changed, with numbers if you have them). Notes are fine. Claude uses only what you write, so nothing is invented.';

/** Person specification and its criteria, each with the person's evidence. */
export function CriteriaFields({
  form,
  personSpec,
  criteria,
}: {
  form: FormMetadata<BuilderShape, string[]>;
  personSpec: Field<'personSpec'>;
  criteria: Field<'criteria'>;
}) {
  const rows = criteria.getFieldList();
  const [listed, setListed] = useState<string | null>(null);
  return (
    <>
      <fieldset className="builder-section">
        <legend>Person specification</legend>
        <TextAreaField
          meta={m(personSpec)}
          label="Person specification"
          hint="Paste it as it is, headings and all. It is only used to find the criteria and to understand the job."
          rows={8}
        />
        <div className="actions">
          <button
            type="submit"
            name="intent"
            value="list-criteria"
            className="button--secondary"
            onClick={(event) => {
              // With JavaScript the listing happens here, instantly; without it, the server does it.
              event.preventDefault();
              // Read the field itself: Conform's copy of it follows input events, which a paste
              // from some tools or an autofill may not send.
              const field = event.currentTarget.form?.elements.namedItem(personSpec.name);
              const spec = field instanceof HTMLTextAreaElement ? field.value : '';
              const value = Array.isArray(criteria.value) ? criteria.value : [];
              const current = value.map((c) => ({
                text: c?.text ?? '',
                category:
                  c?.category === 'desirable' ? ('desirable' as const) : ('essential' as const),
                evidence: c?.evidence ?? '',
              }));
              // The reader of specifications loads when first asked for: most visits never are.
              void import('./criteria').then(({ mergeCriteria, parseCriteria }) => {
                const merged = mergeCriteria(parseCriteria(spec), current);
                form.update({ name: criteria.name, value: merged });
                setListed(
                  merged.length === 0
                    ? 'No criteria found. Add them one by one below.'
                    : `${merged.length} criteria listed below. Check each one and mark it essential or desirable.`,
                );
              });
            }}
          >
            List the criteria
          </button>
          <span role="status" className="muted">
            {listed ?? ''}
          </span>
        </div>
      </fieldset>

      <fieldset
        className="builder-section"
        aria-describedby={criteria.errors?.length ? criteria.errorId : undefined}
      >
        <legend>Criteria and your evidence</legend>
        <p className="field__hint">
          The draft answers each criterion under its own heading, in this order. Edit them, remove
          any, or add ones the list missed. {STAR_INTRO} Leave the evidence empty for one you cannot
          show yet: the draft marks it for you to fill in.
        </p>
        <FieldError meta={criteria as unknown as Meta} />
        {rows.length === 0 ? (
          <p className="muted empty-criteria">
            No criteria yet. Paste the person specification above and press “List the criteria”, or
            add them one by one.
          </p>
        ) : (
          <ol className="criteria-list">
            {rows.map((row, index) => {
              const c = row.getFieldset();
              return (
                <li key={row.key ?? index}>
                  <fieldset className="criterion">
                    <legend>Criterion {index + 1}</legend>
                    <div className="criterion__head">
                      <TextAreaField meta={m(c.text)} label="Criterion" rows={2} />
                      <SelectField
                        meta={m(c.category)}
                        label="Essential or desirable"
                        options={[
                          { value: 'essential', label: 'Essential' },
                          { value: 'desirable', label: 'Desirable' },
                        ]}
                      />
                    </div>
                    <TextAreaField
                      meta={m(c.evidence)}
                      label="Your evidence"
                      hint={STAR_HINT}
                      rows={5}
                    />
                    <button
                      {...form.remove.getButtonProps({ name: criteria.name, index })}
                      className="link-button"
                    >
                      Remove criterion {index + 1}
                    </button>
                  </fieldset>
                </li>
              );
            })}
          </ol>
        )}
        <button
          {...form.insert.getButtonProps({
            name: criteria.name,
            defaultValue: { text: '', category: 'essential', evidence: '' },
          })}
          className="button--secondary"
        >
          Add a criterion
        </button>
      </fieldset>
    </>
  );
}

/** The Success Profiles behaviours to write for, each with the person's example. */
export function BehaviourFields({
  behaviours,
}: {
  behaviours: FieldMetadata<
    Record<string, { selected?: string; evidence?: string } | undefined> | undefined
  >;
}) {
  const each = behaviours.getFieldset();
  return (
    <fieldset
      className="builder-section"
      aria-describedby={behaviours.errors?.length ? behaviours.errorId : undefined}
    >
      <legend>Behaviours</legend>
      <p className="field__hint">
        Choose the behaviours the advert asks for. {STAR_INTRO} Each statement is written in the
        first person (“I”, not “we”).
      </p>
      <FieldError meta={behaviours as unknown as Meta} />
      <ul className="behaviour-list">
        {BEHAVIOURS.map((b) => {
          const f = each[b.id]!.getFieldset();
          return (
            <li key={b.id} className="behaviour">
              <CheckboxField
                meta={f.selected as unknown as FieldMetadata<boolean | undefined>}
                label={b.name}
              />
              {/* Shown once the box is ticked (CSS :has, so it works without JavaScript). */}
              <div className="behaviour__evidence">
                <TextAreaField
                  meta={m(f.evidence)}
                  label={`Your example for ${b.name}`}
                  hint={STAR_HINT}
                  rows={5}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** A cover letter's own questions. */
export function CoverLetterFields({
  whyRole,
  experience,
}: {
  whyRole: Field<'whyRole'>;
  experience: Field<'experience'>;
}) {
  return (
    <fieldset className="builder-section">
      <legend>About you</legend>
      <TextAreaField
        meta={m(whyRole)}
        label="Why this role, and why this employer"
        hint="What draws you to it: the work, the place, what you would bring. Your own words, notes are fine."
        rows={5}
      />
      <TextAreaField
        meta={m(experience)}
        label="Your relevant experience"
        hint="Jobs, placements, volunteering or study that fit what the advert asks for, with what you did and what came of it. Claude uses only what you write here."
        rows={8}
      />
    </fieldset>
  );
}

/** The tone choice, as radio buttons. */
export function ToneField({ meta }: { meta: Field<'tone'> }) {
  const options = [
    { value: 'professional', label: 'Professional', hint: 'Clear, measured and factual' },
    { value: 'warm', label: 'Warm', hint: 'Friendly and personable' },
    { value: 'confident', label: 'Confident', hint: 'Direct and assured' },
  ];
  const current = String(meta.value ?? meta.initialValue ?? 'professional');
  return (
    <fieldset className="field radios">
      <legend className="label">Tone</legend>
      {options.map((o) => {
        const id = `${meta.id}-${o.value}`;
        const { key: _key, ...props } = getInputProps(m(meta), { type: 'radio', value: o.value });
        return (
          <div className="radio" key={o.value}>
            <input {...props} id={id} defaultChecked={current === o.value} />
            <label htmlFor={id}>
              {o.label} <span className="muted">({o.hint})</span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
