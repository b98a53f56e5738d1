// What the person is told when a draft does not finish. Shared by the streamed page (no
// JavaScript) and the enhanced form.
import type { ClaudeFailure } from './anthropic.server';

/** Why a draft stopped short: Claude's failures, its length cap, or the person's Stop. */
export type Shortfall = ClaudeFailure | 'length' | 'stopped' | 'interrupted';

const CAUSE: Record<Shortfall, string> = {
  busy: 'Claude is busy right now. Try again in a minute.',
  'rate-limited': 'Claude is handling too many requests right now. Try again in a minute.',
  timeout: 'Claude took too long to answer. Try again in a minute.',
  unreachable: 'We could not reach Claude. Try again in a minute.',
  refused:
    'The Statement Builder cannot use Claude at the moment because of a setting on our side. Please try again later.',
  failed: 'Claude could not write this draft. Try again in a minute.',
  length: 'The draft reached the longest answer Claude may give before it finished.',
  stopped: 'You stopped the draft.',
  interrupted: 'Writing this draft was interrupted.',
};

/** Every code a draft's failure may hold. */
export const SHORTFALLS = Object.keys(CAUSE) as [Shortfall, ...Shortfall[]];

/** The sentence that says why the draft stopped short. */
export function shortfallCause(shortfall: Shortfall): string {
  return CAUSE[shortfall];
}

/** The full message after a draft stopped short: why, what was kept, and that the inputs are safe. */
export function shortfallMessage(shortfall: Shortfall, keptAs: number | null): string {
  const kept =
    keptAs === null
      ? 'Nothing was written, so no version was saved.'
      : shortfall === 'stopped'
        ? `What was written is kept as Version ${keptAs}.`
        : `What was written so far is kept as Version ${keptAs}, marked incomplete.`;
  return `${CAUSE[shortfall]} ${kept} Your inputs are saved and unchanged.`;
}

/** After the person deleted the version while Claude was still writing it. */
export const DELETED_WHILE_WRITING_MESSAGE =
  'You deleted this version while it was being written, so none of it was kept. Your inputs are ' +
  'saved and unchanged.';

export const SIGNED_OUT_MESSAGE =
  'You have been signed out, so nothing was sent. Sign in again in another tab, then come back and ' +
  'press the button again: what you typed is still here.';

/** Without an Anthropic key (the operator's setting): said to the person, who cannot change it. */
export const NOT_CONFIGURED_MESSAGE =
  'Drafting is not switched on for this JobTrack, so the Statement Builder cannot write a draft ' +
  'for you. You can still fill in and save your inputs.';

/** When the draft panel's own code could not load (draft-panel.tsx). */
export const VIEWS_NOT_LOADED_MESSAGE =
  'Part of this page could not load, so the word count, Stop and Copy are missing here. The ' +
  'draft shows below as Claude writes it, and once it is saved this page opens it.';

/** Said when a draft has been copied. */
export const COPIED = 'Copied. Paste it into the application form, then check it there.';
