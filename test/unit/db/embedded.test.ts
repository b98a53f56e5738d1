import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstClosedFolder, startEmbeddedPostgres } from '#db/embedded';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A clone's data folder inside a folder only its owner may enter, like root's home. */
function insideClosedFolder() {
  const closed = mkdtempSync(join(tmpdir(), 'jobtrack-closed-'));
  made.push(closed);
  chmodSync(closed, 0o700);
  const data = join(closed, 'jobtrack', '.data', 'postgres');
  mkdirSync(data, { recursive: true });
  return { closed, data };
}

describe('the embedded database in a folder others cannot enter', () => {
  it('finds the first folder on the way that only its owner may enter', () => {
    const { closed, data } = insideClosedFolder();
    expect(firstClosedFolder(data)).toBe(closed);
    expect(firstClosedFolder(join(data, 'not-made-yet'))).toBe(closed);
    expect(firstClosedFolder(tmpdir())).toBeNull();
  });

  it.runIf(process.getuid?.() === 0)(
    'as root, stops with one plain sentence that says what to do, not `spawn … EACCES`',
    async () => {
      const { closed, data } = insideClosedFolder();

      const failure = await startEmbeddedPostgres(data, 1).then(
        () => null,
        (error: Error) => error.message,
      );

      expect(failure).toBe(
        `The embedded PostgreSQL cannot start: as root it must run as the user "postgres", who ` +
          `cannot enter ${closed}, so run JobTrack as a normal user, move it to a folder other ` +
          `users can enter (such as /srv/jobtrack), or set DATABASE_URL to a PostgreSQL of your own.`,
      );
    },
  );
});
