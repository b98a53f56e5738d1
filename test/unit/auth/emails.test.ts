import { describe, expect, it } from 'vitest';
import {
  accountExists,
  confirmEmail,
  magicLink,
  noAccount,
  passwordChanged,
  passwordReset,
} from '~/auth/local/emails.server';

// The emails are what a person reads before they trust a link: each one says what the link does,
// that it works once and when it expires (the same minutes the tokens really last), and signs off.

const to = 'ada@example.com';
const link = 'https://jobtrack.example/auth/confirm?token_hash=abc&type=signup';

describe('the emails local mode sends', () => {
  // Also what a sign-in link request for an unconfirmed account sends (decision 015), so it
  // speaks of confirming the address, not only of signing up.
  it('ask a new account to confirm its address, within 60 minutes', () => {
    expect(confirmEmail(to, link)).toEqual({
      to,
      subject: 'Confirm your email address for JobTrack',
      body:
        'To confirm this email address for your JobTrack account and sign in, open this link:' +
        `\n\n${link}\n\nIt works once and expires in 60 minutes. If you did not ask for this, ` +
        'you can ignore this email.\n\nJobTrack',
    });
  });

  it('tell the person their password was changed or reset, with a way to take it back', () => {
    const reset = 'https://x.example/forgot-password';
    for (const how of ['changed', 'reset'] as const) {
      expect(passwordChanged(to, how, reset)).toEqual({
        to,
        subject: 'Your JobTrack password has been changed',
        body:
          `The password of your JobTrack account was ${how} just now, and every other device ` +
          'was signed out.\n\nIf that was you, there is nothing more to do.\n\nIf it was not ' +
          `you, choose a new password at once; that signs everyone else out:\n${reset}\n\nJobTrack`,
      });
    }
  });

  it('tell the owner of an address that someone tried to sign up with it, changing nothing', () => {
    expect(
      accountExists(to, 'https://x.example/signin', 'https://x.example/forgot-password'),
    ).toEqual({
      to,
      subject: 'Someone tried to create a JobTrack account with your email',
      body:
        'Someone, perhaps you, tried to create a JobTrack account with this email address. You ' +
        'already have an account, so nothing has changed.\n\nSign in:\nhttps://x.example/signin' +
        '\n\nForgotten your password? Reset it:\nhttps://x.example/forgot-password\n\nIf this ' +
        'was not you, you can ignore this email.\n\nJobTrack',
    });
  });

  it('send a sign-in link that works once within 30 minutes', () => {
    expect(magicLink(to, link)).toEqual({
      to,
      subject: 'Your JobTrack sign-in link',
      body:
        `Open this link to sign in to JobTrack:\n\n${link}\n\nIt works once and expires in 30 ` +
        'minutes. If you did not ask for it, you can ignore this email.\n\nJobTrack',
    });
  });

  it('send a reset link that works once within 60 minutes and says what a reset does', () => {
    expect(passwordReset(to, link)).toEqual({
      to,
      subject: 'Reset your JobTrack password',
      body:
        `Open this link to choose a new password:\n\n${link}\n\nIt works once and expires in 60 ` +
        'minutes. Choosing a new password signs you out everywhere else. If you did not ask for ' +
        'this, you can ignore this email.\n\nJobTrack',
    });
  });

  it('tell an address with no account so, with a way to create one and no link that signs in', () => {
    expect(noAccount(to, 'https://x.example/signup')).toEqual({
      to,
      subject: 'JobTrack: there is no account for this email',
      body:
        'Someone, perhaps you, asked for a JobTrack sign-in or password reset link for this ' +
        'email address, but there is no account for it.\n\nTo create one:\n' +
        'https://x.example/signup\n\nIf this was not you, you can ignore this email.\n\nJobTrack',
    });
  });
});
