import type { AppLoadContext } from '@remix-run/cloudflare';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { builderAction } from '~/statements/builder.server';
import { supportingForm } from '../../integration/statements/fixtures';

// Who the builder asks about is decided by the session checks; the database is not needed here.
const ids = vi.hoisted(() => ({ claim: '', confirmed: '' }));
const refusalFor = vi.hoisted(() => vi.fn(async () => null));
const savedUnder = vi.hoisted(() => vi.fn(async (..._args: unknown[]) => null));
vi.mock('~/auth/current-user.server', async (original) => ({
  ...(await original<typeof import('~/auth/current-user.server')>()),
  getUserClaimForForm: async () => ({ id: ids.claim }),
  getUser: async () => ({ id: ids.confirmed, email: 'someone@example.com' }),
}));
vi.mock('~/statements/store.server', async (original) => ({
  ...(await original<typeof import('~/statements/store.server')>()),
  generationRefusal: refusalFor,
  statementSavedUnder: savedUnder,
}));

beforeEach(() => {
  refusalFor.mockClear();
  savedUnder.mockClear();
});

describe('explaining a Generate the streaming route sent back', () => {
  it('asks about the confirmed person’s allowance, never the unconfirmed claim’s id', async () => {
    ids.claim = '11111111-1111-4111-8111-111111111111';
    ids.confirmed = '22222222-2222-4222-8222-222222222222';
    const formData = new FormData();
    for (const [name, value] of Object.entries({ ...supportingForm(), intent: 'generate' }))
      formData.set(name, value);
    const context = {
      config: { anthropic: {}, statementGenerationsPerHour: 4, statementGenerationsPerDay: 6 },
    } as unknown as AppLoadContext;

    await builderAction(new Request('http://localhost/statements/new'), context, formData);

    expect(refusalFor).toHaveBeenCalledTimes(1);
    expect(refusalFor.mock.calls[0]).toEqual([context, ids.confirmed, { perHour: 4, perDay: 6 }]);
    // The statement a refused press saved is looked up as that person's too.
    expect(savedUnder.mock.calls[0]?.[1]).toBe(ids.confirmed);
  });
});
