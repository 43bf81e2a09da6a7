import { readFileSync } from "node:fs";
import { HttpResponse } from "msw";
import { expect } from "vitest";
import { CrmWriteError } from "../../src/crm/writeback/writer.js";
import { rejection } from "../helpers/rejection.js";

/** A vendor answer with a fixture's exact bytes under fixtures/crm/<vendor>/writeback/. */
export function vendorAnswer(
  vendor: string,
  name: string,
  init: { status?: number; headers?: Record<string, string> } = {},
): HttpResponse<string> {
  return new HttpResponse(readFileSync(`fixtures/crm/${vendor}/writeback/${name}`, "utf8"), {
    status: init.status ?? 200,
    headers: { "content-type": "application/json", ...init.headers },
  });
}

/** The CrmWriteError a write fails with, checked never to contain the token. */
export async function writeFailure(p: Promise<unknown>, token: string): Promise<CrmWriteError> {
  const e = await rejection(p, CrmWriteError);
  expect(e.message).not.toContain(token);
  return e;
}
