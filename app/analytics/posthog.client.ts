// The one wrapper around posthog-js (STYLE.md: nothing else imports it). Loaded only in the
// browser, only when a key is configured, and only when this browser has not said no.
import type { PostHog } from 'posthog-js/dist/module.slim';
import { isGuestPath } from '~/guest/paths';
import { sanitizeEvent, type AnalyticsEvent } from './events';

export type AnalyticsSettings = { key: string; host: string };

const OFF_KEY = 'jobtrack-analytics';
const OFF = 'off';

let client: PostHog | null = null;
let starting: Promise<PostHog | null> | null = null;

/** True while the page is in guest mode, where the privacy policy promises nothing is sent. */
function inGuestMode(): boolean {
  return typeof location !== 'undefined' && isGuestPath(location.pathname);
}

/** Why analytics are off in this browser, or null when they may run. */
export function whyOff(): 'switch' | 'do-not-track' | null {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  if (nav.globalPrivacyControl === true || nav.doNotTrack === '1') return 'do-not-track';
  try {
    if (localStorage.getItem(OFF_KEY) === OFF) return 'switch';
  } catch {
    // Storage blocked: nothing is remembered, and the switch cannot be either.
  }
  return null;
}

/** Starts posthog-js once, cookieless and with every automatic collection off. */
export function startAnalytics(settings: AnalyticsSettings): Promise<PostHog | null> {
  if (whyOff()) return Promise.resolve(null);
  // The slim build: the full one also holds the toolbar, which stores `_postHogToolbarParams` in
  // localStorage when a link ends in #__posthog=… carrying the project's key.
  starting ??= import('posthog-js/dist/module.slim').then(({ default: posthog }) => {
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
    client = posthog;
    return posthog;
  });
  return starting;
}

/** A page view, the address cut down by sanitizeEvent. */
export function trackPageview() {
  if (!whyOff() && !inGuestMode()) client?.capture('$pageview');
}

/** One of the allowlisted events, with no properties. Nothing when analytics are not running. */
export function track(event: AnalyticsEvent) {
  if (!whyOff() && !inGuestMode()) client?.capture(event);
}

/** Turns analytics off (or back on) for this browser, remembered in local storage. */
export function setAnalyticsOff(off: boolean, settings: AnalyticsSettings | null) {
  try {
    if (off) localStorage.setItem(OFF_KEY, OFF);
    else localStorage.removeItem(OFF_KEY);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
  // posthog-js's own opt-out would store its consent in the browser; our flag is the switch, and
  // every capture checks it.
  if (!off && settings) void startAnalytics(settings);
}
