import { parseWithZod } from '@conform-to/zod';
import { describe, expect, it } from 'vitest';
import { changePasswordSchema } from '~/auth/auth-schemas';
import { limited, minutesFrom, UNAVAILABLE, weakPasswordMessage } from '~/auth/replies.server';

const locked = (retryAfterSeconds: number) =>
  ({ ok: false, reason: 'locked', retryAfterSeconds }) as const;

describe('how long a lock-out has left, in words', () => {
  it.each([
    [0, '1 minute'],
    [1, '1 minute'],
    [59, '1 minute'],
    [60, '1 minute'],
    [61, '2 minutes'],
    [119, '2 minutes'],
    [120, '2 minutes'],
    [899, '15 minutes'],
  ])('%i seconds is "%s", rounded up', (seconds, words) => {
    expect(minutesFrom(seconds)).toBe(words);
  });
});

describe('the lock-out answer', () => {
  const submitted = () => {
    const form = new FormData();
    form.append('currentPassword', 'my old secret');
    form.append('newPassword', 'a new passphrase');
    return parseWithZod(form, { schema: changePasswordSchema() });
  };

  it('is a 429 with Retry-After in seconds and the wait in words, never a password', () => {
    const answer = limited(submitted(), locked(61));
    expect(answer.init?.status).toBe(429);
    expect(new Headers(answer.init?.headers).get('Retry-After')).toBe('61');
    expect(answer.data.error?.['']).toEqual([
      'Too many wrong passwords. Please wait 2 minutes and try again.',
    ]);
    expect(JSON.stringify(answer.data)).not.toContain('my old secret');
    expect(JSON.stringify(answer.data)).not.toContain('a new passphrase');
  });

  it('can say it in the route’s own words', () => {
    const answer = limited(submitted(), locked(30), (wait: string) => `Wait ${wait}.`);
    expect(answer.data.error?.['']).toEqual(['Wait 1 minute.']);
  });

  it('for too many requests from one connection says so, naming no address', () => {
    const answer = limited(submitted(), { ok: false, reason: 'busy', retryAfterSeconds: 60 });
    expect(answer.init?.status).toBe(429);
    expect(new Headers(answer.init?.headers).get('Retry-After')).toBe('60');
    expect(answer.data.error?.['']).toEqual([
      'Too many requests from your connection. Please wait 1 minute and try again.',
    ]);
  });

  it('when the sign-in service is down is a 503 with its Retry-After, saying so', () => {
    const answer = limited(submitted(), {
      ok: false,
      reason: 'unavailable',
      retryAfterSeconds: 30,
    });
    expect(answer.init?.status).toBe(503);
    expect(new Headers(answer.init?.headers).get('Retry-After')).toBe('30');
    expect(answer.data.error?.['']).toEqual([UNAVAILABLE]);
  });
});

describe('a new password the sign-in service refused under its own policy', () => {
  it('names a breach first, then the missing kinds of character, else its length', () => {
    expect(weakPasswordMessage(['characters', 'pwned'])).toBe(
      'This password has appeared in a data breach. Please choose a different one.',
    );
    expect(weakPasswordMessage(['length', 'characters'])).toBe(
      'Use at least one lowercase letter, one capital letter, one digit and one symbol.',
    );
    expect(weakPasswordMessage(['length'])).toBe(
      'This password is too weak. Please choose a longer one.',
    );
    expect(weakPasswordMessage([])).toBe('This password is too weak. Please choose a longer one.');
  });
});
