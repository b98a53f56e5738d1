import { describe, expect, it } from 'vitest';
import { notFound, requireUuid } from '~/http/not-found.server';

const ID = '3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a1b';

describe('an id that is not the person’s own', () => {
  it('answers a plain 404 that says nothing about the id', async () => {
    const response = notFound();
    expect(response.status).toBe(404);
    expect(response.statusText).toBe('Not Found');
    expect(await response.text()).toBe('Not found');
  });

  it('passes a well-formed uuid through unchanged', () => {
    expect(requireUuid(ID)).toBe(ID);
  });

  it.each([['not-an-id'], [`${ID}x`], [''], [null], [42]])(
    'throws the same 404 for a malformed id (%j) before any query',
    async (id) => {
      let thrown: unknown;
      try {
        requireUuid(id);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
      expect(await (thrown as Response).text()).toBe('Not found');
    },
  );
});
