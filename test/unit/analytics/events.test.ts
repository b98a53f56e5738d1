import { describe, expect, it } from 'vitest';
import { ANALYTICS_EVENTS, cleanPath, sanitizeEvent } from '~/analytics/events';

const ID = '0b4f7a36-5d8c-4d7e-9d0a-2a8f2f6f1e11';

describe('what analytics may send', () => {
  it('replaces every id in a path and drops the query string', () => {
    expect(cleanPath(`/applications/${ID}`)).toBe('/applications/:id');
    expect(cleanPath(`/statements/${ID}/versions/${ID}`)).toBe('/statements/:id/versions/:id');
    expect(cleanPath('/applications')).toBe('/applications');
  });

  it('sends nothing for an event off the allowlist (autocapture, identify, surveys)', () => {
    for (const event of [
      '$autocapture',
      '$identify',
      '$create_alias',
      'survey shown',
      '$snapshot',
      '$set',
    ]) {
      expect(sanitizeEvent({ event, properties: {} })).toBeNull();
    }
    expect(sanitizeEvent(null)).toBeNull();
  });

  it('keeps the named events and page views, with the address cut down to the kind of page', () => {
    for (const event of [...ANALYTICS_EVENTS, '$pageview']) {
      const sent = sanitizeEvent({
        event,
        properties: {
          token: 'phc_key',
          $lib: 'web',
          $current_url: `https://jobtrack.example/applications/${ID}?q=Leeds+City+Council#notes`,
          $pathname: `/applications/${ID}`,
          $referrer: 'https://mail.example/inbox?from=sam@example.com',
          $referring_domain: 'mail.example',
          title: 'Policy Officer at Leeds City Council · JobTrack',
          $initial_current_url: `https://jobtrack.example/?email=sam@example.com`,
          company: 'Leeds City Council',
          $el_text: 'Sam',
        },
        $set: { email: 'sam@example.com' },
        $set_once: { first: 'x' },
      });
      expect(sent).toEqual({
        event,
        properties: {
          token: 'phc_key',
          $lib: 'web',
          $current_url: 'https://jobtrack.example/applications/:id',
          $host: 'jobtrack.example',
          $pathname: '/applications/:id',
        },
      });
    }
  });
});
