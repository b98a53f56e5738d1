// The one rule for an import's dates under an application the person already holds (decision
// 024): the file's dates it lacks fill it up to MAX_EVENTS_PER_APPLICATION, earliest first, so its
// export stays importable. The guest's import applies it, the account import's preview counts
// with it, and the account import's SQL (import.server.ts, eventInsert) orders and caps the same
// way, which the imports' tests hold on one fixture.
import { MAX_EVENTS_PER_APPLICATION } from '~/events/limits';

type Dated = { id: string; startsAt: string };

// Soonest first, as the SQL's `order by starts_at, create_key`: instants compared as instants (a
// file may write an offset), then ids (lower case, as format.ts gives them, which orders as uuids).
function earliestFirst(x: Dated, y: Dated) {
  const [a, b] = [Date.parse(x.startsAt), Date.parse(y.startsAt)];
  if (a !== b) return a - b;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/**
 * The dates of `fromFile` that an application already holding `heldCount` dates gains on import:
 * those whose id `isHeld` does not know, earliest first, as many as fit under the limit.
 */
export function datesToAdd<T extends Dated>(
  fromFile: readonly T[],
  heldCount: number,
  isHeld: (id: string) => boolean,
): T[] {
  const room = Math.max(0, MAX_EVENTS_PER_APPLICATION - heldCount);
  return fromFile
    .filter((e) => !isHeld(e.id))
    .sort(earliestFirst)
    .slice(0, room);
}
