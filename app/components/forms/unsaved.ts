import { useBeforeUnload, useBlocker, type Location } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState } from 'react';

/** What the browser asks before a person leaves a form they have changed. */
export const LEAVE_QUESTION = 'You have changes that are not saved. Leave this page and lose them?';

const snapshot = (form: HTMLFormElement) =>
  new URLSearchParams(
    [...new FormData(form)].map(([name, value]) => [name, String(value)] as [string, string]),
  ).toString();

/**
 * Asks before the person leaves the form `formId` with changes they have not saved: another page
 * in the app, a reload, or closing the tab. JavaScript only (without it nothing is asked). Sending
 * the form itself never asks: its POST goes to the page it is on.
 */
export function useUnsavedChangesGuard(formId: string) {
  const initial = useRef<string | null>(null);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    initial.current = snapshot(form);
    const check = () => setDirty(snapshot(form) !== initial.current);
    form.addEventListener('input', check);
    form.addEventListener('change', check);
    return () => {
      form.removeEventListener('input', check);
      form.removeEventListener('change', check);
    };
  }, [formId]);

  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }: { currentLocation: Location; nextLocation: Location }) =>
        dirty && currentLocation.pathname !== nextLocation.pathname,
      [dirty],
    ),
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(LEAVE_QUESTION)) blocker.proceed();
    else blocker.reset();
  }, [blocker]);

  useBeforeUnload(
    useCallback(
      (event) => {
        if (!dirty) return;
        event.preventDefault();
        // Older browsers show the dialog only when returnValue is set.
        event.returnValue = '';
      },
      [dirty],
    ),
  );
}
