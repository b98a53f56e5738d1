// What the Statement Builder can write, and the choices its form offers. Shared by the browser and
// the server; nothing here is secret.

export const KINDS = ['supporting', 'behaviours', 'cover_letter'] as const;
export type Kind = (typeof KINDS)[number];

/** How each kind is named and explained to the person choosing one. */
export const KIND_INFO: Record<Kind, { label: string; short: string; description: string }> = {
  supporting: {
    label: 'Supporting statement',
    short: 'Supporting statement',
    description:
      'For NHS, university, council and charity jobs: answers the person specification, one criterion at a time, in its order.',
  },
  behaviours: {
    label: 'Civil Service behaviour statements',
    short: 'Behaviour statements',
    description:
      'For Civil Service jobs (Success Profiles): one STAR-shaped statement for each behaviour the advert asks for.',
  },
  cover_letter: {
    label: 'Cover letter',
    short: 'Cover letter',
    description: 'A letter to go with your CV: why this role, and the experience that fits it.',
  },
};

/** The Civil Service Success Profiles behaviours, in the order the framework lists them. */
export const BEHAVIOURS = [
  { id: 'seeing_the_big_picture', name: 'Seeing the Big Picture' },
  { id: 'changing_and_improving', name: 'Changing and Improving' },
  { id: 'making_effective_decisions', name: 'Making Effective Decisions' },
  { id: 'leadership', name: 'Leadership' },
  { id: 'communicating_and_influencing', name: 'Communicating and Influencing' },
  { id: 'working_together', name: 'Working Together' },
  { id: 'developing_self_and_others', name: 'Developing Self and Others' },
  { id: 'managing_a_quality_service', name: 'Managing a Quality Service' },
  { id: 'delivering_at_pace', name: 'Delivering at Pace' },
] as const;
export type BehaviourId = (typeof BEHAVIOURS)[number]['id'];

export const TONES = [
  { value: 'professional', label: 'Professional' },
  { value: 'warm', label: 'Warm' },
  { value: 'confident', label: 'Confident' },
] as const;
export type Tone = (typeof TONES)[number]['value'];

/** Word limits people meet on application forms; anything else is "my own". */
export const WORD_LIMIT_PRESETS = [250, 500, 750, 1000, 1250, 1500] as const;
export const MIN_WORD_LIMIT = 50;
export const MAX_WORD_LIMIT = 3000;

/** Behaviour statements are usually 250 words each; the others are one piece of writing. */
export const DEFAULT_WORD_LIMIT: Record<Kind, number> = {
  supporting: 1000,
  behaviours: 250,
  cover_letter: 500,
};

/** Whether the word limit applies to each section (behaviours) or to the whole draft. */
export const LIMIT_PER_SECTION: Record<Kind, boolean> = {
  supporting: false,
  behaviours: true,
  cover_letter: false,
};

/** "1,000" */
// One formatter, made once: toLocaleString makes one per call, and a draft redraws its counts with
// every word.
const numbers = new Intl.NumberFormat('en-GB');
export const formatNumber = (n: number) => numbers.format(n);

/** How many drafts a statement has kept, as its list and its application's page say it. */
export const versionCount = (n: number) =>
  n === 0 ? 'No drafts yet' : n === 1 ? '1 version' : `${formatNumber(n)} versions`;

/** True when `value` names one of the kinds. */
export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/**
 * The headings a per-section limit applies to, or null when the limit is for the whole draft.
 * Every behaviour's name: a draft's sections are found by the headings it actually has.
 */
export function limitedSections(kind: Kind): string[] | null {
  return kind === 'behaviours' ? BEHAVIOURS.map((b) => b.name) : null;
}
