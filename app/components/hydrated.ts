import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** False on the server and in the first render of a page; true once JavaScript has taken over. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
