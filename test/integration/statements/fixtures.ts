import { randomUUID } from 'node:crypto';
import type { AppLoadContext } from '@remix-run/cloudflare';
import { beforeAll, inject } from 'vitest';
import { action as generate } from '~/routes/statements.generate';
import { rejectCrossOrigin } from '~/http/security.server';
import { ANTHROPIC_BASE_URL } from '../../mocks/anthropic';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { formPost } from '../../support/http';
import { signedInUser, type TestUser } from '../../support/users';

export const PER_HOUR = 4;
export const PER_DAY = 6;

const RLS_TABLES = [
  'applications',
  'status_changes',
  'statements',
  'statement_versions',
  'statement_generations',
];

/** A fresh database, a context configured for Anthropic (faked by MSW), and people. */
export function setupStatementsTest(env: Record<string, string> = {}) {
  const db = setupTestDatabase();
  const state = {} as { context: AppLoadContext; settled: () => Promise<void> };
  beforeAll(async () => {
    Object.assign(
      state,
      makeContext(db.handle, {
        ANTHROPIC_API_KEY: 'sk-test',
        ANTHROPIC_BASE_URL,
        STATEMENT_GENERATIONS_PER_HOUR: String(PER_HOUR),
        STATEMENT_GENERATIONS_PER_DAY: String(PER_DAY),
        ...env,
      }),
    );
    // In the "queries without RLS" project (vitest.config.ts) the policies are off in this file's
    // database, so every "another person's … answers 404" rests on the queries' own user filters.
    if (inject('rowLevelSecurity') === 'off') {
      for (const table of RLS_TABLES) {
        await db.admin.unsafe(`alter table jobtrack.${table} disable row level security`);
      }
    }
  });
  return {
    db,
    get context() {
      return state.context;
    },
    /** Waits for background work (drafts being finished and saved). */
    settled: () => state.settled(),
    person: (email?: string): Promise<TestUser> => signedInUser(db, state.context, email),
  };
}

/** A supporting statement's form as a person fills it in (an NHS Band 5 post). */
export function supportingForm(overrides: Record<string, string> = {}) {
  return {
    kind: 'supporting',
    submissionKey: randomUUID(),
    jobTitle: 'Staff Nurse (Band 5)',
    employer: 'Leeds Teaching Hospitals NHS Trust',
    advert: 'Respiratory ward, 37.5 hours a week.',
    personSpec: 'Essential\nNMC registration\nDesirable\nVenepuncture',
    'criteria[0].text': 'NMC registration',
    'criteria[0].category': 'essential',
    'criteria[0].evidence': 'Registered with the NMC in September 2025.',
    'criteria[1].text': 'Venepuncture',
    'criteria[1].category': 'desirable',
    'criteria[1].evidence': '',
    wordLimit: '500',
    tone: 'professional',
    ...overrides,
  };
}

/**
 * POSTs the Generate button as a browser would (through the Worker's Origin check) and returns the
 * raw Response, so its body can be read as it streams. `enhanced` is the JavaScript form.
 */
export async function pressGenerate(
  context: AppLoadContext,
  fields: Record<string, string>,
  {
    cookie,
    enhanced = true,
    origin,
  }: { cookie?: string; enhanced?: boolean; origin?: string } = {},
): Promise<Response> {
  const request = formPost('/statements/generate', fields, { cookie, origin });
  if (enhanced) request.headers.set('Accept', 'application/x-ndjson');
  const forbidden = rejectCrossOrigin(request);
  if (forbidden) return forbidden;
  try {
    return (await generate({ request, params: {}, context: { ...context } })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Reads a streamed body piece by piece, so a test can look before the stream has ended. */
export function streamReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let done = false;
  return {
    get text() {
      return text;
    },
    /** Reads until `seen(text)` holds (or the stream ends, which fails the wait). */
    async until(seen: (text: string) => boolean) {
      while (!seen(text)) {
        if (done) throw new Error(`The stream ended without it; it held:\n${text}`);
        const next = await reader.read();
        if (next.done) done = true;
        else text += decoder.decode(next.value, { stream: true });
      }
      return text;
    },
    async rest() {
      while (!done) {
        const next = await reader.read();
        if (next.done) done = true;
        else text += decoder.decode(next.value, { stream: true });
      }
      return text;
    },
    cancel: () => reader.cancel(),
  };
}

/** A JSON body, untyped (tests look into it). */
export const json = (response: Response): Promise<any> => response.json();

/** The NDJSON events of a finished body. */
export function eventsOf(body: string): Array<Record<string, any>> {
  return body
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** The joined text of the text events. */
export const textOf = (events: Array<Record<string, any>>) =>
  events
    .filter((e) => e.type === 'text')
    .map((e) => e.text)
    .join('');

type Db = ReturnType<typeof setupTestDatabase>;

/** The person's statements and versions as stored. */
export async function stored(db: Db, userId: string) {
  const statements = await db.admin<Record<string, any>[]>`
    select * from jobtrack.statements where user_id = ${userId} order by created_at`;
  const versions = await db.admin<Record<string, any>[]>`
    select * from jobtrack.statement_versions where user_id = ${userId} order by created_at, number`;
  return { statements, versions };
}
