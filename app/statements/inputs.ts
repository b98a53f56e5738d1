// A statement's inputs as stored (the server-side draft) and as the form shows them.
import { z } from 'zod';
import type { Category } from './criteria';
import {
  BEHAVIOURS,
  DEFAULT_WORD_LIMIT,
  WORD_LIMIT_PRESETS,
  type BehaviourId,
  type Kind,
  type Tone,
} from './kinds';
import { chosenWordLimit, type BuilderValue } from './schema';

export type CriterionInput = { text: string; category: Category; evidence: string };
export type BehaviourInput = { id: BehaviourId; selected: boolean; evidence: string };

export type Details =
  | { criteria: CriterionInput[] }
  | { behaviours: BehaviourInput[] }
  | { whyRole: string; experience: string };

/** Everything the person typed for one statement. */
export type Inputs = {
  kind: Kind;
  applicationId: string | null;
  jobTitle: string;
  employer: string;
  advert: string;
  personSpec: string;
  wordLimit: number;
  tone: Tone;
  criteria: CriterionInput[];
  behaviours: BehaviourInput[];
  whyRole: string;
  experience: string;
};

/** The inputs of a valid form submission. */
export function inputsFrom(value: BuilderValue): Inputs {
  const inputs: Inputs = {
    kind: value.kind,
    applicationId: value.applicationId ?? null,
    jobTitle: value.jobTitle.trim(),
    employer: value.employer.trim(),
    advert: value.advert,
    personSpec: '',
    wordLimit: chosenWordLimit(value),
    tone: value.tone,
    criteria: [],
    behaviours: [],
    whyRole: '',
    experience: '',
  };
  if (value.kind === 'supporting') {
    inputs.personSpec = value.personSpec;
    // Rows left completely empty are dropped; half-filled ones are the person's work and stay.
    inputs.criteria = value.criteria
      .map((c) => ({ text: c.text.trim(), category: c.category, evidence: c.evidence }))
      .filter((c) => c.text || c.evidence.trim());
  } else if (value.kind === 'behaviours') {
    inputs.behaviours = BEHAVIOURS.map((b) => ({
      id: b.id,
      selected: Boolean(value.behaviours[b.id]?.selected),
      evidence: value.behaviours[b.id]?.evidence ?? '',
    })).filter((b) => b.selected || b.evidence.trim());
  } else {
    inputs.whyRole = value.whyRole;
    inputs.experience = value.experience;
  }
  return inputs;
}

/** The kind-specific part, as kept in the `details` column. */
export function detailsOf(inputs: Inputs): Details {
  if (inputs.kind === 'supporting') return { criteria: inputs.criteria };
  if (inputs.kind === 'behaviours') return { behaviours: inputs.behaviours };
  return { whyRole: inputs.whyRole, experience: inputs.experience };
}

const StoredDetails = z.object({
  criteria: z
    .array(
      z.object({
        text: z.string(),
        category: z.enum(['essential', 'desirable']),
        evidence: z.string(),
      }),
    )
    .default([]),
  behaviours: z
    .array(
      z.object({
        id: z.enum(BEHAVIOURS.map((b) => b.id) as [BehaviourId, ...BehaviourId[]]),
        selected: z.boolean(),
        evidence: z.string(),
      }),
    )
    .default([]),
  whyRole: z.string().default(''),
  experience: z.string().default(''),
});

/** Inputs from a stored statement row (its `details` read defensively). */
export function inputsFromRow(row: {
  kind: Kind;
  applicationId: string | null;
  jobTitle: string;
  employer: string;
  advert: string;
  personSpec: string;
  wordLimit: number;
  tone: string;
  details: unknown;
}): Inputs {
  const parsed = StoredDetails.safeParse(row.details);
  const details = parsed.success ? parsed.data : StoredDetails.parse({});
  return {
    kind: row.kind,
    applicationId: row.applicationId,
    jobTitle: row.jobTitle,
    employer: row.employer,
    advert: row.advert,
    personSpec: row.personSpec,
    wordLimit: row.wordLimit,
    tone: (['professional', 'warm', 'confident'].includes(row.tone)
      ? row.tone
      : 'professional') as Tone,
    ...details,
  };
}

/** Empty inputs for a new statement of `kind`, with what is known of the job. */
export function blankInputs(
  kind: Kind,
  job: {
    applicationId?: string | null;
    jobTitle?: string;
    employer?: string;
    advert?: string;
  } = {},
): Inputs {
  return {
    kind,
    applicationId: job.applicationId ?? null,
    jobTitle: job.jobTitle ?? '',
    employer: job.employer ?? '',
    advert: job.advert ?? '',
    personSpec: '',
    wordLimit: DEFAULT_WORD_LIMIT[kind],
    tone: 'professional',
    criteria: [],
    behaviours: [],
    whyRole: '',
    experience: '',
  };
}

/** The form's starting values for these inputs (Conform's defaultValue). */
export function formDefaults(inputs: Inputs, ids: { statementId?: string; submissionKey: string }) {
  const preset = (WORD_LIMIT_PRESETS as readonly number[]).includes(inputs.wordLimit);
  return {
    kind: inputs.kind,
    statementId: ids.statementId,
    applicationId: inputs.applicationId ?? undefined,
    submissionKey: ids.submissionKey,
    jobTitle: inputs.jobTitle,
    employer: inputs.employer,
    advert: inputs.advert,
    wordLimit: preset ? String(inputs.wordLimit) : 'custom',
    customWordLimit: preset ? undefined : String(inputs.wordLimit),
    tone: inputs.tone,
    personSpec: inputs.personSpec,
    criteria: inputs.criteria,
    behaviours: Object.fromEntries(
      inputs.behaviours.map((b) => [
        b.id,
        { selected: b.selected ? 'on' : undefined, evidence: b.evidence },
      ]),
    ),
    whyRole: inputs.whyRole,
    experience: inputs.experience,
  };
}
