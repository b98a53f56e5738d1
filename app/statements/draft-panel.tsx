// The panel beside the builder form: its heading, and what it shows (draft-views.tsx) once there
// is a draft. A new statement's page has none until Generate is pressed, so it draws the panel's
// opening line itself and fetches the rest after its first paint, keeping it out of the page's
// first load.
import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import type { DraftViewsProps } from './draft-views';
import { VIEWS_NOT_LOADED_MESSAGE } from './messages';

let loading: Promise<ComponentType<DraftViewsProps>> | null = null;

/** Starts loading the panel's views (once); a failed load says so in the panel, see below. */
export function loadDraftViews(): Promise<ComponentType<DraftViewsProps>> {
  loading ??= import('./draft-views').then((m) => m.DraftViews);
  return loading;
}

// The browser keeps a failed module load for the page's life, so a failure is final until a
// reload. The draft is written and saved on the server all the same, and the page moves to it
// when it ends (use-draft-stream.ts): the panel says so instead of failing the page.
const LazyViews = lazy(() =>
  loadDraftViews().then(
    (views) => ({ default: views }),
    () => ({ default: ViewsNotLoaded as ComponentType<DraftViewsProps> }),
  ),
);

function ViewsNotLoaded() {
  return (
    <p className="form-errors" role="alert">
      {VIEWS_NOT_LOADED_MESSAGE}
    </p>
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
        : 'Drafts appear here once the Statement Builder is configured.'}
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
        <Suspense fallback={empty}>
          <LazyViews {...props} empty={empty} />
        </Suspense>
      )}
    </section>
  );
}
