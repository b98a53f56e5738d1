import { MAX_REDIRECT_LENGTH } from '~/http/safe-redirect';
import { z } from 'zod';

// One schema per auth form, shared by the action and by Conform in the browser. The schemas that
// take a new password are functions: the server passes `serverChecks` (the common-password list,
// kept out of the browser bundle) and the browser calls them without it.

import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from './field-limits';

export { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN };

/** Checks that only the server can make. */
export type ServerChecks = { isCommonPassword(password: string): boolean };

const email = z
  .string({ required_error: 'Enter your email address' })
  .trim()
  .max(EMAIL_MAX, `Email addresses are at most ${EMAIL_MAX} characters`)
  .email('Enter an email address like name@example.com')
  .transform((value) => value.toLowerCase());

/** A password someone already has: only its size is checked. */
const existingPassword = (required = 'Enter your password') =>
  z
    .string({ required_error: required })
    .max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters`);

/** A password being chosen: length rules and, on the server, the common-password list. */
const newPassword = (checks?: ServerChecks, required = 'Enter a password') =>
  z
    .string({ required_error: required })
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
    .max(PASSWORD_MAX, `Use ${PASSWORD_MAX} characters or fewer`)
    .superRefine((password, ctx) => {
      // Count characters as a person does: an emoji is one character, not two UTF-16 units.
      if (password.length >= PASSWORD_MIN && Array.from(password).length < PASSWORD_MIN) {
        ctx.addIssue({ code: 'custom', message: `Use at least ${PASSWORD_MIN} characters` });
      } else if (checks?.isCommonPassword(password)) {
        ctx.addIssue({
          code: 'custom',
          message: 'This is one of the most common passwords. Choose one that is harder to guess',
        });
      }
    });

/** Public forms carry this hidden field; people leave it empty and bots fill it in. */
const honeypot = z.string().max(200).optional();

/**
 * A token from an emailed link: local accounts' 32 random bytes as hex, or Supabase's token hash
 * (56 hex digits, a SHA-224; `pkce_`-prefixed when a link was asked for with PKCE).
 */
export const LINK_TOKEN = /^(?:[0-9a-f]{64}|(?:pkce_)?[0-9a-f]{56})$/;

const linkToken = z
  .string({ required_error: 'This link is incomplete' })
  .regex(LINK_TOKEN, 'This link is incomplete or has been changed');

const adult = z
  .boolean({
    required_error: 'Confirm that you are 18 or over',
    invalid_type_error: 'Confirm that you are 18 or over',
  })
  .refine((value) => value, 'Confirm that you are 18 or over');

/** Sign up: email, a new password, the age confirmation and the honeypot. */
export const signUpSchema = (checks?: ServerChecks) =>
  z.object({ email, password: newPassword(checks), adult, website: honeypot });

/**
 * "Continue with Google" on the sign-up page: the age confirmation alone (Google gives the
 * address, and there is no password). The email and password typed beside it are not read.
 */
export const googleSignUpSchema = z.object({ adult, website: honeypot });

/** Sign in, with the page to return to afterwards. */
export const signInSchema = z.object({
  email,
  password: existingPassword(),
  redirectTo: z.string().max(MAX_REDIRECT_LENGTH).optional(),
  website: honeypot,
});

/** Any "email me a link" form: the magic link and the password reset share it. */
export const emailRequestSchema = z.object({ email, website: honeypot });

/**
 * The page of an emailed confirmation or sign-in link. `intent` is the button pressed: plain
 * "Continue", or, when the link would confirm an account whose password was set before the
 * mailbox was proven, "with" that password (typed here) or "without" it (it is then dropped).
 */
export const emailLinkSchema = z
  .object({
    password: existingPassword().optional(),
    token_hash: linkToken,
    type: z.enum(['signup', 'magiclink'], {
      message: 'This link is incomplete or has been changed',
    }),
    intent: z.enum(['continue', 'with-password', 'without-password']).default('continue'),
  })
  .superRefine((value, ctx) => {
    if (value.intent === 'with-password' && !value.password) {
      ctx.addIssue({
        code: 'custom',
        path: ['password'],
        message: 'Enter the password you chose when you created the account',
      });
    }
  });

/** Choose a new password from a reset link (the visible field first: errors, and focus, follow this order). */
export const resetPasswordSchema = (checks?: ServerChecks) =>
  z.object({ password: newPassword(checks, 'Enter a new password'), token: linkToken });

/** Change password on the account page. */
export const changePasswordSchema = (checks?: ServerChecks) =>
  z.object({
    currentPassword: existingPassword('Enter your current password'),
    newPassword: newPassword(checks, 'Enter a new password'),
  });

/** Choose a password on the account page, for an account that has none (claimed by email link). */
export const choosePasswordSchema = (checks?: ServerChecks) =>
  z.object({ newPassword: newPassword(checks, 'Enter a new password') });

/** Delete the account, confirmed with the password. */
export const deleteAccountSchema = z.object({ password: existingPassword() });
