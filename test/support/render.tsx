import { createRemixStub } from '@remix-run/testing';
import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';

// Component tests render real Remix components in happy-dom (a file opts in with the comment
// `// @vitest-environment happy-dom` on its first line). createRemixStub gives them a router, so
// <Form>, useNavigation and useActionData behave as in the browser; actions here are plain
// functions that the test controls.

afterEach(cleanup);

type Routes = Parameters<typeof createRemixStub>[0];

/** Renders `routes` at `url` in a Remix stub router, with the v3 behaviour the app runs with. */
export function renderRoutes(routes: Routes, url = '/') {
  const Stub = createRemixStub(routes);
  return render(<Stub initialEntries={[url]} future={{ v3_relativeSplatPath: true }} />);
}

/** A promise the test settles by hand: an action that is still running while the test looks. */
export function deferred<T = null>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}
