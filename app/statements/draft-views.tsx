// What the draft panel shows once there is a draft: the one being written (live, with
// JavaScript), or the chosen saved version with its word count, Copy, Regenerate and Save; then
// every version. A new statement's page loads this after its first paint (draft-panel.tsx); a
// saved statement's page, which opens on a version, brings it with the page.
import { Form, Link, useLocation, useNavigationType } from '@remix-run/react';
import { SubmitButton } from '~/components/forms';
import { useHydrated } from '~/components/hydrated';
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import { formatDateTime } from '~/applications/dates';
import { formatNumber, limitedSections, type Kind } from './kinds';
import type { VersionSummary } from './types';
import type { LiveDraft } from './use-draft-stream';
import { CopyButton } from '~/components/copy-button';
import { COPIED } from './messages';
import { AiNote, StockPhrases, WordCount } from './word-count';
import { stockPhrasesIn } from './stock-phrases';
import { wordReport } from './words';
import { ShortfallNote, VersionStatusTag } from './version-status';
import { VersionSelect, versionLabel as label } from './version-label';
import { focusIsLost } from '~/components/focus-on-new-page';

export type Selected = { version: VersionSummary; text: string };

export type DraftViewsProps = {
  kind: Kind;
  wordLimit: number;
  statementId: string | null;
  versions: VersionSummary[];
  selected: Selected | null;
  live: LiveDraft | null;
  onStop: () => void;
  configured: boolean;
  notice: string | null;
  /** What shows when there is neither a draft being written nor a version to show. */
  empty: ReactNode;
};

export function DraftViews({
  kind,
  wordLimit,
  statementId,
  versions,
  selected,
  live,
  onStop,
  configured,
  notice,
  empty,
}: DraftViewsProps) {
  // A draft that has just been saved is shown from the stream's last event, which carries the
  // version: no second request stands between the last word and the saved version on screen. The
  // page's own data (the same version, once the page has moved to it) then takes over unchanged.
  const justSaved = live?.phase === 'ended' ? live.end?.version : null;
  const shown = justSaved ? { version: justSaved, text: live!.text } : selected;
  const listed =
    justSaved && !versions.some((v) => v.id === justSaved.id) ? [...versions, justSaved] : versions;
  const ownStatement = statementId ?? live?.statementId ?? null;
  return (
    <>
      {live && !justSaved && !(selected && live.versionId === selected.version.id) ? (
        <Live live={live} kind={kind} wordLimit={wordLimit} onStop={onStop} />
      ) : shown && ownStatement ? (
        <Saved
          key={`${shown.version.id}:${shown.version.updatedAt}`}
          kind={kind}
          statementId={ownStatement}
          selected={shown}
          configured={configured}
          notice={notice}
          fresh={justSaved !== null}
        />
      ) : (
        empty
      )}
      {ownStatement && listed.length > 0 ? (
        <VersionList
          statementId={ownStatement}
          versions={listed}
          selectedId={shown?.version.id ?? null}
        />
      ) : null}
    </>
  );
}

function Live({
  live,
  kind,
  wordLimit,
  onStop,
}: {
  live: LiveDraft;
  kind: Kind;
  wordLimit: number;
  onStop: () => void;
}) {
  const report = wordReport(live.text, live.wordLimit ?? wordLimit, limitedSections(kind));
  const writing = live.phase === 'sending' || live.phase === 'writing' || live.phase === 'stopping';
  const status =
    live.phase === 'sending'
      ? 'Sending your inputs to Claude…'
      : live.phase === 'writing'
        ? `Claude is writing Version ${live.number}…`
        : live.phase === 'stopping'
          ? 'Stopping…'
          : live.end?.versionId
            ? `Saved as Version ${live.end.number}.`
            : '';
  return (
    <div className="live-draft">
      <p role="status" className="live-draft__status">
        {status}
      </p>
      {live.error || live.end?.message ? (
        <p className="form-errors" role="alert">
          {live.error ?? live.end?.message}
        </p>
      ) : null}
      {live.text || writing ? (
        <div
          className={`draft-text${writing ? ' draft-live' : ''}`}
          aria-busy={writing || undefined}
          data-testid="live-draft"
        >
          {live.text}
        </div>
      ) : null}
      {live.text ? <WordCount report={report} live={writing} /> : null}
      {writing && live.versionId ? (
        <div className="actions">
          <button
            type="button"
            className="button--secondary"
            onClick={onStop}
            aria-disabled={live.phase === 'stopping' || undefined}
          >
            Stop
          </button>
        </div>
      ) : null}
      {live.text ? <AiNote /> : null}
    </div>
  );
}

function Saved({
  kind,
  statementId,
  selected,
  configured,
  notice,
  fresh: justWritten,
}: {
  kind: Kind;
  statementId: string;
  selected: Selected;
  configured: boolean;
  /** A message after a redirect back here (the version was saved), shown beside its buttons. */
  notice: string | null;
  /** Whether it was written by the Generate just pressed on this page. */
  fresh: boolean;
}) {
  const { version } = selected;
  const location = useLocation();
  // The note that the page moved here from a generation lives in the browser's history, which the
  // server never sees (and which outlives a reload): read only once the page has hydrated.
  const hydrated = useHydrated();
  const fresh =
    justWritten ||
    (hydrated && (location.state as { fromGeneration?: boolean } | null)?.fromGeneration === true);
  const [text, setText] = useState(selected.text);
  const [copied, setCopied] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const url = `/statements/${statementId}/versions/${version.id}`;
  const report = wordReport(text, version.wordLimit, limitedSections(kind));
  const editable = version.status !== 'generating';
  const arrived = useNavigationType() !== 'POP'; // not a page load, a reload or Back
  useEffect(() => {
    // The page has moved here (a draft finished, an edit saved) and took the focused control with
    // it: keyboard and screen reader users go on from the panel's heading, not the page's top.
    if (arrived && (fresh || notice) && focusIsLost()) {
      document.getElementById('draft-heading')?.focus();
    }
  }, [arrived, fresh, notice]);

  return (
    <div className="saved-draft">
      <h3>
        {label(version)} <VersionStatusTag version={version} />
      </h3>
      <p className="muted">
        Written {formatDateTime(version.createdAt)}
        {version.editedAt ? `, edited ${formatDateTime(version.editedAt)}` : ''}
      </p>
      <ShortfallNote version={version} />
      {version.status === 'generating' ? (
        <p>
          Claude is still writing this version. <Link to={url}>Open it</Link> to watch it finish.
        </p>
      ) : null}
      <Form method="post" action={url} className="saved-draft__form" preventScrollReset>
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="from" value="builder" />
        <input type="hidden" name="name" value={version.name ?? ''} />
        <label htmlFor="draft-text" className="label">
          The draft (you can edit it here)
        </label>
        <textarea
          id="draft-text"
          name="text"
          ref={area}
          className="draft-textarea"
          rows={18}
          defaultValue={selected.text}
          readOnly={!editable}
          onChange={(e) => setText(e.target.value)}
          // What Generate and Regenerate ask before a new draft replaces edits not saved here.
          data-unsaved-question={`Your edits to ${label(version)} are not saved. Write a new draft anyway and lose them?`}
        />
        <WordCount report={report} />
        <StockPhrases phrases={stockPhrasesIn(text)} />
        <div className="actions">
          {editable ? (
            <SubmitButton inline formAction={url} fields={{ intent: 'save' }} pendingText="Saving…">
              Save
            </SubmitButton>
          ) : null}
          <CopyButton text={text} field={area} copied={COPIED} onCopied={setCopied} />
          {configured ? (
            <button
              type="submit"
              form="builder"
              name="intent"
              value="generate"
              formAction="/statements/generate"
              className="button--secondary"
            >
              Regenerate
            </button>
          ) : null}
          <span role="status" className="muted">
            {copied || notice || (fresh ? savedNote(version) : '')}
          </span>
        </div>
      </Form>
      <AiNote />
      <p>
        <Link to={url}>Open {label(version)} on its own page</Link> to rename or delete it.
      </p>
    </div>
  );
}

// Memoised: a draft being written redraws the panel with every word, and the list has not changed.
const VersionList = memo(function VersionList({
  statementId,
  versions,
  selectedId,
}: {
  statementId: string;
  versions: VersionSummary[];
  selectedId: string | null;
}) {
  const newest = versions[versions.length - 1]!;
  const before = versions.length > 1 ? versions[versions.length - 2]! : null;
  return (
    <div className="version-list">
      <h3>All versions</h3>
      <ol reversed>
        {[...versions].reverse().map((v) => (
          <li key={v.id}>
            <Link
              to={`/statements/${statementId}?version=${v.id}`}
              aria-current={v.id === selectedId ? 'true' : undefined}
              preventScrollReset
            >
              {label(v)}
            </Link>{' '}
            <VersionStatusTag version={v} />
            <span className="muted">
              {' '}
              · {formatNumber(v.words)} words · {formatDateTime(v.createdAt)}
            </span>
          </li>
        ))}
      </ol>
      {before ? (
        <form method="get" action={`/statements/${statementId}/compare`} className="compare-form">
          <div className="form-grid">
            <VersionSelect
              id="compare-a"
              name="a"
              label="Compare"
              versions={versions}
              defaultId={before.id}
            />
            <VersionSelect
              id="compare-b"
              name="b"
              label="with"
              versions={versions}
              defaultId={newest.id}
            />
          </div>
          <button type="submit" className="button--secondary">
            Compare side by side
          </button>
        </form>
      ) : null}
    </div>
  );
});

/** What the Generate just pressed came to, beside the saved version's buttons. */
function savedNote(version: VersionSummary): string {
  if (version.status === 'stopped') return `Stopped and saved as ${label(version)}.`;
  if (version.status === 'incomplete')
    return `Incomplete: saved what was written as ${label(version)}.`;
  if (version.status === 'complete') return `Finished and saved as ${label(version)}.`;
  return `Saved as ${label(version)}.`;
}
