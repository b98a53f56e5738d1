// How many drafts a person may start: per hour and per day (set by the operator) and at once.
// Each limit is worded for the person with the time they can go on.

/** Drafts one person may have being written at the same time (two tabs, say). */
export const AT_ONCE = 2;

/** The operator's limits per person (STATEMENT_GENERATIONS_PER_HOUR and _PER_DAY). */
export type Allowance = { perHour: number; perDay: number };

/** Which limit stopped a draft from starting. */
export type Refusal =
  { limit: 'hour' | 'day'; count: number; retryAt: Date } | { limit: 'at-once'; count: number };

const london = (date: Date, options: Intl.DateTimeFormatOptions) =>
  date.toLocaleString('en-GB', { timeZone: 'Europe/London', ...options });

/** "You have generated 20 drafts in the last hour, … You can generate again at 14:05. …" */
export function refusalMessage(refusal: Refusal): string {
  if (refusal.limit === 'at-once') {
    return (
      `You already have ${refusal.count} drafts being written. Wait for one to finish, or stop it, ` +
      'then press Generate again. Your inputs are saved.'
    );
  }
  const time = london(refusal.retryAt, { hour: '2-digit', minute: '2-digit' });
  const when =
    refusal.limit === 'hour'
      ? `at ${time}`
      : `at ${time} on ${london(refusal.retryAt, { day: 'numeric', month: 'short' })}`;
  const window = refusal.limit === 'hour' ? 'the last hour' : 'the last 24 hours';
  return (
    `You have generated ${refusal.count} drafts in ${window}, the most the Statement Builder ` +
    `allows. You can generate again ${when}. Your inputs are saved.`
  );
}
