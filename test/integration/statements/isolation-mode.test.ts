import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { statements } from '#db/schema';
import { asUser } from '~/db.server';
import { setupStatementsTest } from './fixtures';

// These files run twice (vitest.config.ts): as deployed, and with row-level security off so that
// the statements' queries are shown to keep people apart by their own filters. This proves each run
// is the one it claims to be; were the switch to stop working, the second would repeat the first.

const t = setupStatementsTest();
const rlsOff = inject('rowLevelSecurity') === 'off';

describe(
  rlsOff ? 'statements with row-level security off' : 'statements with row-level security on',
  () => {
    it(
      rlsOff
        ? 'a query with no user filter sees everyone’s statements: only the queries’ own filters protect'
        : 'a query with no user filter sees only the person’s own statements',
      async () => {
        const me = await t.person();
        const other = await t.person();
        for (const [who, title] of [
          [me, 'Mine'],
          [other, 'Theirs'],
        ] as const) {
          await t.db
            .admin`insert into jobtrack.statements (user_id, kind, job_title, word_limit, tone, create_key)
          values (${who.id}, 'cover_letter', ${title}, 500, 'professional', ${randomUUID()})`;
        }

        const seen = await asUser(t.context, me.id, (tx) =>
          tx.select({ title: statements.jobTitle }).from(statements),
        );

        expect(seen.map((r) => r.title).sort()).toEqual(rlsOff ? ['Mine', 'Theirs'] : ['Mine']);
      },
    );
  },
);
