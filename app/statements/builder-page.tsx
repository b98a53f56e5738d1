// The builder page's body, shared by /statements/new and /statements/:id: the form, with the
// draft panel beside it, wired to the streaming Generate.
import type { Constraints, FormReply } from '~/components/forms';
import { useLocation } from '@remix-run/react';
import { useCallback, useDeferredValue, useEffect, useState, type ComponentType } from 'react';
import { BuilderForm, type BuilderDefaults } from './builder';
import { DraftPanel } from './draft-panel';
import type { DraftViewsProps } from './draft-views';
import type { Kind } from './kinds';
import { NOT_CONFIGURED_MESSAGE } from './messages';
import type { VersionSummary } from './types';
import { useDraftStream } from './use-draft-stream';

export function BuilderPage({
  kind,
  constraint,
  defaults,
  wordLimit,
  action,
  configured,
  lastResult,
  statementId = null,
  versions = [],
  selected = null,
  notice = null,
  views,
}: {
  kind: Kind;
  constraint: Constraints;
  defaults: BuilderDefaults;
  wordLimit: number;
  action: string;
  configured: boolean;
  lastResult: FormReply | null | undefined;
  statementId?: string | null;
  versions?: VersionSummary[];
  selected?: { version: VersionSummary; text: string } | null;
  notice?: string | null;
  /** The draft panel's views, from a page that opens on a version (see draft-panel.tsx). */
  views?: ComponentType<DraftViewsProps>;
}) {
  // Errors the streaming route found (with JavaScript) show in the form like the page's own.
  const [streamReply, setStreamReply] = useState<FormReply | null>(null);
  const { live, start, stop, clear } = useDraftStream({ onReply: setStreamReply });
  const location = useLocation();
  const onGenerate = useCallback(
    (form: HTMLFormElement, submitter: HTMLElement | null) => {
      setStreamReply(null);
      void start(form, submitter);
    },
    [start],
  );
  useEffect(() => {
    // A new page (another version chosen, the inputs saved, a finished draft opened) starts afresh.
    clear();
    setStreamReply(null);
  }, [location.key, clear]);
  // The long form redraws only when a draft starts and ends, and then deferred: React draws the
  // panel (the words, the saved version) first, and the form when it has time.
  const phase = live?.phase ?? null;
  const writing = useDeferredValue(
    phase === 'sending' || phase === 'writing' || phase === 'stopping',
  );
  // A page of its own statement needs no id from the draft (the form has it already). A new one
  // takes the id of the statement its first press saved: from the draft, or from a refusal (over
  // the hourly limit), so later presses add to that statement rather than make another.
  const liveStatementId = useDeferredValue(
    defaults.statementId ? null : (live?.statementId ?? savedStatementId(lastResult)),
  );

  return (
    <>
      {!configured ? <p className="notice notice--warning">{NOT_CONFIGURED_MESSAGE}</p> : null}
      <div className="builder">
        <BuilderForm
          // Another kind is another schema: a fresh form, whose checks are that kind's.
          key={kind}
          kind={kind}
          constraint={constraint}
          defaults={defaults}
          lastResult={streamReply ?? lastResult}
          action={action}
          configured={configured}
          writing={writing}
          liveStatementId={liveStatementId}
          onGenerate={onGenerate}
        />
        <DraftPanel
          kind={kind}
          wordLimit={wordLimit}
          statementId={statementId ?? live?.statementId ?? null}
          versions={versions}
          selected={selected}
          live={live}
          onStop={stop}
          configured={configured}
          notice={notice}
          views={views}
        />
      </div>
    </>
  );
}

/** The statement a refused press saved the inputs as, from the action's reply (without JavaScript). */
function savedStatementId(reply: FormReply | null | undefined): string | null {
  const id = reply?.initialValue?.statementId;
  return typeof id === 'string' && id !== '' ? id : null;
}
