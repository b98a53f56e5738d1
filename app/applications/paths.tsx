// Where the tracker's shared components link to. Account pages use the defaults; guest mode
// (app/guest/) supplies its own, whose list filters live in the URL's fragment so that no request
// to the server ever carries a guest's search text (docs/decisions/025).
import { createContext, useContext } from 'react';
import { listQuerySearch, type ListQuery } from './list-query';

/** The addresses the tracker's components link and post to. */
export type TrackerPaths = {
  /** The dashboard. */
  home: string;
  /** The list showing `query` (filters, sort, page). */
  list: (query?: Partial<ListQuery>) => string;
  /** The list's own path, for its filter form and status changes. */
  listPath: string;
  detail: (id: string) => string;
  /** An application's edit form. */
  edit: (id: string) => string;
  newApplication: string;
  /** The board, where this mode has one. */
  board: string | null;
  /** True when list filters are kept in the fragment: the filter form then navigates itself. */
  clientOnly: boolean;
  /** The form that adds an interview or other date to an application. */
  newEvent: (applicationId: string) => string;
  /** The page that changes or deletes one event. */
  event: (applicationId: string, eventId: string) => string;
  /** Where the follow-up date's form posts. */
  followUp: (applicationId: string) => string;
  /** The page that gives the day a status change happened (`changeId`: its history entry's id). */
  historyDate: (applicationId: string, changeId: string) => string;
  /**
   * An event's calendar file (or, without `eventId`, the follow-up's): an address to download it
   * from, or, in guest mode, a function that makes it in the browser.
   */
  calendarFile: (applicationId: string, eventId?: string) => string | (() => void);
  /** Where the dashboard's "Mark as ghosted" buttons post. */
  dashboardAction: string;
  /** Where the person changes the weeks before Ghosted is suggested; null where they cannot. */
  trackerSettings: string | null;
  stats: string;
  log: string;
};

/** The signed-in tracker's addresses. */
export const ACCOUNT_PATHS: TrackerPaths = {
  home: '/',
  list: (query = {}) => `/applications${listQuerySearch(query)}`,
  listPath: '/applications',
  detail: (id) => `/applications/${id}`,
  edit: (id) => `/applications/${id}/edit`,
  newApplication: '/applications/new',
  board: '/applications/board',
  clientOnly: false,
  newEvent: (id) => `/applications/${id}/events/new`,
  event: (id, eventId) => `/applications/${id}/events/${eventId}`,
  followUp: (id) => `/applications/${id}/follow-up`,
  historyDate: (id, changeId) => `/applications/${id}/history/${changeId}`,
  calendarFile: (id, eventId) =>
    eventId
      ? `/applications/${id}/events/${eventId}/calendar.ics`
      : `/applications/${id}/follow-up.ics`,
  dashboardAction: '/?index',
  trackerSettings: '/account#tracker-settings',
  stats: '/stats',
  log: '/job-search-log',
};

const TrackerPathsContext = createContext<TrackerPaths>(ACCOUNT_PATHS);

/** Gives the components below it another set of addresses (guest mode). */
export const TrackerPathsProvider = TrackerPathsContext.Provider;

/** The addresses for the tracker being shown. */
export function useTrackerPaths(): TrackerPaths {
  return useContext(TrackerPathsContext);
}
