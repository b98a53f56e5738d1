// Every guest page's code is fetched as guest mode opens, so that from then on nothing a guest
// does needs a request: a save, an edit or a delete, and the page it leads to, come from the
// browser alone. Remix finds routes lazily, from the links a page renders; the application pages
// are linked only from a list row, so with an empty list the first save had to ask the server
// (/__manifest) which route shows its result, after the data was already written, and a slow or
// lost request left the page on "Saving…" (the flaky browser test of the move into an account).
import { Link, matchRoutes } from '@remix-run/react';
import { useEffect } from 'react';
import {
  loadApplicationHandling,
  loadEventHandling,
  loadImportHandling,
  loadLogRangeChecks,
} from './handling';
import { loadGuestChecks } from './storage';
import {
  GUEST_APPLICATION,
  GUEST_BOARD,
  GUEST_DELETE,
  GUEST_EDIT,
  GUEST_EVENT,
  GUEST_FOLLOW_UP,
  GUEST_HISTORY,
  GUEST_HOME,
  GUEST_LIST,
  GUEST_LOG,
  GUEST_MOVE,
  GUEST_NEW_EVENT,
  GUEST_PATHS,
  GUEST_STATS,
} from './paths';

/** Guest mode's pages, ids aside: each path is the same for every guest. */
export const GUEST_PAGES = [
  GUEST_HOME,
  GUEST_LIST,
  GUEST_PATHS.newApplication,
  GUEST_APPLICATION,
  GUEST_EDIT,
  GUEST_DELETE,
  GUEST_BOARD,
  GUEST_NEW_EVENT,
  GUEST_EVENT,
  GUEST_FOLLOW_UP,
  GUEST_HISTORY,
  GUEST_STATS,
  GUEST_LOG,
  `${GUEST_HOME}/data`,
  GUEST_MOVE,
];

/**
 * Links nobody sees or reaches (hidden, so out of the page, its tab order and the accessibility
 * tree) that make Remix discover every guest route and preload its code when guest mode opens.
 * A link preloads only once its route is known: asked to preload a page it has not discovered yet,
 * Remix skips it with a console warning, and the layout draws this again once discovery is done.
 */
export function PreloadGuestPages() {
  // Loaded on use, so fetched here while the guest is most likely still online: the forms'
  // checks (on a form's first use, docs/decisions/030), their handling (when a form is sent) and
  // the log's range checks (when dates are asked for; handling.ts, docs/decisions/039), and the
  // storage's checks (at the first change, save.ts, docs/decisions/038). Without the forms' checks
  // a form still works (its clientAction checks it), but errors then show only on Save rather
  // than as the guest types; without the rest, nothing can be saved or no dates shown.
  useEffect(() => {
    import('~/components/forms/validate').catch(() => {});
    const handling = [
      loadApplicationHandling,
      loadEventHandling,
      loadImportHandling,
      loadLogRangeChecks,
    ];
    for (const load of handling) {
      load().catch(() => {});
    }
    loadGuestChecks().catch(() => {});
  }, []);
  return (
    <div hidden>
      {GUEST_PAGES.map((page) => (
        <Link key={page} to={page} prefetch={isKnown(page) ? 'render' : 'none'} tabIndex={-1}>
          {page}
        </Link>
      ))}
    </div>
  );
}

/**
 * Whether Remix has discovered the route that shows `path` (the router Remix keeps on window).
 * Without that router, it says yes: preloading matters more than a console warning.
 */
function isKnown(path: string): boolean {
  if (typeof window === 'undefined') return true;
  const { __remixRouter: router } = window as {
    __remixRouter?: { routes: Parameters<typeof matchRoutes>[0] };
  };
  return !router || matchRoutes(router.routes, path) !== null;
}
