// The kinds and formats of an application's dated events, as people read them. Browser-safe.
import type { Status } from '~/applications/statuses';

/** What an event is, in the database enum's order. */
export const EVENT_KINDS = [
  'phone_screen',
  'interview',
  'assessment_centre',
  'offer_deadline',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * The kinds that mean the employer has asked to see the person: adding one may move a Saved or
 * Applied application to Interviewing (the add form's box, ticked unless the person unticks it;
 * decision 034).
 */
const INTERVIEW_KINDS: readonly EventKind[] = ['phone_screen', 'interview', 'assessment_centre'];

/** The statuses the add form's box moves on to Interviewing (the account's SQL reads this too). */
export const MOVES_ON_FROM = ['saved', 'applied'] as const satisfies readonly Status[];

/** True for a status the add form's box may move on to Interviewing. */
export const movesOnFrom = (status: Status) =>
  (MOVES_ON_FROM as readonly Status[]).includes(status);

/** True when the form asks for the move and what it adds is an interview of some kind. */
export const asksToMoveOn = (input: { kind: EventKind; toInterviewing?: boolean }) =>
  Boolean(input.toInterviewing) && INTERVIEW_KINDS.includes(input.kind);

/** How it happens. */
export const EVENT_FORMATS = ['in_person', 'video', 'phone'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

export const KIND_LABELS: Record<EventKind, string> = {
  phone_screen: 'Phone screen',
  interview: 'Interview',
  assessment_centre: 'Assessment centre',
  offer_deadline: 'Offer deadline',
  other: 'Other',
};

export const FORMAT_LABELS: Record<EventFormat, string> = {
  in_person: 'In person',
  video: 'Video call',
  phone: 'Phone call',
};

/** The kinds as select options. */
export const KIND_OPTIONS = EVENT_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));

/** The formats as select options, with "not said" first. */
export const FORMAT_OPTIONS = [
  { value: '', label: 'Not known yet' },
  ...EVENT_FORMATS.map((value) => ({ value, label: FORMAT_LABELS[value] })),
];
