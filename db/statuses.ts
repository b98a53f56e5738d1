/**
 * Every application status, in the order a search usually runs. Free of Drizzle imports, so the
 * database enum and the browser's status menus share this one list.
 */
export const APPLICATION_STATUSES = [
  'saved',
  'applied',
  'interviewing',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
  'ghosted',
] as const;
