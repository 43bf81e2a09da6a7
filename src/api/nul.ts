import type { MiddlewareHandler } from "hono";
import { DebriefError } from "../errors.js";
import type { AppEnv } from "./env.js";

/**
 * A NUL character (U+0000) in a path segment or query parameter: a 422 naming it. PostgreSQL text
 * cannot hold NUL, so letting it through would end in a database error (a 500) instead.
 */
export const refuseNul: MiddlewareHandler<AppEnv> = async (c, next) => {
  // A parsed URL carries NUL only percent-encoded: most requests need no further look.
  if (!c.req.url.includes("%00")) return next();
  const url = new URL(c.req.url);
  const segments = url.pathname.split("/").map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const badSegment = segments.findIndex((s) => s.includes("\u0000"));
  const badParam = [...url.searchParams].find(([k, v]) => `${k}${v}`.includes("\u0000"));
  const path = badSegment >= 0 ? "path" : badParam ? badParam[0].replaceAll("\u0000", "\\u0000") : null;
  if (path !== null) {
    throw new DebriefError("validation_failed", `${path}: must not contain NUL (\\u0000)`, {
      details: { errors: [{ path, message: "must not contain NUL (\\u0000)" }] },
    });
  }
  await next();
};
