// The Statement Builder's form: one schema per kind, shared by the browser (loaded when the form
// is first used) and the server. Saving keeps whatever is there (within the limits); generating
// also needs enough to write from.
import { z } from 'zod';
import {
  BEHAVIOURS,
  DEFAULT_WORD_LIMIT,
  MAX_WORD_LIMIT,
  MIN_WORD_LIMIT,
  TONES,
  WORD_LIMIT_PRESETS,
  formatNumber,
  type BehaviourId,
  type Kind,
  type Tone,
} from './kinds';
import { LIMITS, MAX_CRITERIA, MAX_TOTAL_CHARACTERS } from './limits';

export { LIMITS, MAX_TOTAL_CHARACTERS } from './limits';

// Defaults, not transforms: a transform stops at a field that failed, and the form's whole-form
// checks (below) would then wait for the lengths to be put right before saying anything else.
const text = (max: number, what: string) =>
  z
    .string()
    .max(max, `${what} can be up to ${formatNumber(max)} characters`)
    .default('');

const base = {
  /** The button pressed: "generate" needs enough to write from; anything else saves what is there. */
  intent: z.string().optional(),
  statementId: z.string().uuid().optional(),
  applicationId: z.string().uuid().optional(),
  submissionKey: z.string().uuid('Reload the page and try again'),
  jobTitle: text(LIMITS.jobTitle, 'The job title'),
  employer: text(LIMITS.employer, 'The employer'),
  advert: text(LIMITS.advert, 'The advert'),
  wordLimit: z
    .enum(['custom', ...WORD_LIMIT_PRESETS.map(String)] as [string, ...string[]], {
      message: 'Choose a word limit',
    })
    .optional(),
  // Read and checked only when "My own limit" is chosen (checkCommon): a value left in the box
  // after choosing a preset again must not stop the form.
  customWordLimit: z.string().max(20, 'Enter the word limit as a number, like 400').optional(),
  tone: z.enum(TONES.map((t) => t.value) as [Tone, ...Tone[]]).default('professional'),
};

const criterion = z.object({
  text: text(LIMITS.criterion, 'A criterion'),
  category: z.enum(['essential', 'desirable']).default('essential'),
  evidence: text(LIMITS.evidence, 'Your evidence'),
});

const behaviour = z.object({
  selected: z.boolean().optional().transform(Boolean),
  evidence: text(LIMITS.evidence, 'Your example'),
});

const shapes = {
  supporting: z.object({
    ...base,
    kind: z.literal('supporting'),
    personSpec: text(LIMITS.personSpec, 'The person specification'),
    criteria: z
      .array(criterion)
      .max(MAX_CRITERIA, `A statement can answer up to ${MAX_CRITERIA} criteria`)
      .default([]),
  }),
  behaviours: z.object({
    ...base,
    kind: z.literal('behaviours'),
    behaviours: z.object(
      Object.fromEntries(BEHAVIOURS.map((b) => [b.id, behaviour.optional()])) as Record<
        BehaviourId,
        z.ZodOptional<typeof behaviour>
      >,
    ),
  }),
  cover_letter: z.object({
    ...base,
    kind: z.literal('cover_letter'),
    whyRole: text(LIMITS.whyRole, 'Why this role'),
    experience: text(LIMITS.experience, 'Your experience'),
  }),
};

export type SupportingValue = z.output<(typeof shapes)['supporting']>;
export type BehavioursValue = z.output<(typeof shapes)['behaviours']>;
export type CoverLetterValue = z.output<(typeof shapes)['cover_letter']>;
export type BuilderValue = SupportingValue | BehavioursValue | CoverLetterValue;

type Ctx = z.RefinementCtx;
const need = (ctx: Ctx, path: Array<string | number>, message: string) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });

function characterCount(value: BuilderValue): number {
  const parts: string[] = [value.jobTitle, value.employer, value.advert];
  if (value.kind === 'supporting') {
    parts.push(value.personSpec, ...value.criteria.flatMap((c) => [c.text, c.evidence]));
  } else if (value.kind === 'behaviours') {
    parts.push(...Object.values(value.behaviours).map((b) => b?.evidence ?? ''));
  } else parts.push(value.whyRole, value.experience);
  return parts.reduce((sum, p) => sum + p.length, 0);
}

function checkCommon(value: BuilderValue, ctx: Ctx) {
  if (value.wordLimit === 'custom') {
    const problem = ownLimitProblem(value.customWordLimit);
    if (problem) need(ctx, ['customWordLimit'], problem);
  }
  const total = characterCount(value);
  if (total > MAX_TOTAL_CHARACTERS) {
    need(
      ctx,
      [],
      `Your inputs come to ${formatNumber(total)} characters; the limit is ` +
        `${formatNumber(MAX_TOTAL_CHARACTERS)} in all. Shorten the longest parts (usually the advert ` +
        'or the person specification): the parts that matter for this job are enough.',
    );
  }
}

function checkReadyToGenerate(value: BuilderValue, ctx: Ctx) {
  if (!value.jobTitle.trim()) need(ctx, ['jobTitle'], 'Enter the job title');
  if (value.kind === 'supporting') {
    if (value.criteria.length === 0) {
      need(
        ctx,
        ['criteria'],
        'List the criteria first: paste the person specification and press “List the criteria”, or add them one by one',
      );
    }
    value.criteria.forEach((c, i) => {
      if (!c.text.trim()) need(ctx, ['criteria', i, 'text'], 'Write the criterion, or remove it');
    });
    if (value.criteria.length > 0 && value.criteria.every((c) => !c.evidence.trim())) {
      need(
        ctx,
        ['criteria'],
        'Write your evidence for at least one criterion: the draft uses only what you write',
      );
    }
  } else if (value.kind === 'behaviours') {
    const chosen = BEHAVIOURS.filter((b) => value.behaviours[b.id]?.selected);
    if (chosen.length === 0) need(ctx, ['behaviours'], 'Choose at least one behaviour');
    for (const b of chosen) {
      if (!value.behaviours[b.id]?.evidence.trim()) {
        need(ctx, ['behaviours', b.id, 'evidence'], `Write your example for ${b.name}`);
      }
    }
  } else {
    if (!value.employer.trim()) need(ctx, ['employer'], 'Enter the employer');
    if (!value.experience.trim()) {
      need(
        ctx,
        ['experience'],
        'Write about your relevant experience: the letter uses only what you write',
      );
    }
  }
}

/**
 * The form's schema for one kind, used by the browser and the server alike: the limits always,
 * and for Generate (`intent` "generate") also what a draft needs.
 */
export function builderSchema(kind: Kind) {
  const check = (value: BuilderValue, ctx: Ctx) => {
    checkCommon(value, ctx);
    if (value.intent === 'generate') checkReadyToGenerate(value, ctx);
  };
  // One branch per kind keeps each schema's type exact (a union's methods are not callable).
  switch (kind) {
    case 'supporting':
      return shapes.supporting.superRefine(check);
    case 'behaviours':
      return shapes.behaviours.superRefine(check);
    case 'cover_letter':
      return shapes.cover_letter.superRefine(check);
  }
}

/** A word limit of the person's own as typed, written plainly or as the page writes numbers ("1,200"). */
const ownLimit = (typed: string | undefined) =>
  typed === undefined ? NaN : Number(typed.replace(/[,\s]/g, '') || NaN);

/** What is wrong with a word limit of one's own, or null. */
function ownLimitProblem(typed: string | undefined): string | null {
  if (typed === undefined || typed.trim() === '')
    return 'Enter your word limit, or choose one from the list';
  const words = ownLimit(typed);
  if (Number.isNaN(words)) return 'Enter the word limit as a number, like 400';
  if (!Number.isInteger(words)) return 'Enter a whole number of words';
  if (words < MIN_WORD_LIMIT) return `The word limit must be at least ${MIN_WORD_LIMIT}`;
  if (words > MAX_WORD_LIMIT) return `The word limit can be up to ${formatNumber(MAX_WORD_LIMIT)}`;
  return null;
}

/** The word limit the person chose (a preset, their own, or the kind's default). */
export function chosenWordLimit(value: BuilderValue): number {
  if (value.wordLimit === 'custom') {
    const words = ownLimit(value.customWordLimit);
    return Number.isInteger(words) ? words : DEFAULT_WORD_LIMIT[value.kind];
  }
  return value.wordLimit ? Number(value.wordLimit) : DEFAULT_WORD_LIMIT[value.kind];
}

/** A version's rename-and-edit form. */
export const VersionSchema = z.object({
  name: z
    .string()
    .max(LIMITS.versionName, `A name can be up to ${LIMITS.versionName} characters`)
    .optional(),
  text: z
    .string({ message: 'The draft is empty: write something, or delete this version' })
    .max(LIMITS.draft, `A draft can be up to ${formatNumber(LIMITS.draft)} characters`),
});
