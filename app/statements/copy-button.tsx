import { useEffect, useState, type RefObject } from 'react';

export const COPIED = 'Copied. Paste it into the application form, then check it there.';

/**
 * Copies the draft to the clipboard. Shown only once JavaScript runs (without it, the text is in
 * a text box the person can select). Falls back to selecting the box and copying that.
 */
export function CopyButton({
  text,
  area,
  onCopied,
}: {
  text: string;
  area: RefObject<HTMLTextAreaElement | null>;
  onCopied: (message: string) => void;
}) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return (
    <button
      type="button"
      className="button--secondary"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
        } catch {
          area.current?.select();
          document.execCommand('copy');
        }
        onCopied(COPIED);
      }}
    >
      Copy
    </button>
  );
}
