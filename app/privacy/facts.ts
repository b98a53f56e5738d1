// The checkable facts of the privacy policy, in one place: the page renders them and the tests
// compare them with what the code does (the processors the CSP allows, the cookie, the contact).

/** When the policy last changed; the page shows it at the top, as the policy promises. */
export const POLICY_LAST_UPDATED = '28 Nov 2026';

export const CONTACT_EMAIL = 'hello@jobtracks.co.uk';
export const ICO_REFERENCE = 'ZC116303';
export const MINIMUM_AGE = 18;
/** How long Anthropic keeps Statement Builder inputs and outputs before deleting them. */
export const ANTHROPIC_RETENTION_DAYS = 30;
/** How long we take to answer a request about your rights. */
export const RESPONSE_DAYS = 30;

/** One row of "What we store": the data, where it comes from, and why. */
export type StoredData = { data: string; source: string; why: string };

export const STORED_DATA: StoredData[] = [
  {
    data: 'Email address',
    source: 'You, when you create an account',
    why: 'It names your account, and it is where we send sign-in emails: confirmation, sign-in links, password resets and security notices.',
  },
  {
    data: 'Password, hashed',
    source: 'You, when you sign up or change it',
    why: 'To protect your account. We keep only a one-way hash: nobody at JobTrack can read your password.',
  },
  {
    data: 'Google account email address',
    source: 'Google, only if you choose Sign in with Google',
    why: 'To sign you in. We use it for nothing else.',
  },
  {
    data: 'Job application data',
    source: 'You, when you add or import applications',
    why: 'Company, role, dates, status and its history, notes and the other fields of an application: this is the tracker itself.',
  },
  {
    data: 'Session data',
    source: 'Made automatically when you sign in',
    why: 'So that you stay signed in from one page to the next.',
  },
  {
    data: 'Product analytics events',
    source: 'Made automatically as you use the app, unless you turn them off',
    why: 'Anonymous counts of which features are used, through PostHog. They contain no personal data.',
  },
  {
    data: 'Statement Builder inputs',
    source: 'You, only when you use the Statement Builder',
    why: 'The job details and answers you write, sent to an AI model to draft your statement, and the drafts it writes.',
  },
];

/** One row of "Who processes your data". */
export type Processor = {
  name: string;
  purpose: string;
  location: string;
  /**
   * The hosts a browser on JobTrack's pages may contact for this processor (the CSP allows
   * exactly these), as a function of the configured analytics host; empty when the processor
   * works only behind our server.
   */
  browserHosts: (settings: { analyticsHost: string | null }) => string[];
};

export const PROCESSORS: Processor[] = [
  {
    name: 'Supabase',
    purpose: 'Our database, and signing in',
    location: 'EU (AWS eu-west-2)',
    browserHosts: () => [],
  },
  {
    name: 'Google (Sign in with Google, optional)',
    purpose: 'Signing in with your Google account, if you choose to',
    location: 'Google’s infrastructure',
    browserHosts: () => [],
  },
  {
    name: 'Resend',
    purpose: 'Sending sign-in emails: confirmations, sign-in links, password resets',
    location: 'EU',
    browserHosts: () => [],
  },
  {
    name: 'Cloudflare',
    purpose: 'Hosting and serving the website',
    location: 'Global network; it stores no personal data',
    browserHosts: () => [],
  },
  {
    name: 'PostHog',
    purpose: 'Anonymous product analytics: which features are used, and how fast the app is',
    location: 'EU (eu.i.posthog.com); no personal identifiers are sent',
    browserHosts: ({ analyticsHost }) => (analyticsHost ? [new URL(analyticsHost).host] : []),
  },
  {
    name: 'Anthropic',
    purpose: `The AI model behind the Statement Builder. It keeps inputs and outputs for up to ${ANTHROPIC_RETENTION_DAYS} days, then deletes them, and may not use them to train its models`,
    location: 'USA, under Anthropic’s Data Processing Addendum (part of its Commercial Terms)',
    browserHosts: () => [],
  },
];
