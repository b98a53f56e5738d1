import type { ReactNode, RefObject } from 'react';
import { useHydrated } from './hydrated';

/** Said where the browser lets nothing be copied: the text is selected for the person to copy. */
export const NOT_COPIED =
  'This browser did not let JobTrack copy it: copy the selected text yourself.';

/**
 * Copies `text` to the clipboard, then says `copied` through `onCopied`. Shown only once
 * JavaScript runs: without it the text is in `field`, a box the person can select. Where the
 * clipboard is refused, selects that box and copies it, or says it could not.
 */
export function CopyButton({
  text,
  field,
  copied,
  onCopied,
  children = 'Copy',
}: {
  text: string;
  field: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
  copied: string;
  onCopied: (message: string) => void;
  children?: ReactNode;
}) {
  if (!useHydrated()) return null;
  return (
    <button
      type="button"
      className="button--secondary"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          onCopied(copied);
        } catch {
          field.current?.select();
          onCopied(document.execCommand('copy') ? copied : NOT_COPIED);
        }
      }}
    >
      {children}
    </button>
  );
}
