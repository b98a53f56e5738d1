// The events of a draft being written, as the enhanced form receives them (one JSON a line).
import type { Shortfall } from './messages';
import type { VersionSummary } from './types';
import type { WordReport } from './words';

/** What the person's page is told, in order: the start, each piece of text, then the end. */
export type DraftEvent =
  | { type: 'start'; statementId: string; versionId: string; number: number; wordLimit: number }
  | { type: 'text'; text: string }
  | {
      type: 'end';
      statementId: string;
      /** Null when nothing was written, so no version was kept. */
      versionId: string | null;
      /** The saved version as the page lists it, so the page can show it without asking again. */
      version: VersionSummary | null;
      number: number;
      status: 'complete' | 'incomplete' | 'stopped';
      shortfall: Shortfall | null;
      /** What to tell the person when the draft is not complete (or could not be saved). */
      message: string | null;
      saved: boolean;
      report: WordReport;
      stockPhrases: string[];
    };
