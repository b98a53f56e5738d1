import { useBeforeUnload, useBlocker, type Location } from '@remix-run/react';
import { useCallback, useEffect, useRef } from 'react';

/** What the browser asks before a person leaves a form they have changed. */
export const LEAVE_QUESTION = 'You have changes that are not saved. Leave this page and lose them?';

const snapshot = (form: HTMLFormElement) =>
  new URLSearchParams(
    [...new FormData(form)].map(([name, value]) => [name, String(value)] as [string, string]),
  ).toString();

/**
 * Renders nothing; asks before the person leaves the form `formId` with unsaved changes (see
 * useUnsavedChangesGuard). A component of its own, so that its state (the blocker's) re-renders
 * only itself, never the component that set the form up with Conform.
 */
export function UnsavedChangesGuard({ formId }: { formId: string }) {
  useUnsavedChangesGuard(formId);
  return null;
}

/**
 * Asks before the person leaves the form `formId` with changes they have not saved: another page
 * in the app, a reload, or closing the tab. JavaScript only (without it nothing is asked). Sending
 * the form itself never asks: its POST goes to the page it is on.
 */
export function useUnsavedChangesGuard(formId: string) {
  const initial = useRef<string | null>(null);
  // A ref, not state: re-rendering the form on every keystroke would cost Conform its
  // subscriptions (its errors then stopped showing), and only navigation needs to know.
  const dirty = useRef(false);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    initial.current = snapshot(form);
    const check = () => {
      dirty.current = snapshot(form) !== initial.current;
    };
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
        dirty.current && currentLocation.pathname !== nextLocation.pathname,
      [],
    ),
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(LEAVE_QUESTION)) blocker.proceed();
    else blocker.reset();
  }, [blocker]);

  useBeforeUnload(
    useCallback((event) => {
      if (!dirty.current) return;
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    }, []),
  );
}
