import type { Email } from './outbox.server';
import { TOKEN_MINUTES } from './link-tokens.server';

// The local adapter's emails, as plain text. Links are absolute, built from the request's origin.

const signOff = '\n\nJobTrack';

/** Finish signing up (also sent when an unconfirmed account asks for a sign-in link). */
export function confirmEmail(to: string, link: string): Email {
  return {
    to,
    subject: 'Confirm your email address for JobTrack',
    body:
      `To confirm this email address for your JobTrack account and sign in, open this link:\n\n` +
      `${link}\n\nIt works once and expires in ${TOKEN_MINUTES.confirm} minutes. ` +
      `If you did not ask for this, you can ignore this email.${signOff}`,
  };
}

/** Someone tried to sign up with an address that already has an account. */
export function accountExists(to: string, signInLink: string, resetLink: string): Email {
  return {
    to,
    subject: 'Someone tried to create a JobTrack account with your email',
    body:
      'Someone, perhaps you, tried to create a JobTrack account with this email address. ' +
      `You already have an account, so nothing has changed.\n\nSign in:\n${signInLink}\n\n` +
      `Forgotten your password? Reset it:\n${resetLink}\n\n` +
      `If this was not you, you can ignore this email.${signOff}`,
  };
}

/** A single-use sign-in link. */
export function magicLink(to: string, link: string): Email {
  return {
    to,
    subject: 'Your JobTrack sign-in link',
    body:
      `Open this link to sign in to JobTrack:\n\n${link}\n\n` +
      `It works once and expires in ${TOKEN_MINUTES.magiclink} minutes. ` +
      `If you did not ask for it, you can ignore this email.${signOff}`,
  };
}

/** A single-use password reset link. */
export function passwordReset(to: string, link: string): Email {
  return {
    to,
    subject: 'Reset your JobTrack password',
    body:
      `Open this link to choose a new password:\n\n${link}\n\n` +
      `It works once and expires in ${TOKEN_MINUTES.recovery} minutes. Choosing a new password ` +
      `signs you out everywhere else. If you did not ask for this, you can ignore this email.${signOff}`,
  };
}

/** The password was changed (on the account page) or reset (from an emailed link). */
export function passwordChanged(to: string, how: 'changed' | 'reset', resetLink: string): Email {
  return {
    to,
    subject: 'Your JobTrack password has been changed',
    body:
      `The password of your JobTrack account was ${how} just now, and every other device was ` +
      `signed out.\n\nIf that was you, there is nothing more to do.\n\nIf it was not you, ` +
      `choose a new password at once; that signs everyone else out:\n${resetLink}${signOff}`,
  };
}

/** A sign-in or reset link was asked for an address with no account. */
export function noAccount(to: string, signUpLink: string): Email {
  return {
    to,
    subject: 'JobTrack: there is no account for this email',
    body:
      'Someone, perhaps you, asked for a JobTrack sign-in or password reset link for this email ' +
      `address, but there is no account for it.\n\nTo create one:\n${signUpLink}\n\n` +
      `If this was not you, you can ignore this email.${signOff}`,
  };
}
