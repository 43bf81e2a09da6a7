/** Headers as a Fetch `Headers` or a plain record (names compared case-insensitively). */
export type HeaderSource = Headers | Readonly<Record<string, string | undefined>>;

/**
 * Read one header from either shape, case-insensitively.
 *
 * @example
 * headerValue({ "Webhook-Id": "msg_1" }, "webhook-id"); // "msg_1"
 */
export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers as Record<string, string | undefined>)) {
    if (k.toLowerCase() === lower) return v;
  }
  return undefined;
}
