// Guest mode's frame: every guest page sits inside it. The server renders only this empty
// shell (no loader); the browser reads the data from localStorage (docs/decisions/025).
import type { MetaFunction } from '@remix-run/cloudflare';
import {
  isRouteErrorResponse,
  Link,
  NavLink,
  Outlet,
  useLoaderData,
  useRevalidator,
  useRouteError,
} from '@remix-run/react';
import { useEffect } from 'react';
import { TrackerPathsProvider } from '~/applications/paths';
import { GuestBanner } from '~/guest/banner';
import { downloadText } from '~/guest/downloads';
import { GuestNotFound } from '~/guest/not-found';
import { GUEST_HOME, GUEST_LIST, GUEST_PATHS, GUEST_STATS } from '~/guest/paths';
import { PreloadGuestPages } from '~/guest/preload';
import {
  clearGuest,
  onGuestChange,
  readGuest,
  readGuestNow,
  readRaw,
  type GuestProblem,
} from '~/guest/storage';
import { useRootData } from '~/components/root-data';
import { isUnreachable, UNREACHABLE } from '~/components/unreachable';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Guest mode · JobTrack' }];

export async function clientLoader() {
  const read = await readGuest();
  return read.ok ? { ok: true as const, document: read.document } : read;
}

/** What the server sends: a sentence for browsers without JavaScript, nothing else. */
export function HydrateFallback() {
  return (
    <div className="page narrow">
      <noscript>
        <div className="card guest-nojs">
          <h1>Guest mode needs JavaScript</h1>
          <p>
            Guest mode keeps your applications in this browser and needs JavaScript, which is off
            here, so <a href="/signup">create a free account</a> instead: it works without
            JavaScript.
          </p>
        </div>
      </noscript>
    </div>
  );
}

export default function Guest() {
  const read = useLoaderData<typeof clientLoader>();
  const signedIn = Boolean(useRootData()?.user);
  const { revalidate } = useRevalidator();
  // Another tab saved something: read it again, so this one shows it and builds on it.
  useEffect(() => onGuestChange(revalidate), [revalidate]);
  return (
    <TrackerPathsProvider value={GUEST_PATHS}>
      <GuestBanner document={read.ok ? read.document : null} signedIn={signedIn} />
      <GuestNav />
      {read.ok ? (
        <>
          <Outlet />
          <PreloadGuestPages />
        </>
      ) : (
        <StorageProblem problem={read.problem} message={read.message} raw={read.raw} />
      )}
    </TrackerPathsProvider>
  );
}

// The site's header serves accounts; these are the guest's own pages.
function GuestNav() {
  return (
    <nav aria-label="Guest pages" className="view-switch guest-nav">
      <NavLink to={GUEST_HOME} end>
        Dashboard
      </NavLink>
      <NavLink to={GUEST_LIST}>Applications</NavLink>
      <NavLink to={GUEST_STATS}>Stats</NavLink>
    </nav>
  );
}

/**
 * An error in any guest page stays inside guest mode: the banner and nav, and the recovery screen
 * (with the raw download) when the data cannot be read, not the root's page linking to accounts.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const signedIn = Boolean(useRootData()?.user);
  const read = typeof window === 'undefined' ? null : readGuestNow();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound)
    console.error('Guest page failed:', error instanceof Error ? error.message : error);
  return (
    <TrackerPathsProvider value={GUEST_PATHS}>
      <GuestBanner document={read?.ok ? read.document : null} signedIn={signedIn} />
      <GuestNav />
      {read && !read.ok ? (
        <StorageProblem problem={read.problem} message={read.message} raw={read.raw} />
      ) : notFound ? (
        <GuestNotFound />
      ) : isUnreachable(error) ? (
        <div className="page narrow error-page" role="alert">
          <h1>{UNREACHABLE.title}</h1>
          <p>{UNREACHABLE.inGuestMode}</p>
          <p>
            <Link to={GUEST_LIST}>Go to your guest applications</Link>
          </p>
        </div>
      ) : (
        <div className="page narrow error-page" role="alert">
          <h1>Something went wrong</h1>
          <p>This page could not be shown. Your guest data has not been changed.</p>
          <p>
            <Link to={GUEST_LIST}>Go to your guest applications</Link>
          </p>
        </div>
      )}
    </TrackerPathsProvider>
  );
}

/** Saves the stored guest data, exactly as it is, to a file. */
function DownloadRaw({ raw }: { raw: string }) {
  return (
    <button
      type="button"
      onClick={() => downloadText(readRaw() ?? raw, 'jobtrack-guest-data.txt', 'text/plain')}
    >
      Download the data as it is
    </button>
  );
}

/** Data that cannot be read: what happened, a copy of it to keep, and a way to start again. */
function StorageProblem({
  problem,
  message,
  raw,
}: {
  problem: GuestProblem;
  message: string;
  raw: string | null;
}) {
  const { revalidate } = useRevalidator();
  return (
    <div className="page narrow">
      <div className="card" role="alert">
        <h1>Your guest data cannot be opened</h1>
        <p>{message}</p>
        {problem === 'newer' || problem === 'not-loaded' ? (
          // Valid data from a newer JobTrack, or code that could not be fetched: reloading gets
          // what reads it. A copy is offered too, in case the reload does not help.
          <p className="actions">
            <button type="button" onClick={() => location.reload()}>
              Reload the page
            </button>
            {raw !== null ? <DownloadRaw raw={raw} /> : null}
          </p>
        ) : raw !== null ? (
          <>
            <p>
              <DownloadRaw raw={raw} />
            </p>
            <p>
              Once you have a copy, you can start again with an empty tracker. This deletes the data
              above from this browser.
            </p>
            <p>
              <button
                type="button"
                className="button--danger"
                onClick={() => {
                  clearGuest();
                  revalidate();
                }}
              >
                Delete it and start again
              </button>
            </p>
          </>
        ) : (
          <p>
            <Link to="/signup">Create a free account</Link> to keep your applications safely
            instead.
          </p>
        )}
      </div>
    </div>
  );
}
