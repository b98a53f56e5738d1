import postgres from 'postgres';

// Straight to the database the app under test uses (test/e2e/run.ts passes its URL), for what a
// browser cannot see, such as whether deleting an account really removed every row of it.
// (Arranging data goes through the app's own code instead: see the fixtures in ./fixtures.ts.)

async function withDatabase<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url)
    throw new Error('E2E_DATABASE_URL is not set: run the browser tests with npm run test:e2e');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

const TABLES = [
  'auth.users',
  'jobtrack.applications',
  'jobtrack.status_changes',
  'jobtrack.sessions',
  'jobtrack.local_credentials',
  'jobtrack.auth_tokens',
];

/** How many rows of each person-owned table belong to `userId`. */
export function rowCounts(userId: string) {
  return withDatabase(async (sql) => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const column = table === 'auth.users' ? 'id' : 'user_id';
      const [row] = await sql.unsafe<{ n: number }[]>(
        `select count(*)::int as n from ${table} where ${column} = $1`,
        [userId],
      );
      counts[table] = row!.n;
    }
    return counts;
  });
}
