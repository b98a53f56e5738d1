import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './migrations',
  schemaFilter: ['jobtrack'],
  entities: { roles: { provider: 'supabase' } },
  dbCredentials: {
    url: process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:54329/jobtrack',
  },
});
