// The enhanced Generate: posts the builder form to /statements/generate and reads the answer one
// JSON event a line, so the words show as Claude writes them. Without JavaScript the same button
// posts the form and the server answers with a page that renders as it arrives.
import { FORM_TOO_LARGE, type FormReply } from '~/components/forms/messages';
import { useNavigate } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { draftViewsFailed } from './draft-panel';
import type { DraftEvent } from './events';

type End = Extract<DraftEvent, { type: 'end' }>;

export type LiveDraft = {
  phase: 'sending' | 'writing' | 'stopping' | 'ended' | 'failed';
  statementId: string | null;
  versionId: string | null;
  number: number | null;
  wordLimit: number | null;
  text: string;
  end: End | null;
  /** Why nothing could start, or why the connection dropped. */
  error: string | null;
};

const DROPPED =
  'The connection to JobTrack dropped while the draft was being written. It is still being ' +
  'written and saved: it will appear in your versions in a moment.';

/** The events of each piece of the answer as it arrives (a piece may hold several, or none). */
async function* eventsOf(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const events: DraftEvent[] = [];
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line) events.push(JSON.parse(line) as DraftEvent);
    }
    if (events.length > 0) yield events;
  }
}

/** Runs `then` after the next frame has been painted. */
function afterNextPaint(then: () => void) {
  requestAnimationFrame(() => setTimeout(then, 0));
}

/** The form's fields with the pressed button's name and value, as a real submission sends them. */
function formDataOf(form: HTMLFormElement, submitter: HTMLElement | null): FormData {
  try {
    return new FormData(form, submitter);
  } catch {
    // Browsers before 2023 take no submitter: add the button's own field by hand.
    const data = new FormData(form);
    if (submitter instanceof HTMLButtonElement && submitter.name)
      data.set(submitter.name, submitter.value);
    return data;
  }
}

/**
 * The live draft and the two things a person can do to it: start (Generate) and stop. When a
 * draft ends with a saved version, the panel shows it at once and the page then moves to it
 * (`/statements/:id?version=…`).
 */
export function useDraftStream({ onReply }: { onReply: (reply: FormReply) => void }) {
  const [live, setLive] = useState<LiveDraft | null>(null);
  const navigate = useNavigate();
  const running = useRef(false);
  const ids = useRef<{ statementId: string | null; versionId: string | null }>({
    statementId: null,
    versionId: null,
  });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const update = (change: Partial<LiveDraft> | ((draft: LiveDraft) => Partial<LiveDraft>)) => {
    if (!mounted.current) return;
    setLive((draft) =>
      draft ? { ...draft, ...(typeof change === 'function' ? change(draft) : change) } : draft,
    );
  };

  const start = useCallback(
    async (form: HTMLFormElement, submitter: HTMLElement | null) => {
      if (running.current) return;
      running.current = true;
      ids.current = { statementId: null, versionId: null };
      setLive((previous) => ({
        phase: 'sending',
        // A statement an earlier press saved (a refused one, over the hourly limit) stays this
        // form's, whatever happens to this press: the next goes there too, never to a new one.
        statementId: previous?.statementId ?? null,
        versionId: null,
        number: null,
        wordLimit: null,
        text: '',
        end: null,
        error: null,
      }));
      try {
        const response = await fetch('/statements/generate', {
          method: 'POST',
          body: formDataOf(form, submitter),
          headers: { Accept: 'application/x-ndjson' },
        });
        if (response.status === 413) {
          // Past the largest form the server reads: plain text, not the JSON of other refusals.
          update({ phase: 'failed', error: FORM_TOO_LARGE });
          return;
        }
        if (!response.ok || !response.body) {
          const answer = (await response.json().catch(() => ({}))) as {
            reply?: FormReply;
            formErrors?: string[];
            duplicate?: string;
            /** The statement the refused press saved the inputs as (over the hourly limit). */
            statementId?: string;
          };
          if (answer.duplicate) {
            setLive(null);
            navigate(answer.duplicate);
            return;
          }
          if (answer.reply) {
            setLive(null);
            onReply(answer.reply);
            return;
          }
          update({
            phase: 'failed',
            error: answer.formErrors?.[0] ?? 'Something went wrong on our side. Please try again.',
            // The form's next Generate or Save goes to that statement, not to a new one.
            ...(answer.statementId ? { statementId: answer.statementId } : {}),
          });
          return;
        }
        let end = null as End | null; // set by apply()
        const apply = (event: DraftEvent) => {
          if (event.type === 'start') {
            ids.current = { statementId: event.statementId, versionId: event.versionId };
            update({
              phase: 'writing',
              ...ids.current,
              number: event.number,
              wordLimit: event.wordLimit,
            });
          } else if (event.type === 'text') {
            update((draft) => ({ text: draft.text + event.text }));
          } else {
            end = event;
            update({ phase: 'ended', end: event });
          }
        };
        try {
          for await (const events of eventsOf(response.body)) {
            // Drawn as they arrive, one render a piece, not in a task React would queue behind
            // other work: on screen by the next frame.
            flushSync(() => events.forEach(apply));
          }
        } catch (error) {
          // A connection cut after the last event has lost nothing: the draft has ended.
          if (!end) throw error;
        }
        if (end?.version) {
          const to = `/statements/${end.statementId}?version=${end.version.id}`;
          // The panel already shows the saved version, from the last event; the page moves to
          // its address (and reloads its list) once that is on screen, so it never delays it.
          afterNextPaint(() => {
            if (!mounted.current) return;
            // Its page needs the panel's views: if they could not load here, they load with it.
            if (draftViewsFailed()) window.location.replace(to);
            else
              navigate(to, {
                replace: true,
                preventScrollReset: true,
                state: { fromGeneration: true },
              });
          });
        } else if (!end) {
          update({ phase: 'failed', error: DROPPED });
        }
      } catch {
        update({ phase: 'failed', error: DROPPED });
      } finally {
        running.current = false;
      }
    },
    // `navigate` and `onReply` are stable enough for one press; a stale one would still work.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const stop = useCallback(async () => {
    const { statementId, versionId } = ids.current;
    if (!statementId || !versionId) return;
    update({ phase: 'stopping' });
    // The writing notices within a second or so, then ends the stream with what it has.
    await fetch(`/statements/${statementId}/versions/${versionId}/stop`, {
      method: 'POST',
      headers: { Accept: 'application/json' },
    }).catch(() => update({ phase: 'writing' }));
  }, []);

  // A page change clears a finished draft, never one still being written.
  const clear = useCallback(() => {
    if (!running.current) setLive(null);
  }, []);

  return { live, start, stop, clear };
}
