/**
 * The connection URL forms libpq (psql, every PostgreSQL driver's docs) accepts for a local Unix
 * socket, translated for postgres.js, which reads only the URL's host part and would send a
 * `host` query parameter to the server as a run-time setting (which the server refuses):
 *
 * - `postgres:///debrief?host=/var/run/postgresql` — the socket's directory as the `host`
 *   parameter (also `port`, which names the socket file `.s.PGSQL.<port>`);
 * - `postgres://%2Fvar%2Frun%2Fpostgresql/debrief` — the directory percent-encoded as the host.
 *
 * Servers set up for local connections only (peer authentication, `listen_addresses = ''`) are
 * reached this way. (Throughput: over HTTP, uploads were no faster than over loopback TCP, within
 * this machine's noise; docs/benchmarks.md.) Any other URL comes back unchanged, without options;
 * `postgres://user@/db` with no `host` parameter stays unparseable, and the configuration refuses
 * it. A bad `port` parameter throws.
 *
 * @example
 * postgresConnection("postgres://postgres@/debrief?host=/run/postgresql&sslmode=disable")
 * // → { url: "postgres://postgres@localhost/debrief?sslmode=disable",
 * //     options: { host: "/run/postgresql" } }
 */
export function postgresConnection(url: string): { url: string; options: { host?: string; port?: number } } {
  let parsed: URL;
  try {
    // `postgres://user@/db` (no host) is valid for libpq but not for WHATWG URL: give it a
    // placeholder host, which the `host` option then overrides.
    parsed = new URL(url.replace(/^(postgres(?:ql)?:\/\/[^/?#]*@)(?=[/?#])/i, "$1localhost"));
  } catch {
    return { url, options: {} };
  }
  const options: { host?: string; port?: number } = {};
  const hostParam = parsed.searchParams.get("host");
  const portParam = parsed.searchParams.get("port");
  if (hostParam === null && portParam === null && !/^%2f/i.test(parsed.hostname)) return { url, options };
  if (hostParam) options.host = hostParam;
  else if (/^%2f/i.test(parsed.hostname)) options.host = decodeURIComponent(parsed.hostname);
  if (portParam !== null) {
    const port = Number(portParam);
    if (!/^\d+$/.test(portParam) || port < 1 || port > 65_535) {
      throw new Error("the database URL's port parameter must be a number from 1 to 65535");
    }
    options.port = port;
  }
  parsed.searchParams.delete("host");
  parsed.searchParams.delete("port");
  if (options.host !== undefined) parsed.hostname = "localhost";
  return { url: parsed.toString(), options };
}
