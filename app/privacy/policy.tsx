import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import {
  ANTHROPIC_RETENTION_DAYS,
  CONTACT_EMAIL,
  ICO_REFERENCE,
  MINIMUM_AGE,
  POLICY_LAST_UPDATED,
  PROCESSORS,
  RESPONSE_DAYS,
  STORED_DATA,
} from './facts';

// The privacy policy in JobTrack's own words. Its facts come from the operator's policy
// (../shared/seed/privacy-policy.txt); the ones the code must keep live in ./facts.ts.

const Mail = () => <a href={`mailto:${CONTACT_EMAIL}`}>{CONTACT_EMAIL}</a>;

/**
 * The one exception to "a single session cookie" (docs/decisions/022): only while a Google
 * sign-in is under way.
 */
export const GOOGLE_COOKIE_NOTE =
  'If you use Sign in with Google, JobTrack also sets one short-lived cookie while Google is ' +
  'open: it lets only the browser that started the sign-in finish it. It lasts at most 10 ' +
  'minutes and is removed when Google sends you back.';

type Section = { id: string; title: string; body: ReactNode };

const SECTIONS: Section[] = [
  {
    id: 'who-we-are',
    title: 'Who we are',
    body: (
      <p>
        JobTrack is an independent job application tracker, run from England in the United Kingdom.
        Questions about this policy or about your data go to <Mail />.
      </p>
    ),
  },
  {
    id: 'what-we-store',
    title: 'What we store, and why',
    body: (
      <>
        <p>We keep only what the service needs. This is the complete list:</p>
        <div className="table-scroll">
          <table>
            <caption>What JobTrack stores</caption>
            <thead>
              <tr>
                <th scope="col">Data</th>
                <th scope="col">Where it comes from</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {STORED_DATA.map((row) => (
                <tr key={row.data}>
                  <th scope="row">{row.data}</th>
                  <td>{row.source}</td>
                  <td>{row.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          Nothing else: we do not record IP addresses to track you, we take no device fingerprints,
          and we keep no data beyond this table.
        </p>
      </>
    ),
  },
  {
    id: 'google',
    title: 'Signing in with Google',
    body: (
      <p>
        If you choose Sign in with Google, Google gives us your email address, and we use it only to
        create your JobTrack account and sign you in. We keep nothing else from Google. Our use of
        data from Google Sign-In follows the Google API Services User Data Policy, including its
        Limited Use requirements.
      </p>
    ),
  },
  {
    id: 'lawful-basis',
    title: 'Our lawful basis',
    body: (
      <p>
        We handle your data because we need it to give you the service you signed up for: without an
        email address there is no account, and without your applications there is nothing to track.
        UK GDPR calls this contractual necessity.
      </p>
    ),
  },
  {
    id: 'processors',
    title: 'Who processes your data',
    body: (
      <>
        <p>
          We share data only with the services that run JobTrack for us, as our data processors:
        </p>
        <div className="table-scroll">
          <table>
            <caption>JobTrack’s data processors</caption>
            <thead>
              <tr>
                <th scope="col">Processor</th>
                <th scope="col">What for</th>
                <th scope="col">Where your data is kept</th>
              </tr>
            </thead>
            <tbody>
              {PROCESSORS.map((p) => (
                <tr key={p.name}>
                  <th scope="row">{p.name}</th>
                  <td>{p.purpose}</td>
                  <td>{p.location}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          We never sell your data, and we share none of it with advertisers, data brokers or anyone
          not in this table.
        </p>
      </>
    ),
  },
  {
    id: 'cookies',
    title: 'Cookies',
    body: (
      <>
        <p>
          JobTrack sets one cookie: the session cookie that keeps you signed in. It is a functional
          cookie; without it the app could not tell who you are from one page to the next. It is
          never used for tracking or advertising, and apart from the one below no other cookie is
          set, by us or by anyone else. There is no Google Analytics, no Facebook Pixel and no
          advertising cookie.
        </p>
        <p>{GOOGLE_COOKIE_NOTE}</p>
      </>
    ),
  },
  {
    id: 'analytics',
    title: 'Product analytics',
    body: (
      <>
        <p>
          To learn which features people use and how the app performs, JobTrack can send anonymous
          events to PostHog’s EU service. They carry the name of a feature (such as “application
          created”) and the kind of page, never your name, email address, or anything you typed
          about your applications or statements. PostHog runs without cookies or any stored
          identifier, so you cannot be recognised from one visit to the next.
        </p>
        <p>
          The switch at the foot of every page turns analytics off in your browser, and if your
          browser sends Do Not Track or Global Privacy Control, they stay off without you doing
          anything.
        </p>
        <p>
          JobTrack shows no advertisements, uses no advertising networks or tracking pixels, and
          never follows you across other websites. Your job search data is used only to run JobTrack
          for you.
        </p>
      </>
    ),
  },
  {
    id: 'guest-mode',
    title: 'Guest mode',
    body: (
      <p>
        In guest mode your data stays in your browser’s local storage and is never sent to our
        servers.
      </p>
    ),
  },
  {
    id: 'statement-builder',
    title: 'The Statement Builder and Anthropic',
    body: (
      <>
        <p>
          The Statement Builder is optional. It uses AI to draft supporting statements and cover
          letters. Only when you press Generate are the job details and answers you wrote sent to
          Anthropic’s Claude API, which writes the draft and sends it back to you in JobTrack.
        </p>
        <p>
          Anthropic acts as our data processor under its Data Processing Addendum: it keeps inputs
          and outputs for up to {ANTHROPIC_RETENTION_DAYS} days and then deletes them, and it may
          not use them to train its models.
        </p>
        <p>
          Drafts are written by AI. Read every draft carefully before you send it to an employer: we
          cannot promise that AI-written text is accurate or right for the job.
        </p>
      </>
    ),
  },
  {
    id: 'keeping-and-deleting',
    title: 'Keeping and deleting your data',
    body: (
      <>
        <p>
          We keep your data while your account is open. You can delete your account whenever you
          like from <Link to="/account">your account page</Link>: deletion happens at once, cannot
          be undone, and removes all your personal data. We keep nothing afterwards.
        </p>
        <p>
          From the same page you can download everything you have entered at any time, as JSON
          (which JobTrack can import again) or as a spreadsheet (CSV).
        </p>
      </>
    ),
  },
  {
    id: 'your-rights',
    title: 'Your rights under UK GDPR',
    body: (
      <>
        <p>If you live in the UK, you have the right:</p>
        <ul>
          <li>to see the personal data we hold about you;</li>
          <li>to have it corrected if it is wrong;</li>
          <li>to have it deleted;</li>
          <li>to limit how we use it, or object to how we use it;</li>
          <li>to take it with you in a format other services can read.</li>
        </ul>
        <p>
          To use any of these rights, write to <Mail />. We answer within {RESPONSE_DAYS} days.
        </p>
        <p>
          If you are not happy with how we handle your data, you can complain to the Information
          Commissioner’s Office (ICO). JobTrack is registered with the ICO under reference{' '}
          {ICO_REFERENCE}.
        </p>
      </>
    ),
  },
  {
    id: 'age',
    title: 'Age',
    body: (
      <p>
        JobTrack is for people aged {MINIMUM_AGE} and over, and we do not knowingly collect personal
        data from anyone younger: before an account is made, with an email address or with Google,
        you confirm that you are {MINIMUM_AGE} or over. If you think someone under {MINIMUM_AGE} has
        given us their data, tell us at <Mail /> and we will delete it quickly.
      </p>
    ),
  },
  {
    id: 'changes',
    title: 'Changes to this policy',
    body: (
      <p>
        When this policy changes, the “Last updated” date at the top changes with it, and for an
        important change we may also email you. If you keep using JobTrack after a change is
        published, you accept the new policy.
      </p>
    ),
  },
  {
    id: 'contact',
    title: 'Contact',
    body: (
      <p>
        Anything about this policy or your data: <Mail />.
      </p>
    ),
  },
];

/** The privacy policy page body: a contents list, then each section with its heading. */
export function PrivacyPolicy() {
  return (
    <article className="page narrow prose">
      <h1>Privacy policy</h1>
      <p className="muted">Last updated: {POLICY_LAST_UPDATED}</p>
      <nav aria-labelledby="contents-title" className="contents">
        <h2 id="contents-title">Contents</h2>
        <ol>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {SECTIONS.map((s) => (
        <section key={s.id} aria-labelledby={s.id}>
          <h2 id={s.id}>{s.title}</h2>
          {s.body}
        </section>
      ))}
    </article>
  );
}
