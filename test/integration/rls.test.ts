import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications } from '#db/schema';
import { asUser } from '~/db.server';
import { makeContext } from '../support/context';
import { setupTestDatabase } from '../support/db';
import { causedBy } from '../support/errors';

const db = setupTestDatabase();

async function createUser(email: string) {
  const id = randomUUID();
  await db.admin`insert into auth.users (id, email) values (${id}, ${email})`;
  return id;
}

describe('row-level security', () => {
  it('a query with no user filter sees only the signed-in person’s applications', async () => {
    const alice = await createUser('alice@example.com');
    const bob = await createUser('bob@example.com');
    await db.admin`insert into jobtrack.applications (user_id, company, role) values
      (${alice}, 'Alice Co', 'Analyst'), (${bob}, 'Bob Ltd', 'Engineer')`;
    const { context } = makeContext(db.handle);

    const seen = await asUser(context, alice, (tx) => tx.select().from(applications));

    expect(seen.map((a) => a.company)).toEqual(['Alice Co']);
  });

  it('refuses to write a row owned by someone else', async () => {
    const alice = await createUser('alice2@example.com');
    const bob = await createUser('bob2@example.com');
    const { context } = makeContext(db.handle);

    await expect(
      asUser(context, alice, (tx) =>
        tx.insert(applications).values({ userId: bob, company: 'X', role: 'Y' }),
      ),
    ).rejects.toSatisfy(causedBy(/row-level security/));
  });

  it('cannot read the local-auth tables at all', async () => {
    const alice = await createUser('alice3@example.com');
    const { context } = makeContext(db.handle);

    await expect(
      asUser(context, alice, (tx) => tx.execute(sql`select * from jobtrack.sessions`)),
    ).rejects.toSatisfy(causedBy(/permission denied/));
  });
});
