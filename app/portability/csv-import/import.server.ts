// The CSV import's server half: what a mapped file would add to the person's account, and adding
// it. Both go through the JSON import's path (decision 024): one asUser transaction of one round
// trip, an application skipped when its id is already held, a unique index against a doubled submit.
import type { AppLoadContext } from '@remix-run/cloudflare';
import type { Person } from '~/db.server';
import type { ExportDocument } from '../format';
import { FORMAT_NAME, FORMAT_VERSION } from '../format-limits';
import { heldApplicationIds, importDocument } from '../import.server';
import { guessDateOrder } from './cells';
import type { DateOrder } from './steps';
import { type ColumnChoice } from './columns';
import { mapRows, type MappedRows } from './rows';
import type { Table } from './read';

/** The rows to add as an export document, so the JSON import's code adds them. */
function documentOf(mapped: MappedRows, now: Date): ExportDocument {
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    exportedAt: now.toISOString(),
    applications: mapped.add.map((r) => r.application),
    statements: [],
    settings: { ghostAfterWeeks: null },
  };
}

/** The date order a column mapping's dates suggest, and whether the file writes them both ways. */
export function dateOrderOf(table: Table, choices: readonly ColumnChoice[]) {
  const columns = choices.flatMap((c, i) =>
    // Not the status date's: read only for some rows, it should not decide how all are read.
    c === 'dateApplied' || c === 'closingDate' ? [i] : [],
  );
  return guessDateOrder(table.rows.flatMap((row) => columns.map((i) => row[i] ?? '')));
}

/**
 * A mapped file: its rows read, which of those to add the account already holds, and how many
 * applications it holds in all (none counted when the file has nothing to add).
 */
export type CsvPlan = MappedRows & { held: Set<string>; total: number };

/** Every row of the file read with this mapping and date order. */
export function mapFile(
  table: Table,
  choices: readonly ColumnChoice[],
  order: DateOrder,
  now = new Date(),
): Promise<MappedRows> {
  return mapRows(table, choices, { order, mixedOrder: dateOrderOf(table, choices).mixed, now });
}

/**
 * Reads every row with this mapping and looks up which the person already has (one round trip,
 * none when there is nothing to add); changes nothing.
 */
export async function planCsvImport(
  context: AppLoadContext,
  who: Person,
  table: Table,
  choices: readonly ColumnChoice[],
  order: DateOrder,
  now = new Date(),
): Promise<CsvPlan> {
  const mapped = await mapFile(table, choices, order, now);
  const { ids: held, total } = mapped.add.length
    ? await heldApplicationIds(context, who, documentOf(mapped, now))
    : { ids: new Set<string>(), total: 0 };
  return { ...mapped, held, total };
}

/** Adds the rows the account does not hold yet, all in one transaction or none. */
export function importCsvRows(context: AppLoadContext, who: Person, mapped: MappedRows) {
  return importDocument(context, who, documentOf(mapped, new Date()));
}
