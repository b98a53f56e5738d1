// "Undo this move" beside a status move just made, on an application's page and in the notice a
// list, the board or the dashboard shows (move-notice.tsx): its form, and its refusal read from a
// page's last answer. Apart from the notice, so that an application's page does not load it.
import { Form } from '@remix-run/react';
import { replyMessages, type FormReply } from '~/components/forms/messages';
import { SubmitButton } from '~/components/forms/submit-button';
import { UNDO_MOVE } from './history-date';

/**
 * A page's last answer split in two: a refused "Undo this move", which the notice says where it
 * was pressed, and anything else, for the page's own list of errors.
 */
export function splitUndoRefusal(lastResult: FormReply | null | undefined) {
  const undo = [lastResult?.initialValue?.intent].flat().includes(UNDO_MOVE);
  const messages = replyMessages(lastResult ?? undefined);
  return { undoRefused: undo ? (messages[0] ?? null) : null, errors: undo ? [] : messages };
}

/**
 * "Undo this move" beside a move just made (decision 037): posts the move's history entry to the
 * page's action, with `fields` the page needs besides (the application's id on a list).
 */
export function UndoMoveForm({
  action,
  change,
  fields = {},
  className,
}: {
  /** The page's action; none for the page's own address. */
  action?: string;
  /** The move's history entry. */
  change: string;
  fields?: Record<string, string>;
  className?: string;
}) {
  return (
    <Form method="post" action={action} preventScrollReset className={className}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="change" value={change} />
      <SubmitButton
        inline
        name="intent"
        value={UNDO_MOVE}
        className="button--small button--secondary"
        pendingText="Undoing…"
        formAction={action}
        fields={{ change }}
      >
        Undo this move
      </SubmitButton>
    </Form>
  );
}
