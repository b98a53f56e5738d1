// The panel beside the builder form: its heading, and what it shows (draft-views.tsx) once there
// is a draft. A new statement's page has none until Generate is pressed, so it draws the panel's
// opening line itself and fetches the rest after its first paint, keeping it out of the page's
// first load.
import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import type { DraftViewsProps } from './draft-views';
import { VIEWS_NOT_LOADED_MESSAGE } from './messages';
import type { LiveDraft } from './use-draft-stream';

let loading: Promise<ComponentType<DraftViewsProps>> | null = null;
let failed = false;

/** Starts loading the panel's views (once). */
export function loadDraftViews(): Promise<ComponentType<DraftViewsProps>> {
  loading ??= import('./draft-views').then(
    (m) => m.DraftViews,
    (error: unknown) => {
      failed = true;
      throw error;
    },
  );
  return loading;
}

/**
 * Whether the views could not load. The browser keeps a failed module load for the page's life,
 * so this is final until the page loads again; a saved statement's page needs the same module, so
 * the move to a finished draft must then load it as a new page (use-draft-stream.ts).
 */
export function draftViewsFailed(): boolean {
  return failed;
}

const LazyViews = lazy(() =>
  loadDraftViews().then(
    (views) => ({ default: views }),
    () => ({ default: PlainDraft as ComponentType<DraftViewsProps> }),
  ),
);

/**
 * The draft without its views' controls: while they load (on a slow connection), or for good if
 * they cannot. Its words and anything that went wrong still show, so nothing Claude wrote is lost.
 */
function PlainDraft({
  live,
  loading: stillLoading,
}: {
  live: LiveDraft | null;
  loading?: boolean;
}) {
  const problem = live?.error ?? live?.end?.message ?? null;
  return (
    <div className="live-draft">
      {problem || !stillLoading ? (
        <p className="form-errors" role="alert">
          {problem ?? VIEWS_NOT_LOADED_MESSAGE}
        </p>
      ) : null}
      {live?.text ? (
        <div className="draft-text" data-testid="live-draft">
          {live.text}
        </div>
      ) : live?.phase === 'sending' || live?.phase === 'writing' ? (
        <p className="muted">Sending your inputs to Claude…</p>
      ) : null}
    </div>
  );
}

export function DraftPanel({
  views: Views,
  ...props
}: Omit<DraftViewsProps, 'empty'> & {
  /** The views, when the page brings them (it opens on a version); otherwise they load here. */
  views?: ComponentType<DraftViewsProps>;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const started = props.live !== null;
  useEffect(() => {
    // On a narrow screen the panel is below the form: bring it into view when a draft starts.
    if (started) heading.current?.focus();
  }, [started]);
  useEffect(() => {
    if (!Views) void loadDraftViews().catch(() => {});
  }, [Views]);
  const empty = (
    <p className="muted">
      {props.configured
        ? 'Your draft appears here as Claude writes it. Fill in your inputs, then press Generate draft.'
        : 'No drafts can be written here until drafting is switched on for this JobTrack.'}
    </p>
  );
  const hasDraft = started || props.selected !== null || props.versions.length > 0;
  return (
    <section className="draft-panel" aria-labelledby="draft-heading">
      <h2 id="draft-heading" tabIndex={-1} ref={heading}>
        Your draft
      </h2>
      {!hasDraft ? (
        empty
      ) : Views ? (
        <Views {...props} empty={empty} />
      ) : (
        <Suspense fallback={<PlainDraft live={props.live} loading />}>
          <LazyViews {...props} empty={empty} />
        </Suspense>
      )}
    </section>
  );
}
