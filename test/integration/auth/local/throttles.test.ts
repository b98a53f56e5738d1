// The per-address allowances' own rows (jobtrack.throttles): what clears them, and what keeps them.
import { describe, expect, it } from 'vitest';
import { admit, forgetKey, LINK_EMAILS, PASSWORD_GUESSES, throttleKey } from '~/auth/limits.server';
import { makeContext } from '../../../support/context';
import { setupTestDatabase } from '../../../support/db';
import { newEmail } from './support';

const db = setupTestDatabase();

/** Stores an allowance row last filled `ago` before now (a Postgres interval, such as '2 days'). */
async function storeRow(key: string, ago: string) {
  await db.admin`insert into jobtrack.throttles (key_hash, spent, updated_at)
    values (${key}, 3, now() - ${ago}::interval)`;
}

/** Which of `keys` still have a row, in the order given. */
async function kept(keys: string[]) {
  const rows = await db.admin<{ key_hash: string }[]>`
    select key_hash from jobtrack.throttles where key_hash in ${db.admin(keys)}`;
  const stored = new Set(rows.map((row) => row.key_hash));
  return keys.filter((key) => stored.has(key));
}

describe('per-address allowance rows', () => {
  it('rows left alone for over a day are removed on the next attempt; younger ones are kept', async () => {
    const { context } = makeContext(db.handle);
    const [dayAndAMinute, twoDays, almostADay, anHour] = await Promise.all(
      [PASSWORD_GUESSES, LINK_EMAILS, PASSWORD_GUESSES, LINK_EMAILS].map((allowance) =>
        throttleKey(allowance, newEmail()),
      ),
    );
    await storeRow(dayAndAMinute!, '1 day 1 minute');
    await storeRow(twoDays!, '2 days');
    await storeRow(almostADay!, '23 hours 59 minutes');
    await storeRow(anHour!, '1 hour');
    const email = newEmail();
    const attemptKey = await throttleKey(PASSWORD_GUESSES, email);

    expect(await admit(context, PASSWORD_GUESSES, email)).toBe(0);

    expect(await kept([dayAndAMinute!, twoDays!, almostADay!, anHour!, attemptKey])).toEqual([
      almostADay,
      anHour,
      attemptKey,
    ]);
  });

  it('forgetKey empties exactly the allowance stored under that key', async () => {
    const { context } = makeContext(db.handle);
    const email = newEmail();
    const neighbour = newEmail();
    for (let i = 0; i < 5; i++) {
      await admit(context, PASSWORD_GUESSES, email);
      await admit(context, PASSWORD_GUESSES, neighbour);
    }
    await admit(context, LINK_EMAILS, email);
    const key = await throttleKey(PASSWORD_GUESSES, email);
    const others = [
      await throttleKey(PASSWORD_GUESSES, neighbour),
      await throttleKey(LINK_EMAILS, email),
    ];

    await forgetKey(context, key);

    expect(await kept([key, ...others])).toEqual(others);
    expect(await admit(context, PASSWORD_GUESSES, email)).toBe(0);
    expect(await admit(context, PASSWORD_GUESSES, neighbour)).toBeGreaterThan(0);
  });
});
