// What analytics may send: a short allowlist of named events, and page views whose address is
// cut down to the kind of page. Free of posthog-js, so the rules are tested on their own.

/** The only events JobTrack sends besides page views. None carries properties of its own. */
export const ANALYTICS_EVENTS = [
  'application_created',
  'status_changed',
  'statement_generated',
  'data_exported',
  'data_imported',
  // Issue 11 (guest mode) sends this when a guest starts.
  'guest_started',
] as const;
export type AnalyticsEvent = (typeof ANALYTICS_EVENTS)[number];

const PAGEVIEW = '$pageview';
const UUID_SEGMENT = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi;

/** The path with every id replaced by ":id", and no query string or fragment. */
export function cleanPath(pathname: string): string {
  return pathname.replace(UUID_SEGMENT, '/:id');
}

// The properties posthog-js adds that an event may keep: what kind of browser and screen, the
// library, and PostHog's own bookkeeping. Everything else is dropped, so a property added by a
// later posthog-js (a referrer, a page title holding a company's name) never leaves the browser.
const KEPT = new Set([
  'token',
  'distinct_id',
  '$cookieless_mode',
  '$process_person_profile',
  '$lib',
  '$lib_version',
  '$browser',
  '$browser_version',
  '$browser_language',
  '$os',
  '$os_version',
  '$device_type',
  '$screen_height',
  '$screen_width',
  '$viewport_height',
  '$viewport_width',
  '$timezone',
  '$insert_id',
  '$time',
  '$session_id',
  '$window_id',
  '$is_identified',
  '$configured_session_timeout_ms',
]);

type Captured = {
  event: string;
  properties?: Record<string, unknown>;
  $set?: unknown;
  $set_once?: unknown;
};

/**
 * posthog-js's before_send: null (not sent) for anything off the allowlist; otherwise the event
 * with only KEPT properties, the page as origin + cleanPath, and no person properties ($set).
 */
export function sanitizeEvent<T extends Captured>(captured: T | null): T | null {
  if (!captured) return null;
  const allowed =
    captured.event === PAGEVIEW || (ANALYTICS_EVENTS as readonly string[]).includes(captured.event);
  if (!allowed) return null;
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(captured.properties ?? {})) {
    if (KEPT.has(key)) properties[key] = value;
  }
  const url =
    typeof captured.properties?.$current_url === 'string' ? captured.properties.$current_url : null;
  if (url) {
    try {
      const parsed = new URL(url);
      properties.$current_url = parsed.origin + cleanPath(parsed.pathname);
      properties.$host = parsed.host;
      properties.$pathname = cleanPath(parsed.pathname);
    } catch {
      // An address that does not parse is not sent at all.
    }
  }
  const { $set: _set, $set_once: _once, ...rest } = captured;
  return { ...rest, properties } as T;
}
