import { lookup } from "node:dns/promises";
import type { Resolve } from "./public-url.js";

/**
 * Every address (IPv4 and IPv6) the operating system's resolver gives for a host, for the URL
 * guard on Node. (Workers have no resolver: the guard checks names only there.)
 *
 * @example
 * await assertPublicUrl(url, { resolve: nodeResolver });
 */
export const nodeResolver: Resolve = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => a.address);
};
