import type { ReactNode, RefObject } from 'react';
import { useHydrated } from './hydrated';

/**
 * Copies `text` to the clipboard, then says `copied` through `onCopied`. Shown only once
 * JavaScript runs: without it the text is in `field`, a box the person can select. Where the
 * clipboard is refused, selects that box and copies it.
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
        } catch {
          field.current?.select();
          document.execCommand('copy');
        }
        onCopied(copied);
      }}
    >
      {children}
    </button>
  );
}
