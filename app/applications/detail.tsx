import { track } from '~/analytics/posthog.client';
import { Form, Link } from '@remix-run/react';
import { useEffect, useRef, type ReactNode } from 'react';
import type { FormReply } from '~/components/forms/messages';
import { SubmitButton } from '~/components/forms/submit-button';
import { isWebAddress } from './web-address';
import { ClosingLabel } from './closing-label';
import { formatDate, formatDateTime, formatInstantDate, type LondonNow } from './dates';
import { isDateable, moveLabel } from './history-date';
import { splitUndoRefusal, UndoMoveForm } from './undo-move';
import { useTrackerPaths } from './paths';
import { formatSalary } from './salary';
import { StatusBadge } from './status-badge';
import { STATUS_OPTIONS, statusLabel, type Status } from './statuses';
import type { ApplicationDetail, HistoryEntry } from './types';
import { KIND_LABELS, type EventKind } from '~/events/kinds';
import { useHydrated } from '~/components/hydrated';
import { focusIsLost } from '~/components/focus-on-new-page';

const none = <span className="muted">Not given</span>;

/** An application's fields, each shown as the person typed it. */
export function ApplicationDetails({
  application,
  now,
}: {
  application: ApplicationDetail;
  now: LondonNow;
}) {
  const a = application;
  const rows: Array<[string, ReactNode]> = [
    ['Date applied', a.dateApplied ? formatDate(a.dateApplied) : none],
    [
      'Closing date',
      a.closingDate ? (
        <ClosingLabel
          closingDate={a.closingDate}
          closingTime={a.closingTime}
          mayCloseEarly={a.mayCloseEarly}
          now={now}
        />
      ) : (
        none
      ),
    ],
    ['Reference number', a.reference || none],
    ['Band or grade', a.grade || none],
    ['Salary', formatSalary(a.salaryMin, a.salaryMax, a.salaryNote) || none],
    ['Location', a.location || none],
    ['Source', a.source || none],
    [
      'Job advert',
      // Checked again here: only http(s) addresses ever become links.
      a.advertUrl && isWebAddress(a.advertUrl) ? (
        <a href={a.advertUrl} target="_blank" rel="noopener noreferrer" className="advert-link">
          {a.advertUrl}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : (
        a.advertUrl || none
      ),
    ],
  ];
  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading" className="visually-hidden">
        Details
      </h2>
      <dl className="details">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="details__notes-heading">Notes</h3>
      {a.notes ? <p className="notes">{a.notes}</p> : <p className="muted">No notes yet.</p>}
    </section>
  );
}

/** The id of an application page's status form, for a link to it. */
export const STATUS_CHANGE_ID = 'status-change';

/**
 * Sent by the status form and "Undo this move" once JavaScript runs: the page then keeps its
 * scroll, so the answer need not lead back to the form (docs/decisions/037).
 */
export const STAY = 'stay';

/** A status move just made on an application's page, said beside its form. */
export type StatusMove = {
  applicationId: string;
  /** The history entry the move recorded. */
  entry: HistoryEntry;
  /** True while nothing has changed the application since the move. */
  undoable: boolean;
};

/** The one-step status change on an application's page. */
export function StatusChangeForm({
  status,
  lastResult,
  action,
  moved,
  notice,
}: {
  status: Status;
  lastResult?: FormReply;
  /** Where to post, when not this page's own address (guest mode keeps the id's fragment). */
  action?: string;
  /** Just after a move: what moved, said beside the button, with a way to undo it. */
  moved?: StatusMove | null;
  /** Said with no move: after an undo, or a status sent unchanged. */
  notice?: string | null;
}) {
  // "Undo this move" refused is said in the status region, not against the menu it did not use.
  const { undoRefused, errors } = splitUndoRefusal(lastResult);
  const [error] = errors;
  const hydrated = useHydrated();
  // Only a move to the status shown: not one another tab has moved on from since.
  const move = moved && !undoRefused && !error && moved.entry.toStatus === status ? moved : null;
  const said = undoRefused ?? (notice && !error ? notice : null);
  const menu = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    // The pressed Undo button is gone: keyboard and screen reader users go on from the menu.
    if (notice && focusIsLost()) menu.current?.focus();
  }, [notice]);
  return (
    <div id={STATUS_CHANGE_ID} className="card status-change" data-focus-target>
      <Form
        method="post"
        action={action}
        preventScrollReset
        onSubmit={() => track('status_changed')}
      >
        <input type="hidden" name="intent" value="status" />
        {hydrated ? <input type="hidden" name={STAY} value="1" /> : null}
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <label htmlFor="status">Status</label>
          <div className="status-change__row">
            <select
              ref={menu}
              id="status"
              name="status"
              defaultValue={status}
              key={status}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'status-error' : undefined}
            >
              {STATUS_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <SubmitButton inline pendingText="Updating…" fields={{ intent: 'status' }}>
              Update status
            </SubmitButton>
          </div>
          {error ? (
            <p className="field__error" id="status-error">
              {error}
            </p>
          ) : null}
        </div>
      </Form>
      {/* One region, there before its words, so that a screen reader says them when they come. */}
      <div role="status" className={move || said ? 'notice' : undefined}>
        {move ? <MoveSaid {...move} /> : said}
      </div>
      {move?.undoable ? (
        <UndoMoveForm
          action={action}
          change={move.entry.id}
          fields={hydrated ? { [STAY]: '1' } : {}}
          className="status-change__undo"
        />
      ) : null}
    </div>
  );
}

/**
 * What a status move did, said where the person pressed the button (on a phone the status badge
 * and the history are a screen away): the move and its date, which the job-search log and stats
 * use, with the way to change that date.
 */
function MoveSaid({ applicationId, entry }: StatusMove) {
  const paths = useTrackerPaths();
  const day = entry.occurredOn ? formatDate(entry.occurredOn) : formatInstantDate(entry.changedAt);
  const move = `Moved to ${statusLabel(entry.toStatus)}${
    entry.fromStatus ? ` from ${statusLabel(entry.fromStatus)}` : ''
  }`;
  if (!isDateable(entry.toStatus)) {
    return (
      <>
        {move}, dated by the date applied: {day}. If you sent it on another day,{' '}
        <Link to={paths.edit(applicationId)}>change the date applied</Link>.
      </>
    );
  }
  return (
    <>
      {move}, dated {day}. If it happened on another day,{' '}
      <Link to={paths.historyDate(applicationId, entry.id)}>change the date</Link>.
    </>
  );
}

/** An interview or other dated event, as the history shows it among the status changes. */
export type HistoryEvent = { id: string; kind: EventKind; startsAt: string };

// Where a history entry sits in time: a day the person gave counts as its middle.
const entryInstant = (h: HistoryEntry) =>
  h.occurredOn ? `${h.occurredOn}T12:00:00.000Z` : h.changedAt;

/**
 * Every status the application has had, newest first, each with when it changed, and its
 * interviews and other dates among them (those still to come at the top).
 */
export function StatusHistory({
  applicationId,
  history,
  events = [],
  now,
}: {
  applicationId: string;
  history: HistoryEntry[];
  events?: HistoryEvent[];
  /** ISO instant the page was made, to tell dates to come from past ones. */
  now?: string;
}) {
  const dated = [...events].sort((x, y) => (x.startsAt < y.startsAt ? 1 : -1));
  const items: Array<
    { type: 'status'; entry: HistoryEntry } | { type: 'event'; event: HistoryEvent }
  > = [];
  // When the application was added: its first entry's moment (the history is newest first).
  const addedAt = history.at(-1)?.changedAt;
  for (const entry of history) {
    while (dated.length > 0 && dated[0]!.startsAt >= entryInstant(entry)) {
      items.push({ type: 'event', event: dated.shift()! });
    }
    items.push({ type: 'status', entry });
  }
  for (const event of dated) items.push({ type: 'event', event });
  const paths = useTrackerPaths();
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">Status history</h2>
      <ol className="history">
        {items.map((item) =>
          item.type === 'event' ? (
            <li key={item.event.id} className="history__event">
              <span className="history__event-kind">{KIND_LABELS[item.event.kind]}</span>
              <span>{now && item.event.startsAt > now ? 'coming up' : 'date'}</span>
              <time dateTime={item.event.startsAt} className="muted">
                {formatDateTime(item.event.startsAt)}
              </time>
            </li>
          ) : (
            <StatusEntry
              key={item.entry.id}
              h={item.entry}
              withAdding={item.entry.changedAt === addedAt}
              dateHref={
                isDateable(item.entry.toStatus)
                  ? paths.historyDate(applicationId, item.entry.id)
                  : null
              }
            />
          ),
        )}
      </ol>
    </section>
  );
}

/**
 * One change, with a link to give the day it happened (`dateHref`; none for a move to Applied).
 * `withAdding`: recorded as the application was added (added at Rejected with a date applied is
 * two entries, to Applied on that day and on to Rejected, both recorded then).
 */
function StatusEntry({
  h,
  dateHref,
  withAdding,
}: {
  h: HistoryEntry;
  dateHref: string | null;
  withAdding: boolean;
}) {
  return (
    <li>
      <StatusBadge status={h.toStatus} />
      <span>{h.fromStatus ? `from ${statusLabel(h.fromStatus)}` : 'when added'}</span>
      {/* A day the person gave is when it happened; otherwise, when it was recorded. */}
      {h.occurredOn ? (
        <time dateTime={h.occurredOn} className="muted">
          {formatDate(h.occurredOn)}
        </time>
      ) : (
        <time dateTime={h.changedAt} className="muted">
          {formatDateTime(h.changedAt)}
        </time>
      )}
      {dateHref ? (
        <Link to={dateHref} className="history__date-link">
          Change date
          <span className="visually-hidden">
            : {moveLabel(h.fromStatus, h.toStatus)},{' '}
            {h.occurredOn ? formatDate(h.occurredOn) : formatDateTime(h.changedAt)}
          </span>
        </Link>
      ) : null}
      {/* Added already past Applied (typed in late, or from a spreadsheet): the day it was
          recorded is rarely the day it happened, and the job-search log prints that day. */}
      {dateHref && withAdding && !h.occurredOn && h.toStatus !== 'saved' ? (
        <p className="history__hint muted">
          This is the day it was added here. If it happened earlier, change the date, so the
          job-search log and stats show the right day.
        </p>
      ) : null}
    </li>
  );
}
