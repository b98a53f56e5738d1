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
 * focus on the part of the page the fragment names (a heading, a section), else on the main
 * region: Tab goes on from there, and a screen reader reads the new page. Focus a page's own code
 * put somewhere is left alone.
 */
export function useFocusOnNewPage() {
  const { pathname, hash } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    if (!focusIsLost()) return;
    const named = byFragment(hash);
    if (named && focusOn(named)) return;
    const main = document.getElementById(MAIN);
    if (main) focusOn(main);
  }, [pathname, hash]);
}

// Parts of a page an address may send focus to: never a field (a link could otherwise put the
// cursor in a hidden one, such as the Honeypot), nor anything hidden from screen readers.
const LANDMARK = 'h1, h2, h3, h4, h5, h6, section, [data-focus-target]';
const HIDDEN = '[aria-hidden="true"], [hidden], .honeypot';

/** Focuses `target` (the page's scroll is ScrollRestoration's); false if it could not take it. */
function focusOn(target: HTMLElement): boolean {
  if (target.id !== MAIN && (!target.matches(LANDMARK) || target.closest(HIDDEN))) return false;
  if (!target.hasAttribute('tabindex')) {
    target.setAttribute('tabindex', '-1');
    // Only for this: a later click inside it must not focus the whole card.
    target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
  }
  target.focus({ preventScroll: true });
  return document.activeElement === target;
}

function byFragment(hash: string): HTMLElement | null {
  if (hash.length < 2) return null;
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return null; // a malformed escape in the address
  }
}
