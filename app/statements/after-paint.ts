// Work that must not stand between a change and the frame that shows it.
import { useEffect, useState } from 'react';

/** Runs `then` after the next frame has been painted. */
export function afterNextPaint(then: () => void) {
  requestAnimationFrame(() => setTimeout(then, 0));
}

/**
 * `value`, caught up only once the frame drawn with the change has been painted. Unlike React's
 * `useDeferredValue`, whose render runs in tasks queued at once and so usually before that frame,
 * this keeps a slow part of the page (the builder's long form) from delaying what the change shows
 * elsewhere (the draft's words).
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    let current = true;
    afterNextPaint(() => {
      if (current) setShown(value);
    });
    return () => {
      current = false;
    };
  }, [value]);
  return shown;
}
