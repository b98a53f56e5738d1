// The CSV import's preview: what each column becomes (changeable, posted back with the file's text
// to look again), the rows that will be added, and those that will not and why. Then one button adds
// them. Everything is a plain form: without JavaScript each step is a full page.
import { fitsInAccount } from '~/applications/limits';
import { PastLimit } from '../import-preview';
import { Form, Link } from '@remix-run/react';
import { formatDate } from '~/applications/dates';
import { formatSalary } from '~/applications/salary';
import { STATUS_LABELS, type Status } from '~/applications/statuses';
import { dayOf, isAnswer } from '~/applications/history-date';
import { ErrorSummary, SubmitButton } from '~/components/forms';
import { CHOICE_OPTIONS, type ColumnChoice } from './columns';
import { EXPECTED_ACCOUNT } from '../import-steps';
import { CSV_CONFIRM, CSV_REMAP, DATE_ORDER_OPTIONS, previewedAs, type DateOrder } from './steps';

/** One row the preview lists as to be added. */
export type PreviewRow = {
  row: number;
  company: string;
  role: string;
  status: Status;
  /** The day it reached its status, for an answer (interview, offer, rejection…). */
  statusOn: string | null;
  dateApplied: string | null;
  closingDate: string | null;
  salary: string;
};

/** Everything the preview shows; the action builds it (see account.import-csv.tsx). */
export type CsvPreviewData = {
  fileName: string;
  csv: string;
  headers: string[];
  examples: string[];
  choices: ColumnChoice[];
  dateOrder: DateOrder;
  /**
   * Why "Add" added nothing and this preview came back instead: the columns or date order had
   * changed since the preview, another account is signed in now, or the account filled up.
   */
  notAdded: NotAdded | null;
  mixedDates: boolean;
  mappingErrors: string[];
  rows: number;
  add: number;
  held: number;
  /** How many applications the account holds in all. */
  accountHolds: number;
  repeats: number;
  sample: PreviewRow[];
  problems: Array<{ row: number; company: string; role: string; messages: string[] }>;
  problemCount: number;
  statuses: Array<{ text: string; status: Status; known: boolean; rows: number }>;
  /** How many different status texts the file has (the list above stops at 50). */
  statusCount: number;
  /** The account the rows would go into; "Add" is refused if another is signed in by then. */
  account: { id: string; email: string };
};

export type NotAdded = 'columns-changed' | 'account-changed' | 'account-full';

const NOT_ADDED: Record<NotAdded, string> = {
  'columns-changed':
    'You changed the columns or how dates are written, so nothing was added yet: check the rows below again, then add them.',
  'account-changed':
    'You are now signed in to a different account from the one this check was for, so nothing was added: check the rows below for this account, then add them.',
  'account-full':
    'Nothing was added: your account took in other applications since this check, and these would take it past its limit. Here is the check again.',
};

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** The preview page's body. */
export function CsvPreview({ data }: { data: CsvPreviewData }) {
  // A new preview remounts the selects, so each shows the choice the server used.
  const version = previewedAs(data.choices, data.dateOrder);
  return (
    <>
      <section className="card" aria-labelledby="csv-columns">
        <h2 id="csv-columns">What each column is</h2>
        <p>
          From <strong>{data.fileName}</strong>: {count(data.rows, 'row', 'rows')}. JobTrack guessed
          each column from its heading; change any that are wrong, then look again.
        </p>
        <Form method="post" encType="multipart/form-data" key={version} id="csv-mapping">
          <ErrorSummary formId="csv-mapping" formErrors={data.mappingErrors} fieldErrors={{}} />
          {data.notAdded ? (
            <p className="notice" role="status">
              {NOT_ADDED[data.notAdded]}
            </p>
          ) : null}
          <input type="hidden" name="csv" value={data.csv} />
          <input type="hidden" name={EXPECTED_ACCOUNT} value={data.account.id} />
          <input type="hidden" name="fileName" value={data.fileName} />
          <input type="hidden" name="previewed" value={version} />
          <div
            className="table-scroll"
            role="region"
            aria-label="Columns in your file"
            tabIndex={0}
          >
            <table className="csv-columns">
              <thead>
                <tr>
                  <th scope="col">Column in your file</th>
                  <th scope="col">First value</th>
                  <th scope="col">Import as</th>
                </tr>
              </thead>
              <tbody>
                {data.headers.map((header, i) => (
                  <tr key={i}>
                    <th scope="row" id={`csv-col-${i}`}>
                      {header}
                    </th>
                    <td className="csv-columns__example">{data.examples[i]}</td>
                    <td>
                      <select
                        name={`columns[${i}]`}
                        defaultValue={data.choices[i]}
                        aria-labelledby={`csv-col-${i}`}
                      >
                        {CHOICE_OPTIONS.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="field">
            <label htmlFor="csv-date-order">How dates with slashes are written</label>
            {data.mixedDates ? (
              <p className="field__hint" id="csv-date-order-hint">
                This file has dates that only fit day first and others that only fit month first, so
                dates that fit both (like 03/04/2026) are listed as problems below.
              </p>
            ) : null}
            <select
              id="csv-date-order"
              name="dateOrder"
              defaultValue={data.dateOrder}
              aria-describedby={data.mixedDates ? 'csv-date-order-hint' : undefined}
            >
              {DATE_ORDER_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton
            name="intent"
            value={CSV_REMAP}
            className="button--secondary"
            pendingText="Looking again…"
          >
            Look again with these columns
          </SubmitButton>
        </Form>
      </section>
      {data.mappingErrors.length === 0 ? <Outcome data={data} /> : null}
    </>
  );
}

function Outcome({ data }: { data: CsvPreviewData }) {
  return (
    <section className="card" aria-labelledby="csv-outcome">
      <h2 id="csv-outcome">Check what will be added</h2>
      <ul>
        <li>
          <strong>{count(data.add, 'application', 'applications')}</strong> will be added
        </li>
        {data.held > 0 ? (
          <li>
            {count(data.held, 'row is', 'rows are')} already in your account, so not added again
          </li>
        ) : null}
        {data.repeats > 0 ? (
          <li>{count(data.repeats, 'row repeats', 'rows repeat')} an earlier row, so added once</li>
        ) : null}
        {data.problemCount > 0 ? (
          <li>{count(data.problemCount, 'row has', 'rows have')} problems and will not be added</li>
        ) : null}
      </ul>
      <Statuses
        statuses={data.statuses}
        total={data.statusCount}
        dated={data.choices.includes('statusDate')}
      />
      {data.sample.length > 0 ? <RowsToAdd data={data} /> : null}
      {data.problems.length > 0 ? <Problems data={data} /> : null}
      <p>
        Into the account <strong className="address">{data.account.email}</strong>.
      </p>
      {!fitsInAccount(data.accountHolds, data.add) ? (
        <>
          <PastLimit holds={data.accountHolds} adding={data.add} />
          <p>
            <Link to="/account">Back to your account</Link>
          </p>
        </>
      ) : data.add > 0 ? (
        // A button of the mapping form (form="csv-mapping"): it posts the selects as they are now,
        // and the file's text is on the page once.
        <SubmitButton
          form="csv-mapping"
          name="intent"
          value={CSV_CONFIRM}
          pendingText="Importing…"
          after={<Link to="/account">Cancel</Link>}
        >
          {`Add ${count(data.add, 'application', 'applications')}`}
        </SubmitButton>
      ) : (
        <p>
          There is nothing to add. <Link to="/account">Back to your account</Link>
        </p>
      )}
    </section>
  );
}

function Statuses({
  statuses,
  total,
  dated,
}: {
  statuses: CsvPreviewData['statuses'];
  total: number;
  /** A column gives the day each row reached its status. */
  dated: boolean;
}) {
  const read = statuses.filter((s) => s.text !== STATUS_LABELS[s.status]);
  const afterApplying = statuses.some((s) => s.status !== 'saved' && s.status !== 'applied');
  if (read.length === 0 && !afterApplying) return null;
  return (
    <>
      <h3>Statuses</h3>
      {read.length > 0 ? (
        <ul className="csv-statuses">
          {read.map((s) => (
            <li key={s.text}>
              “{s.text || 'no status'}” ({count(s.rows, 'row', 'rows')}) becomes{' '}
              <strong>{STATUS_LABELS[s.status]}</strong>
              {s.known ? '' : ': not a status JobTrack knows, so the nearest'}
            </li>
          ))}
        </ul>
      ) : null}
      {read.length > 0 && total > statuses.length ? (
        <p className="muted">
          and {count(total - statuses.length, 'other status', 'other statuses')}
        </p>
      ) : null}
      {afterApplying && dated ? (
        <p>
          A row further on than Applied (an interview, a rejection, a withdrawal) has that step
          dated by its “Date it reached its status” column; a row with that cell empty, the day you
          applied, or the day of this import when it has no date applied. Where you know better,
          change it afterwards with “Change date” in the application’s status history.
        </p>
      ) : afterApplying ? (
        <p>
          This spreadsheet gives no day for a step after applying, so a row further on than Applied
          (an interview, a rejection, a withdrawal) has that step dated the day you applied, or the
          day of this import when it has no date applied. If a column gives the day it reached its
          status, choose “Date it reached its status” for it above; or change it afterwards with
          “Change date” in the application’s status history.
        </p>
      ) : null}
    </>
  );
}

function RowsToAdd({ data }: { data: CsvPreviewData }) {
  return (
    <>
      <h3 id="csv-add">To be added</h3>
      <div className="table-scroll" role="region" aria-labelledby="csv-add" tabIndex={0}>
        <table className="csv-rows">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Role</th>
              <th scope="col">Company</th>
              <th scope="col">Status</th>
              <th scope="col">Applied</th>
              <th scope="col">Closes</th>
              <th scope="col">Salary</th>
            </tr>
          </thead>
          <tbody>
            {data.sample.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>{r.role}</td>
                <td>{r.company}</td>
                <td>
                  {STATUS_LABELS[r.status]}
                  {r.statusOn ? (
                    <span className="muted nowrap">
                      {' '}
                      on <time dateTime={r.statusOn}>{formatDate(r.statusOn)}</time>
                    </span>
                  ) : null}
                </td>
                <td className="nowrap">{formatDate(r.dateApplied)}</td>
                <td className="nowrap">{formatDate(r.closingDate)}</td>
                <td>{r.salary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.add > data.sample.length ? (
        <p className="muted">and {count(data.add - data.sample.length, 'more', 'more')}</p>
      ) : null}
    </>
  );
}

function Problems({ data }: { data: CsvPreviewData }) {
  return (
    <>
      <h3 id="csv-problems">Not added: rows with problems</h3>
      <p>
        Correct these in your spreadsheet and import the file again; the rows added now are skipped
        then.
      </p>
      <ul className="csv-problems" aria-labelledby="csv-problems">
        {data.problems.map((p) => (
          <li key={p.row}>
            <strong>
              Row {p.row}
              {p.role || p.company ? ` (${[p.role, p.company].filter(Boolean).join(' at ')})` : ''}
            </strong>
            : {p.messages.join('. ')}.
          </li>
        ))}
      </ul>
      {data.problemCount > data.problems.length ? (
        <p className="muted">
          and {count(data.problemCount - data.problems.length, 'more', 'more')}
        </p>
      ) : null}
    </>
  );
}

/** The preview's row for an application: what the table shows. */
export function previewRow(
  row: number,
  a: {
    company: string;
    role: string;
    status: Status;
    statusHistory: ReadonlyArray<{
      from: Status | null;
      to: Status;
      at: string;
      on: string | null;
    }>;
    dateApplied: string | null;
    closingDate: string | null;
    salaryMin: number | null;
    salaryMax: number | null;
    salaryNote: string | null;
  },
): PreviewRow {
  const last = a.statusHistory.at(-1);
  return {
    row,
    company: a.company,
    role: a.role,
    status: a.status,
    // Undated, it is dated the day it is recorded: the day of the import.
    statusOn: last && isAnswer(last.from, last.to) ? dayOf(last) : null,
    dateApplied: a.dateApplied,
    closingDate: a.closingDate,
    salary: formatSalary(a.salaryMin, a.salaryMax, a.salaryNote),
  };
}
