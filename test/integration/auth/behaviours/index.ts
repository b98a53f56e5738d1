// The account-behaviour suite: every rule an auth adapter is held to, written once. An adapter's
// test files call these with its harness (see ./harness.ts and ../local/harness.ts); one file per
// area keeps the files small and lets them run in parallel.
import { accountBehaviours } from './account';
import { emailLinkBehaviours } from './email-links';
import type { AccountHarness } from './harness';
import { limitBehaviours } from './limits';
import { resetBehaviours } from './reset';
import { signInBehaviours } from './sign-in';
import { signUpBehaviours } from './sign-up';

export type { AccountHarness } from './harness';
export {
  accountBehaviours,
  emailLinkBehaviours,
  limitBehaviours,
  resetBehaviours,
  signInBehaviours,
  signUpBehaviours,
};

/** The whole suite against one adapter, in one file. */
export function accountBehaviourSuite(harness: AccountHarness) {
  signUpBehaviours(harness);
  signInBehaviours(harness);
  emailLinkBehaviours(harness);
  resetBehaviours(harness);
  accountBehaviours(harness);
  limitBehaviours(harness);
}
