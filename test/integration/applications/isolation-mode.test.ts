import { describe, expect, inject, it } from 'vitest';
import { applications } from '#db/schema';
import { asUser } from '~/db.server';
import { setupApplicationsTest } from './fixtures';

// These files run twice (vitest.config.ts): once as deployed, once with row-level security off so
// that the queries' own `where user_id` filters are tested alone. This proves each run is the one
// it claims to be; were the switch to stop working, the second run would silently repeat the first.

const t = setupApplicationsTest();
const rlsOff = inject('rowLevelSecurity') === 'off';

describe(rlsOff ? 'with row-level security off' : 'with row-level security on', () => {
  it(
    rlsOff
      ? 'a query with no user filter sees everyone’s rows: only the queries’ own filters protect'
      : 'a query with no user filter sees only the person’s own rows',
    async () => {
      const me = await t.person();
      const other = await t.person();
      await t.insert(me, { company: 'Mine' });
      await t.insert(other, { company: 'Theirs' });

      const seen = await asUser(t.context, me.id, (tx) =>
        tx.select({ company: applications.company }).from(applications),
      );

      expect(seen.map((r) => r.company).sort()).toEqual(rlsOff ? ['Mine', 'Theirs'] : ['Mine']);
    },
  );
});
