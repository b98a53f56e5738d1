import type { Status } from './statuses';

/** One row of the applications list, as the loader sends it to the page. */
export type ListRow = {
  id: string;
  company: string;
  role: string;
  status: Status;
  closingDate: string | null;
  /** ISO timestamp. */
  updatedAt: string;
};

/** An application on the dashboard's "closing soon" list. */
export type ClosingSoonRow = {
  id: string;
  company: string;
  role: string;
  status: Status;
  closingDate: string;
};

/** The fields an application's page shows. */
export type ApplicationDetail = {
  status: Status;
  dateApplied: string | null;
  closingDate: string | null;
  advertUrl: string | null;
  location: string | null;
  salary: string | null;
  source: string | null;
  notes: string | null;
};

/** One step of an application's status history; `fromStatus` is null for the first. */
export type HistoryEntry = {
  id: string;
  fromStatus: Status | null;
  toStatus: Status;
  /** ISO timestamp. */
  changedAt: string;
};
