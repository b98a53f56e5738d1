import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from '~/entry.server';

const request = () => new Request('http://localhost:8787/applications?q=alice%40example.com');

/** The shape Remix gives handleError for a request no route answers. */
const routeErrorResponse = (status: number, error?: Error) => ({
  status,
  statusText: status === 404 ? 'Not Found' : 'Internal Server Error',
  internal: true,
  data: error?.message ?? '',
  error,
});

describe('what the Worker logs about a failed request', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logs nothing for a URL no route answers (404, 405): the client’s mistake, and its query stays out of the log', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});

    handleError(
      routeErrorResponse(404, new Error('No route matches URL "/applicatons?q=alice@example.com"')),
      { request: request() },
    );
    handleError(routeErrorResponse(405, new Error('You made a POST request')), {
      request: request(),
    });

    expect(log).not.toHaveBeenCalled();
  });

  it('logs a thrown error as its kind and message, and a server-side route error by its cause', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});

    handleError(new TypeError('Cannot read properties of undefined'), { request: request() });
    handleError(routeErrorResponse(500, new RangeError('Invalid time value')), {
      request: request(),
    });

    expect(log.mock.calls).toEqual([
      ['Request failed:', 'TypeError: Cannot read properties of undefined'],
      ['Request failed:', 'RangeError: Invalid time value'],
    ]);
  });

  it('logs nothing for a request the browser gave up on', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const controller = new AbortController();
    controller.abort();

    handleError(new Error('late'), {
      request: new Request('http://localhost/', { signal: controller.signal }),
    });

    expect(log).not.toHaveBeenCalled();
  });
});
