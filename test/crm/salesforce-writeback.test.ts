import { http } from "msw";
import { describe, expect, it } from "vitest";
import { renderNoteText } from "../../src/crm/writeback/call-result.js";
import { salesforceWriter } from "../../src/crm/writeback/salesforce.js";
import { DebriefError, isRetryable } from "../../src/errors.js";
import { SAMPLE_RESULT } from "../helpers/crm-fixtures.js";
import { mswServer } from "../helpers/msw.js";
import { rejection } from "../helpers/rejection.js";
import { vendorAnswer, writeFailure } from "./writeback-helpers.js";

const TOKEN = "00D5e000000AbCd!AQ4AQFq1Zr8pX2n3Y7w.kLmNoPqRsTuVwXyZ0123456789abcdef";
const TASKS = "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Task";
const server = mswServer();

const writer = () => salesforceWriter({ instanceUrl: "https://acme.my.salesforce.com", accessToken: TOKEN });

describe("salesforceWriter", () => {
  it("creates a completed Task on the opportunity with the exact documented fields", async () => {
    let seen: { auth: string | null; body: unknown } | undefined;
    server.use(
      http.post(TASKS, async ({ request }) => {
        seen = { auth: request.headers.get("authorization"), body: await request.json() };
        return vendorAnswer("salesforce", "task-created.json", { status: 201 });
      }),
    );
    expect(await writer().writeCallResult("0065e00000Q1w2eAAB", SAMPLE_RESULT)).toEqual({
      id: "00T5e00000AbCdEAAV",
    });
    expect(seen).toEqual({
      auth: `Bearer ${TOKEN}`,
      body: {
        WhatId: "0065e00000Q1w2eAAB",
        Subject: "Debrief: Discovery – Acme Corp",
        Description: renderNoteText(SAMPLE_RESULT),
        Status: "Completed",
        ActivityDate: "2026-03-02",
      },
    });
  });

  it("truncates the subject to Salesforce's 255 characters", async () => {
    let subject = "";
    server.use(
      http.post(TASKS, async ({ request }) => {
        subject = ((await request.json()) as { Subject: string }).Subject;
        return vendorAnswer("salesforce", "task-created.json", { status: 201 });
      }),
    );
    await writer().writeCallResult("0065e00000Q1w2e", { ...SAMPLE_RESULT, title: "x".repeat(400) });
    expect(subject).toHaveLength(255);
    expect(subject.endsWith("…")).toBe(true);
  });

  it("maps 401, 403 REQUEST_LIMIT_EXCEEDED (retryable), 503 and 400", async () => {
    server.use(http.post(TASKS, () => vendorAnswer("salesforce", "401.json", { status: 401 })));
    const auth = await writeFailure(writer().writeCallResult("0065e00000Q1w2eAAB", SAMPLE_RESULT), TOKEN);
    expect([auth.code, isRetryable(auth)]).toEqual(["crm.auth_failed", false]);
    expect(auth.message).toContain("INVALID_SESSION_ID: Session expired or invalid");

    server.use(http.post(TASKS, () => vendorAnswer("salesforce", "403-limit.json", { status: 403 })));
    const limited = await writeFailure(writer().writeCallResult("0065e00000Q1w2eAAB", SAMPLE_RESULT), TOKEN);
    expect([limited.code, isRetryable(limited)]).toEqual(["rate_limited", true]);

    server.use(
      http.post(TASKS, () =>
        vendorAnswer("salesforce", "503.json", { status: 503, headers: { "retry-after": "120" } }),
      ),
    );
    const down = await writeFailure(writer().writeCallResult("0065e00000Q1w2eAAB", SAMPLE_RESULT), TOKEN);
    expect([down.code, isRetryable(down), down.retryAfterSec]).toEqual(["upstream.unavailable", true, 120]);

    server.use(http.post(TASKS, () => vendorAnswer("salesforce", "400.json", { status: 400 })));
    const refused = await writeFailure(writer().writeCallResult("0065e00000Q1w2eAAB", SAMPLE_RESULT), TOKEN);
    expect(refused.message).toBe(
      "Salesforce refused to create the task (400: FIELD_INTEGRITY_EXCEPTION: Related To ID: id value of incorrect type: 00Q5e00000LmNoPEAV)",
    );
    expect(isRetryable(refused)).toBe(false);
  });

  it("refuses a private instance URL and a malformed record id before sending", async () => {
    const internal = salesforceWriter({ instanceUrl: "https://169.254.169.254", accessToken: TOKEN });
    expect(
      (await rejection(internal.writeCallResult("0065e00000Q1w2eAAB", SAMPLE_RESULT), DebriefError)).code,
    ).toBe("url.forbidden");
    expect((await rejection(writer().writeCallResult("006'; DROP", SAMPLE_RESULT), DebriefError)).code).toBe(
      "input.invalid",
    );
  });
});
