import type { AppLoadContext } from '@remix-run/cloudflare';
import type postgres from 'postgres';

// The account-behaviour suite runs against every auth adapter. Each adapter gives it a harness:
// a context that selects the adapter, a way to read the emails it sent, and the few controls a
// test needs that only the adapter can provide. The suite's rules speak only of what a person sees
// (pages, messages, cookies that work or not) and what the database holds in the tables every
// adapter shares (auth.users, jobtrack.*), never of an adapter's own storage.

/** What an email was for, as the person would read it. */
export type EmailKind =
  | 'confirm' // confirm the address (sign-up, or a sign-in link asked for an unconfirmed account)
  | 'magiclink' // a sign-in link
  | 'recovery' // a password reset link
  | 'password-changed' // a note that the password was changed or reset
  | 'account-exists' // someone tried to sign up with an address that has an account
  | 'no-account'; // a link was asked for an address with no account

/** An email an adapter sent, as the suite reads it. */
export type SentEmail = { to: string; kind: EmailKind; subject: string; links: URL[] };

export interface AccountHarness {
  /** The adapter's name, for the describe blocks. */
  adapter: string;
  /**
   * A fresh context for one test: AUTH_MODE selects this adapter, the rate limiters are fresh
   * stand-ins, and work left for after the answer runs at once (see `emailsTo`).
   */
  context(): AppLoadContext;
  /** A superuser connection to the file's database, to arrange rows and read them back. */
  admin(): postgres.Sql;
  /** Every email sent to `to`, oldest first, once all sending started by `context` has finished. */
  emailsTo(context: AppLoadContext, to: string): Promise<SentEmail[]>;
  /**
   * Holds back every email until the returned function is called, so a test can show that an
   * answer does not wait for its email. Release it within a few seconds.
   */
  holdEmails(): Promise<() => Promise<void>>;
  /** Makes an emailed link expire, as if its lifetime had passed. */
  expireLink(link: URL): Promise<void>;
  /** What an adapter can do beyond the shared rules (Supabase cannot send these two notes). */
  can: {
    /** Emails the owner when someone signs up again with their (confirmed) address. */
    tellOwnerOfRepeatSignUp: boolean;
    /** Emails an address with no account that asked for a sign-in or reset link. */
    tellUnknownAddresses: boolean;
  };
  /**
   * Rules the auth service itself owns and keeps differently, each with the reason (a decision
   * record). The suite then holds the adapter to what it does instead, so a change either way
   * shows up; nothing is skipped.
   */
  differs: {
    /** Sign-in and reset links are one kind of token, so each works as the other. */
    signInLinksAreResetLinks?: string;
  };
}
