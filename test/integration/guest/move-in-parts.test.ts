// A guest's data larger than one import takes (MAX_IMPORT_BYTES) moves in parts: each part goes
// through the account's own import, preview then confirmation, and a second move adds nothing.
import { describe, expect, it } from 'vitest';
import { combinePlans, moveBatches } from '~/guest/move-batches';
import { newApplication } from '~/guest/records';
import { emptyDocument } from '~/guest/storage';
import { MAX_IMPORT_BYTES } from '~/portability/import-schema';
import { setupPortabilityTest } from '../portability/fixtures';

const t = setupPortabilityTest();

/** 300 applications with long notes: about 6 MB, more than one import takes. */
function largeGuestDocument() {
  const notes = 'Panel interview notes: Success Profiles behaviours and examples. '.repeat(300);
  return {
    ...emptyDocument(),
    applications: Array.from({ length: 300 }, (_, i) =>
      newApplication({
        company: `Council ${i + 1}`,
        role: 'Housing Options Caseworker',
        status: 'applied',
        dateApplied: '2026-11-02',
        mayCloseEarly: false,
        notes,
      }),
    ),
  };
}

describe('a guest’s data larger than one import takes', () => {
  it('moves in parts through the account’s import, all of it, and moving again adds nothing', async () => {
    const document = largeGuestDocument();
    expect(new TextEncoder().encode(JSON.stringify(document)).length).toBeGreaterThan(
      MAX_IMPORT_BYTES,
    );
    const texts = moveBatches(document);
    expect(texts.length).toBeGreaterThan(1);
    const me = await t.person();

    const check = async () => {
      const plans = [];
      for (const text of texts) {
        const shown = await t.upload(me, text, 'jobtrack-guest.json');
        expect(shown.status, JSON.stringify(shown.data)).toBe(200);
        plans.push(shown.data.preview);
      }
      return combinePlans(plans);
    };
    expect((await check()).applications).toEqual({ add: 300, skip: 0, accountHolds: 0 });
    for (const text of texts) expect((await t.confirm(me, text)).status).toBe(302);
    expect(await t.counts(me)).toMatchObject({ applications: 300, history: 300 });

    expect((await check()).applications).toEqual({ add: 0, skip: 300, accountHolds: 300 });
    for (const text of texts) expect((await t.confirm(me, text)).status).toBe(302);
    expect(await t.counts(me)).toMatchObject({ applications: 300, history: 300 });
  }, 60_000);
});
