import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { loggable } from '~/http/loggable';

const secret = ['sam@example.com', 'pbkdf2$100000$c2FsdA$aGFzaA', 'My NHS supporting statement'];

describe('what is logged of an error', () => {
  it('never carries a failed query’s values, only the database’s own code and message', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), {
      name: 'PostgresError',
      code: '23505',
    });
    const error = new DrizzleQueryError('insert into x values ($1, $2, $3)', secret, cause);
    expect(error.message).toContain('sam@example.com'); // why this helper exists
    const line = loggable(error);
    expect(line).toBe('PostgresError 23505: duplicate key value violates unique constraint');
    for (const value of secret) expect(line).not.toContain(value);
  });

  it('names a query error with no cause, without its message', () => {
    expect(loggable(new DrizzleQueryError('select $1', ['sam@example.com']))).toBe(
      'A database query failed',
    );
  });

  it('keeps an ordinary error’s name and message', () => {
    expect(loggable(new TypeError('x is not a function'))).toBe('TypeError: x is not a function');
    expect(loggable('plain words')).toBe('plain words');
    expect(loggable({ email: 'sam@example.com' })).toBe('object');
  });
});
