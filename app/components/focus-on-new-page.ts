import { useEffect, useRef } from 'react';
import { useLocation } from '@remix-run/react';

// With JavaScript, Remix draws the next page in place: the link or button pressed is gone, focus
// falls to the body, and a screen reader says nothing of the new page. A browser without
// JavaScript loads the page afresh, which screen readers announce and where Tab starts again.

const MAIN = 'main';

/**
 * True when nothing on the page holds focus: nothing, the body, or the main region where a new
 * page put it. A part of a page that moves focus itself (the Statement Builder's draft) checks
 * this first, so as not to take it from a control the person is using.
 */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active.id === MAIN;
}

/**
 * After a navigation to another page (not the first load, and not a change of this page's query
 * or fragment alone, such as a list's filters or a status change that stays on the page), puts
 * focus on the element the fragment names, else on the main region: Tab goes on from there, and
 * a screen reader reads the new page. Focus a page's own code put somewhere is left alone.
 */
export function useFocusOnNewPage() {
  const { pathname, hash } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    if (!focusIsLost()) return;
    const target = byFragment(hash) ?? document.getElementById(MAIN);
    if (!target) return;
    if (!target.hasAttribute('tabindex') && target.tabIndex < 0) {
      target.setAttribute('tabindex', '-1');
    }
    // The page's scroll is ScrollRestoration's: to the top, to the fragment, or as it was.
    target.focus({ preventScroll: true });
  }, [pathname, hash]);
}

function byFragment(hash: string): HTMLElement | null {
  if (hash.length < 2) return null;
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return null; // a malformed escape in the address
  }
}
