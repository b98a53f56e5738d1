import type postgres from 'postgres';

/**
 * Every row of every table in schemas jobtrack and auth, as "table: row" text, sorted: take one
 * before and one after a request that must change nothing, and compare. `except` leaves out tables
 * the request is meant to touch (a failed password check counts a failure, say).
 */
export async function allRows(admin: postgres.Sql, except: string[] = []): Promise<string[]> {
  const tables = await admin<{ name: string }[]>`
    select table_schema || '.' || table_name as name from information_schema.tables
    where table_schema in ('jobtrack', 'auth') and table_type = 'BASE TABLE'
    order by 1`;
  // A comparison of nothing would always pass: make sure the tables are really there.
  for (const needed of ['auth.users', 'jobtrack.applications', 'jobtrack.sessions']) {
    if (!tables.some((t) => t.name === needed)) throw new Error(`allRows: no table ${needed}`);
  }
  const rows: string[] = [];
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    const [schema, table] = name.split('.') as [string, string];
    const found = await admin.unsafe<{ row: string }[]>(
      `select t::text as row from "${schema}"."${table}" t`,
    );
    for (const { row } of found) rows.push(`${name}: ${row}`);
  }
  return rows.sort();
}
