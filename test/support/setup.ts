import { configure } from '@testing-library/dom';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { server } from '../mocks/server';

// Any request to the outside world that no MSW handler expects fails the test.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// An unexpected console.error fails the test; a test that expects one can mock it itself.
let consoleError: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  const calls = consoleError.mock.calls;
  if (calls.length > 0) {
    const first = calls[0]!.map(String).join(' ');
    consoleError.mockClear();
    throw new Error(`Unexpected console.error: ${first}`);
  }
});

// findBy… and waitFor give up after 1 s by default. The full suite runs files in parallel on two
// cores, where a form's lazily loaded checks can take longer than that (a Builder test failed so
// in CI on 1 Dec 2026); a wait that ends early only on success costs nothing when things are quick.
configure({ asyncUtilTimeout: 5_000 });
