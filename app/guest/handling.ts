// Where each guest form's handling lives. A guest form page's first load holds the form alone: the
// code that checks and saves it (Conform's zod adapter, zod and the schemas, about 27 KiB gzipped)
// is fetched when the form is sent (form-handling.ts), and guest mode fetches it as it opens
// (preload.tsx), so that it is there offline (docs/decisions/039). Nothing here loads anything
// by itself: a static import of this module costs a page a few bytes, and pages without a form
// (the status change on the dashboard, list and board) reach it without Conform, which
// form-handling.ts brings.

/** Adding and editing an application, and the one-step status change. */
export const loadApplicationHandling = () => import('./actions');

/** Dates: adding, editing and deleting one, the follow-up date and a status change's day. */
export const loadEventHandling = () => import('./event-actions');

/** Importing a backup file. */
export const loadImportHandling = () => import('./import');

/** Checking the dates the job-search log is asked for (none are needed for its default range). */
export const loadLogRangeChecks = () => import('~/job-search-log/range-schema');

/** What `load` fetches, or null (said on the console) when it cannot be fetched. */
export async function loadHandling<Handling>(load: () => Promise<Handling>) {
  try {
    return await load();
  } catch (error) {
    console.error('A guest form’s handling could not be fetched', error);
    return null;
  }
}
