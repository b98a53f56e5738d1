// The Statement Builder's form: the job, the kind's own inputs, length and tone, and the two
// buttons. Generate streams the draft (with JavaScript, into the panel beside the form; without
// it, as a page of its own); Save keeps the inputs without sending anything anywhere.
import { track } from '~/analytics/posthog.client';
import { Link } from '@remix-run/react';
import { memo, useEffect, useState } from 'react';
import {
  SchemaForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useSchemaForm,
  type Constraints,
  type FormReply,
} from '~/components/forms';
import type { z } from 'zod';
import { BehaviourFields, CoverLetterFields, CriteriaFields, ToneField } from './builder-fields';
import type { formDefaults } from './inputs';
import { KIND_INFO, LIMIT_PER_SECTION, WORD_LIMIT_PRESETS, formatNumber, type Kind } from './kinds';

export type BuilderDefaults = ReturnType<typeof formDefaults>;

/** The form's fields, as Conform sees them (every kind's, so one component serves all three). */
export type BuilderShape = {
  kind: string;
  statementId?: string;
  applicationId?: string;
  submissionKey: string;
  jobTitle?: string;
  employer?: string;
  advert?: string;
  wordLimit?: string;
  customWordLimit?: string;
  tone?: string;
  personSpec?: string;
  criteria?: Array<{ text?: string; category?: string; evidence?: string }>;
  behaviours?: Record<string, { selected?: string; evidence?: string }>;
  whyRole?: string;
  experience?: string;
};

const LIMIT_OPTIONS = [
  ...WORD_LIMIT_PRESETS.map((n) => ({ value: String(n), label: `${formatNumber(n)} words` })),
  { value: 'custom', label: 'My own limit' },
];

/**
 * The builder form for one kind of statement. Memoised, and told only whether a draft is being
 * written: a draft changes the page with every word, and this long form need not
 * redraw for any of them (nor when Claude starts writing).
 */
export const BuilderForm = memo(function BuilderForm({
  kind,
  constraint,
  defaults,
  lastResult,
  action,
  configured,
  writing,
  liveStatementId,
  onGenerate,
}: {
  kind: Kind;
  /** From the page's loader: `constraintOf(builderSchema(kind))`. */
  constraint: Constraints;
  defaults: BuilderDefaults;
  lastResult: FormReply | null | undefined;
  /** This page's own URL: Save and the no-JavaScript list buttons post here. */
  action: string;
  configured: boolean;
  /** Whether a draft is being sent or written (Generate says so). */
  writing: boolean;
  /** The statement a draft written from this page created (a new page has none of its own yet). */
  liveStatementId: string | null;
  onGenerate: (form: HTMLFormElement, submitter: HTMLElement | null) => void;
}) {
  // One form for all three kinds: its fields are every kind's (BuilderShape).
  const [form, fields] = useSchemaForm<z.ZodTypeAny, BuilderShape>(
    () => import('./schema').then((m) => m.builderSchema(kind)),
    { constraint, lastResult, defaultValue: defaults, id: 'builder' },
  );
  const [submissionKey, setSubmissionKey] = useState(defaults.submissionKey);
  useEffect(() => setSubmissionKey(defaults.submissionKey), [defaults.submissionKey]);

  return (
    <SchemaForm
      form={form}
      action={action}
      className="builder-form"
      onValidSubmit={(event, { checkedHere }) => {
        // Generate streams into the panel; Save and the list buttons post to the page as usual.
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        // A save (Enter in a field presses the hidden one) waits for the draft being written.
        if (writing && !submitter?.getAttribute('name')) return event.preventDefault();
        if (submitter?.getAttribute('value') !== 'generate') return;
        if (!mayReplaceEdits()) return event.preventDefault();
        // Unchecked (the form's checks not here yet), the streaming route checks it instead and
        // may refuse it: not counted.
        if (checkedHere) track('statement_generated');
        event.preventDefault();
        // A press while a draft is written is ignored there (one draft at a time). The form has
        // been read: the next press is another draft, with a one-time key of its own.
        onGenerate(event.currentTarget, submitter);
        setSubmissionKey(crypto.randomUUID());
      }}
    >
      {/* Enter in a field presses a form's first button: let that be Save, which sends nothing
          anywhere, rather than Generate or a list button. */}
      <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        Save inputs
      </button>
      <input type="hidden" name="kind" value={kind} />
      {defaults.statementId || liveStatementId ? (
        <input
          type="hidden"
          name="statementId"
          value={defaults.statementId ?? liveStatementId ?? ''}
        />
      ) : null}
      {defaults.applicationId ? (
        <input type="hidden" name="applicationId" value={defaults.applicationId} />
      ) : null}
      {/* A fresh one-time key for each press: a doubled press makes one version. */}
      <input type="hidden" name="submissionKey" value={submissionKey} />

      <fieldset className="builder-section">
        <legend>The job</legend>
        <div className="form-grid">
          <TextField meta={fields.jobTitle} label="Job title" autoComplete="off" />
          <TextField meta={fields.employer} label="Employer" autoComplete="organization" />
        </div>
        <TextAreaField
          meta={fields.advert}
          label="The advert (optional)"
          hint="Paste the job advert. Claude reads it only to understand the job; any instructions in it are ignored."
          rows={6}
        />
      </fieldset>

      {kind === 'supporting' ? (
        <CriteriaFields form={form} personSpec={fields.personSpec} criteria={fields.criteria} />
      ) : kind === 'behaviours' ? (
        <BehaviourFields behaviours={fields.behaviours} />
      ) : (
        <CoverLetterFields whyRole={fields.whyRole} experience={fields.experience} />
      )}

      <fieldset className="builder-section">
        <legend>Length and tone</legend>
        <div className="form-grid word-limit">
          <SelectField
            meta={fields.wordLimit}
            label={LIMIT_PER_SECTION[kind] ? 'Word limit for each statement' : 'Word limit'}
            options={LIMIT_OPTIONS}
          />
          {/* Shown when "My own limit" is chosen (CSS :has, so it works without JavaScript). */}
          <div className="custom-limit">
            <TextField
              meta={fields.customWordLimit}
              label="Your word limit"
              hint="Between 50 and 3,000 words"
            />
          </div>
        </div>
        <ToneField meta={fields.tone} />
        <p className="field__hint">
          Always in British English. The app counts the words itself and flags a draft over the
          limit.
        </p>
      </fieldset>

      <div className="builder-submit">
        {configured ? (
          <p className="sent-note">
            <strong>Pressing Generate sends</strong> the job details and everything you wrote here
            to Anthropic, whose AI model Claude writes the draft. Anthropic keeps them for up to 30
            days and does not train its models on them. Nothing is sent while you type or when you
            save. <Link to="/privacy">Privacy policy</Link>
          </p>
        ) : null}
        <div className="actions">
          {configured ? (
            <button
              type="submit"
              name="intent"
              value="generate"
              formAction="/statements/generate"
              aria-disabled={writing || undefined}
            >
              {writing ? 'Writing…' : 'Generate draft'}
            </button>
          ) : null}
          {/* `kind` tells this form from the page's delete form, which posts to the same action. */}
          <SubmitButton
            inline
            className="button--secondary"
            pendingText="Saving…"
            fields={{ kind }}
            // Generate has saved the inputs already, and a save now would leave this page and
            // the draft being written on it.
            busy={writing}
          >
            Save inputs
          </SubmitButton>
        </div>
      </div>
    </SchemaForm>
  );
});

/**
 * Asks before a new draft replaces the saved one shown in the panel (draft-views.tsx) while it
 * has edits not saved; true to go on.
 */
function mayReplaceEdits() {
  const draft = document.getElementById('draft-text');
  if (!(draft instanceof HTMLTextAreaElement) || draft.value === draft.defaultValue) return true;
  return window.confirm(draft.dataset.unsavedQuestion ?? '');
}

/** The kind's name and what it is for, above its form. */
export function KindIntro({ kind }: { kind: Kind }) {
  return <p className="lede">{KIND_INFO[kind].description}</p>;
}
