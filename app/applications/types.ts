import type { Status } from './statuses';

/** One row of the applications list (and a card on the board), as the loader sends it. */
export type ListRow = {
  id: string;
  company: string;
  role: string;
  status: Status;
  closingDate: string | null;
  /** HH:MM:SS in London; null for the end of the day. */
  closingTime: string | null;
  mayCloseEarly: boolean;
  grade: string | null;
  /** ISO timestamp. */
  updatedAt: string;
};

/** An application on one of the dashboard's lists. */
export type DashboardRow = {
  id: string;
  company: string;
  role: string;
  status: Status;
  closingDate: string | null;
  closingTime: string | null;
  mayCloseEarly: boolean;
};

/** Everything the person can enter about an application, as stored (dates as YYYY-MM-DD). */
export type ApplicationRecord = {
  company: string;
  role: string;
  status: Status;
  dateApplied: string | null;
  closingDate: string | null;
  closingTime: string | null;
  mayCloseEarly: boolean;
  advertUrl: string | null;
  reference: string | null;
  grade: string | null;
  location: string | null;
  source: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryNote: string | null;
  notes: string | null;
};

/** The fields an application's page shows. */
export type ApplicationDetail = ApplicationRecord;

/** One step of an application's status history; `fromStatus` is null for the first. */
export type HistoryEntry = {
  id: string;
  fromStatus: Status | null;
  toStatus: Status;
  /** ISO timestamp of when it was recorded. */
  changedAt: string;
  /** The day it happened, when the person gave one (YYYY-MM-DD). */
  occurredOn: string | null;
  /**
   * Recorded by a one-step move (the status menu), which keeps what undoing it puts back: it can
   * be undone while nothing has changed the application since (undo-move.server.ts).
   */
  oneStep?: boolean;
};
