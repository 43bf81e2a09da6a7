import type { OpenAPIHonoOptions } from "@hono/zod-openapi";
import type { z } from "zod";
import { formatPath } from "../errors.js";
import type { AppEnv } from "./env.js";
import { problem } from "./problem.js";

/** Zod issues as `{ path, message }` pairs a client can point at the field with. */
export function issuesToErrors(
  issues: readonly z.core.$ZodIssue[],
): Array<{ path: string; message: string }> {
  return issues.map((i) => ({ path: formatPath(i.path, "(body)"), message: i.message }));
}

/** Every route's validation failure becomes a 422 problem listing the fields. */
export const validationHook: NonNullable<OpenAPIHonoOptions<AppEnv>["defaultHook"]> = (result, c) => {
  if (!result.success) {
    const errors = issuesToErrors(result.error.issues);
    const first = errors[0];
    return problem(c, "validation_failed", first ? `${first.path}: ${first.message}` : "invalid request", {
      errors,
    });
  }
  return undefined;
};
