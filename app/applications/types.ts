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
