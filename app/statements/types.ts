// Shapes shared by the server's queries and the pages.
export type VersionStatus = 'generating' | 'complete' | 'incomplete' | 'stopped' | 'interrupted';

/** A version as lists and panels show it (its text travels separately, and only when shown). */
export type VersionSummary = {
  id: string;
  number: number;
  name: string | null;
  status: VersionStatus;
  failure: string | null;
  /** Its words, as countWords counts them. */
  words: number;
  wordLimit: number;
  createdAt: string;
  updatedAt: string;
  editedAt: string | null;
};
