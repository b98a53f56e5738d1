// A version as lists and panels show it: its row without the text, its words counted by the
// database. Shared by the reads (queries.server.ts) and the save of a finished draft.
import { statementVersions } from '#db/schema';
import type { VersionStatus, VersionSummary } from './types';
import { wordCountSql } from './words-sql.server';

/** A version still "generating" after this long was cut off (the Worker was stopped, say). */
export const STALE_MS = 2 * 60 * 1000;

type VersionRow = Pick<
  typeof statementVersions.$inferSelect,
  | 'id'
  | 'number'
  | 'name'
  | 'status'
  | 'failure'
  | 'wordLimit'
  | 'createdAt'
  | 'updatedAt'
  | 'editedAt'
> & { words: number };

function statusOf(row: Pick<VersionRow, 'status' | 'updatedAt'>, now = Date.now()): VersionStatus {
  if (row.status === 'generating' && now - row.updatedAt.getTime() > STALE_MS) return 'interrupted';
  return row.status;
}

/** A version's row (its words counted, not its text) as lists and panels show it. */
export function toSummary(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    status: statusOf(row),
    failure: row.failure,
    words: row.words,
    wordLimit: row.wordLimit,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

/** Every column a version's summary needs, with its words counted by the database. */
export const summaryColumns = {
  id: statementVersions.id,
  number: statementVersions.number,
  name: statementVersions.name,
  status: statementVersions.status,
  failure: statementVersions.failure,
  wordLimit: statementVersions.wordLimit,
  createdAt: statementVersions.createdAt,
  updatedAt: statementVersions.updatedAt,
  editedAt: statementVersions.editedAt,
  words: wordCountSql(statementVersions.text),
};
