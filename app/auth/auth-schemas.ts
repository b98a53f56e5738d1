import { MAX_REDIRECT_LENGTH } from '~/http/safe-redirect';
import * as z from 'zod/v4-mini';
import { regexes } from 'zod/v4/core';

// One schema per auth form, shared by the action and by Conform in the browser. The schemas that
// take a new password are functions: the server passes `serverChecks` (the common-password list,
// kept out of the browser bundle) and the browser calls them without it.

/** Fewest characters a new password may have (NIST SP 800-63B asks for at least 8). */
export const PASSWORD_MIN = 8;
/** Most characters any password field takes: well above the 64 NIST asks us to allow. */
export const PASSWORD_MAX = 128;
/** Longest email address SMTP allows. */
export const EMAIL_MAX = 254;

/** Checks that only the server can make. */
export type ServerChecks = { isCommonPassword(password: string): boolean };

const email = z.string({ error: 'Enter your email address' }).check(
  z.trim(),
  z.maxLength(EMAIL_MAX, `Email addresses are at most ${EMAIL_MAX} characters`),
  // zod's own email pattern, as z.email() uses; taken alone, so the browser gets no other.
  z.regex(regexes.email, 'Enter an email address like name@example.com'),
  z.toLowerCase(),
);

/** A password someone already has: only its size is checked. */
const existingPassword = (required = 'Enter your password') =>
  z
    .string({ error: required })
    .check(z.maxLength(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters`));

/** A password being chosen: length rules and, on the server, the common-password list. */
const newPassword = (checks?: ServerChecks, required = 'Enter a password') =>
  z.string({ error: required }).check(
    z.minLength(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`),
    z.maxLength(PASSWORD_MAX, `Use ${PASSWORD_MAX} characters or fewer`),
    // Count characters as a person does: an emoji is one character, not two UTF-16 units.
    z.refine(
      (password) => password.length < PASSWORD_MIN || Array.from(password).length >= PASSWORD_MIN,
      { error: `Use at least ${PASSWORD_MIN} characters`, abort: true },
    ),
    z.refine(
      (password) => !checks?.isCommonPassword(password),
      'This is one of the most common passwords. Choose one that is harder to guess',
    ),
  );

/** Public forms carry this hidden field; people leave it empty and bots fill it in. */
const honeypot = z.optional(z.string().check(z.maxLength(200)));

/** A token from an emailed link: 32 random bytes as hex. */
const linkToken = z
  .string({ error: 'This link is incomplete' })
  .check(z.regex(/^[0-9a-f]{64}$/, 'This link is incomplete or has been changed'));

const adult = z
  .boolean({ error: 'Confirm that you are 18 or over' })
  .check(z.refine((value) => value, 'Confirm that you are 18 or over'));

/** Sign up: email, a new password, the age confirmation and the honeypot. */
export const signUpSchema = (checks?: ServerChecks) =>
  z.object({ email, password: newPassword(checks), adult, website: honeypot });

/** Sign in, with the page to return to afterwards. */
export const signInSchema = z.object({
  email,
  password: existingPassword(),
  redirectTo: z.optional(z.string().check(z.maxLength(MAX_REDIRECT_LENGTH))),
  website: honeypot,
});

/** Any "email me a link" form: the magic link and the password reset share it. */
export const emailRequestSchema = z.object({ email, website: honeypot });

/** The "Continue" button on an emailed confirmation or sign-in link. */
export const emailLinkSchema = z.object({
  token_hash: linkToken,
  type: z.enum(['signup', 'magiclink'], { error: 'This link is incomplete or has been changed' }),
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

/** Delete the account, confirmed with the password. */
export const deleteAccountSchema = z.object({ password: existingPassword() });
