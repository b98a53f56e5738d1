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

/**
 * Every row, in any table of any schema of the app's database, whose text (all its columns, cast
 * to text) holds `needle`: for promises like "no IP address is stored anywhere".
 */
export function rowsMentioning(needle: string) {
  return withDatabase(async (sql) => {
    const tables = await sql<{ schema: string; name: string }[]>`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE'
        and table_schema not in ('pg_catalog', 'information_schema')
        and table_schema not like 'pg\_%'`;
    const found: string[] = [];
    for (const { schema, name } of tables) {
      const rows = await sql.unsafe<{ row: string }[]>(
        `select t::text as row from "${schema}"."${name}" t where strpos(t::text, $1) > 0`,
        [needle],
      );
      for (const { row } of rows) found.push(`${schema}.${name}: ${row}`);
    }
    return { tables: tables.map((t) => `${t.schema}.${t.name}`), found };
  });
}
