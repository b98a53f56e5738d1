// The move's check: each of its texts (move-batches.ts) previewed by the account's import in
// turn, through one fetcher, then shown as one plan.
import { useFetcher } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { replyMessages, type FormReply } from '~/components/forms/messages';
import type { ImportPlan } from '~/portability/import.server';
import { combinePlans } from './move-batches';
import { IMPORT_PATH, previewForm } from './move';

type Account = { id: string; email: string };
type Previewed = { preview: ImportPlan; data: string; fileName: string; account: Account };

/** The whole move as checked: what it adds, the texts to confirm, and the account it is for. */
export type CheckedMove = { plan: ImportPlan; texts: string[]; account: Account };

const ACCOUNT_SWITCHED =
  'You signed in to a different account while this was being checked, so nothing was moved. Check again to see what would go into the account you are signed in to now.';

/** Checks a move of `texts`: progress while it runs, then the plan, or why it was refused. */
export function useMoveCheck() {
  const fetcher = useFetcher<Previewed | FormReply>();
  const [run, setRun] = useState<{ texts: string[]; answers: Previewed[] } | null>(null);
  const [refused, setRefused] = useState<string[]>([]);
  // The answer already taken, so each new one is counted once.
  const seen = useRef<unknown>(null);
  const send = (text: string) =>
    fetcher.submit(previewForm(text), {
      method: 'post',
      action: IMPORT_PATH,
      encType: 'multipart/form-data',
    });

  useEffect(() => {
    const answer = fetcher.data;
    if (!run || fetcher.state !== 'idle' || !answer || answer === seen.current) return;
    seen.current = answer;
    const first = run.answers[0];
    if (!('preview' in answer) || (first && first.account.id !== answer.account.id)) {
      setRun(null);
      setRefused('preview' in answer ? [ACCOUNT_SWITCHED] : replyMessages(answer));
      return;
    }
    const answers = [...run.answers, answer];
    setRun({ ...run, answers });
    if (answers.length < run.texts.length) send(run.texts[answers.length]!);
    // send is made anew each render from the same fetcher; the answer and the run decide.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data, run]);

  const done = run && run.answers.length === run.texts.length ? run.answers : null;
  return {
    check(texts: string[]) {
      seen.current = fetcher.data;
      setRefused([]);
      setRun({ texts, answers: [] });
      send(texts[0]!);
    },
    /** Forgets the check (the browser's data has changed since): the next move checks again. */
    reset() {
      setRun(null);
      setRefused([]);
    },
    /** While checking: how many of how many parts are done. */
    progress: run && !done ? { done: run.answers.length, of: run.texts.length } : null,
    checked: done
      ? ({
          plan: combinePlans(done.map((a) => a.preview)),
          texts: done.map((a) => a.data),
          account: done[0]!.account,
        } satisfies CheckedMove)
      : null,
    refused,
  };
}
