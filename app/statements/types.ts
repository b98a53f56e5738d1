// Shapes shared by the server's queries and the pages.
import type { WordReport } from './words';

export type VersionStatus = 'generating' | 'complete' | 'incomplete' | 'stopped' | 'interrupted';

/** A version as lists and panels show it (its text travels separately). */
export type VersionSummary = {
  id: string;
  number: number;
  name: string | null;
  status: VersionStatus;
  failure: string | null;
  report: WordReport;
  createdAt: string;
  updatedAt: string;
  editedAt: string | null;
};

/** "Version 3", or the name the person gave it. */
export const versionLabel = (v: { number: number; name: string | null }) =>
  v.name?.trim() || `Version ${v.number}`;
