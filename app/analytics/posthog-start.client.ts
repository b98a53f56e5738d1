// The second half of the analytics wrapper (posthog.client.ts): posthog-js itself, set up
// cookieless with every automatic collection off. Loaded only once analytics may run.
// The slim build: the full one also holds the toolbar, which stores `_postHogToolbarParams` in
// localStorage when a link ends in #__posthog=… carrying the project's key.
import posthog from 'posthog-js/dist/module.slim';
import { sanitizeEvent } from './events';
import type { AnalyticsSettings } from './posthog.client';

/** posthog-js, started with JobTrack's settings (call once). */
export function startPostHog(settings: AnalyticsSettings) {
  posthog.init(settings.key, {
    api_host: settings.host,
    // No cookie, no local or session storage: PostHog counts visitors with a server-side hash.
    cookieless_mode: 'always',
    persistence: 'memory',
    disable_persistence: true,
    person_profiles: 'never',
    // Nothing collected unless JobTrack names it: no clicks, text, recordings, surveys, heatmaps.
    autocapture: false,
    rageclick: false,
    capture_dead_clicks: false,
    capture_heatmaps: false,
    enable_heatmaps: false,
    capture_exceptions: false,
    capture_performance: false,
    capture_pageview: false,
    capture_pageleave: false,
    disable_session_recording: true,
    disable_surveys: true,
    disable_product_tours: true,
    disable_conversations: true,
    disable_web_experiments: true,
    disable_external_dependency_loading: true,
    advanced_disable_flags: true,
    save_referrer: false,
    respect_dnt: true,
    before_send: sanitizeEvent,
  });
  return posthog;
}
