// An event's limits, free of zod: the export format uses them, and the schema (event-schema.ts)
// enforces them.

/** Field limits, shared by the schema and its tests. */
export const EVENT_LIMITS = { place: 300, link: 2000, notes: 5000 } as const;

/** Events one application may hold, far above any real recruitment; the export format's cap too. */
export const MAX_EVENTS_PER_APPLICATION = 200;
