import type {
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/cloudflare';
import {
  type ShouldRevalidateFunction,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { getUserForPage } from '~/auth/current-user.server';
import { Analytics, AnalyticsSwitch } from '~/analytics/analytics';
import { SiteFooter, SiteHeader } from '~/components/layout';
import { useNonce } from '~/components/nonce';
import { GUEST_LIST, GUEST_MOVE, isGuestPath } from '~/guest/mode';
import { isUnreachable, UNREACHABLE } from '~/components/unreachable';
import { loggable } from '~/http/loggable';
import { isLocalDevelopment } from '~/http/security.server';
import styles from '~/styles.css?url';
import { useFocusOnNewPage } from '~/components/focus-on-new-page';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

// Pages set their own titles; this one serves error pages (and any page that forgets).
export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: 'JobTrack' }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [{ title: `${describe(status).title} · JobTrack` }];
};

// A page that fails renders this route's error boundary, and Remix keeps the thrown Response's
// headers only if a headers function passes them on: the 503's Retry-After must reach the browser.
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const headers = new Headers();
  const retryAfter = errorHeaders?.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return headers;
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  // While the database is away, pages that need no data (the privacy policy, a 404) still render;
  // the header then cannot say who is signed in, so it offers no account links at all.
  const user = await getUserForPage(request, context).catch((error: unknown) => {
    if (error instanceof Response && error.status === 503) return undefined;
    throw error;
  });
  return {
    user: user === undefined ? undefined : user ? { email: user.email } : null,
    showOutbox: context.config.authMode === 'local' && isLocalDevelopment(request),
    // Public by design: PostHog's project key is meant for browsers.
    analytics: context.config.analytics,
  };
}

/**
 * Within guest mode the root's data is never fetched again: a guest's navigations and local form
 * submissions then make no request to the server at all (docs/decisions/025).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  actionStatus,
  defaultShouldRevalidate,
}) => {
  // As without this function under single fetch: a refused action (4xx/5xx) reloads nothing, so
  // a form refused because its session ended keeps its page, and everything typed, in place.
  if (actionStatus !== undefined && actionStatus >= 400) return false;
  // The move page shows who is signed in, so it asks again (that request carries no guest data),
  // unless the browser knows it is offline: then it opens on what the page last heard, rather than
  // failing as a whole, and its check says that JobTrack could not be reached.
  const offline = typeof navigator !== 'undefined' && !navigator.onLine;
  return isGuestPath(currentUrl.pathname) &&
    isGuestPath(nextUrl.pathname) &&
    (nextUrl.pathname !== GUEST_MOVE || offline)
    ? false
    : defaultShouldRevalidate;
};

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>('root');
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader user={data ? data.user : null} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter
          showOutbox={data?.showOutbox ?? false}
          analytics={<AnalyticsSwitch settings={data?.analytics ?? null} />}
        />
        <Analytics settings={data?.analytics ?? null} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useFocusOnNewPage();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const inGuestMode = isGuestPath(useLocation().pathname);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const { title, message } = isUnreachable(error) ? UNREACHABLE : describe(status);
  if (!isRouteErrorResponse(error)) console.error('Page failed:', loggable(error));
  return (
    <div className="page narrow error-page">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        {inGuestMode ? (
          <Link to={GUEST_LIST}>Go to your guest applications</Link>
        ) : (
          <Link to="/">Go to your dashboard</Link>
        )}
      </p>
    </div>
  );
}

function describe(status: number) {
  switch (status) {
    case 404:
      return {
        title: 'Page not found',
        message: 'We could not find that page. It may have been deleted, or the link may be wrong.',
      };
    case 400:
      return {
        title: 'That did not work',
        message: 'We could not read what was sent. Please go back and try again.',
      };
    case 413:
      return {
        title: 'That was too long to send',
        message:
          'What you typed is more than JobTrack takes in one form. Go back: your browser keeps what you typed in the form, so you can shorten it and send it again.',
      };
    case 403:
      return {
        title: 'Not allowed',
        message: 'That request was refused. Please go back and try again from the page.',
      };
    case 503:
      return {
        title: 'JobTrack is having a short break',
        message:
          'We cannot reach your data right now. Nothing you saved has been lost. Please try again in a minute.',
      };
    default:
      return {
        title: 'Something went wrong',
        message: 'Sorry, something went wrong on our side. Please try again.',
      };
  }
}
