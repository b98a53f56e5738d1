// What each move in an application's history says in the job-search log: the action, in words a
// Work Coach reads.
import type { Status } from '~/applications/statuses';

const ACTION: Record<Status, string> = {
  saved: 'Saved the advert',
  applied: 'Applied',
  interviewing: 'Invited to interview',
  offer: 'Offered the job',
  accepted: 'Accepted the job offer',
  rejected: 'Told the application was unsuccessful',
  withdrawn: 'Withdrew the application',
  ghosted: 'No reply from the employer',
};

/** The action a history row records: a move from `from` (none when first added) to `to`. */
export function actionFor(from: Status | null, to: Status): string {
  if (to === 'saved' && from !== null) return 'Moved back to Saved';
  return ACTION[to];
}
