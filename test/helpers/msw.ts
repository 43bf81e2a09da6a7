import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

/**
 * An msw server for the current test file, refusing any request no handler answers (no test may
 * reach the network), with handlers reset after each test.
 *
 * @example
 * const server = mswServer();
 * server.use(http.post(URL, () => HttpResponse.json({})));
 */
export function mswServer(): ReturnType<typeof setupServer> {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
