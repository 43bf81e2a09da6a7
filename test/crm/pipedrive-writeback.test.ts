import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { renderNoteHtml } from "../../src/crm/writeback/call-result.js";
import { pipedriveWriter } from "../../src/crm/writeback/pipedrive.js";
import { DebriefError, isRetryable } from "../../src/errors.js";
import { SAMPLE_RESULT } from "../helpers/crm-fixtures.js";
import { mswServer } from "../helpers/msw.js";
import { rejection } from "../helpers/rejection.js";
import { vendorAnswer, writeFailure } from "./writeback-helpers.js";

const TOKEN = "3f8b2c1d9e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c";
const NOTES = "https://acme.pipedrive.com/api/v1/notes";
const server = mswServer();

const writer = () => pipedriveWriter({ companyDomain: "acme", auth: { apiToken: TOKEN } });

describe("pipedriveWriter", () => {
  it("posts the note with content and numeric deal_id, api_token as query parameter", async () => {
    let seen: { url: URL; auth: string | null; body: unknown } | undefined;
    server.use(
      http.post(NOTES, async ({ request }) => {
        seen = {
          url: new URL(request.url),
          auth: request.headers.get("authorization"),
          body: await request.json(),
        };
        return vendorAnswer("pipedrive", "note-created.json", { status: 201 });
      }),
    );
    expect(await writer().writeCallResult("1042", SAMPLE_RESULT)).toEqual({ id: "3012" });
    expect(seen?.url.searchParams.get("api_token")).toBe(TOKEN);
    expect(seen?.auth).toBeNull();
    expect(seen?.body).toEqual({ content: renderNoteHtml(SAMPLE_RESULT), deal_id: 1042 });
  });

  it("uses an OAuth bearer token in the header, not the URL", async () => {
    let seen: { url: URL; auth: string | null } | undefined;
    server.use(
      http.post(NOTES, ({ request }) => {
        seen = { url: new URL(request.url), auth: request.headers.get("authorization") };
        return vendorAnswer("pipedrive", "note-created.json", { status: 201 });
      }),
    );
    await pipedriveWriter({
      companyDomain: "acme",
      auth: { oauthAccessToken: "v1u:oauth-token" },
    }).writeCallResult("1042", SAMPLE_RESULT);
    expect(seen?.auth).toBe("Bearer v1u:oauth-token");
    expect(seen?.url.search).toBe("");
  });

  it("maps 401, 429 (x-ratelimit-reset), 500 and 400 without showing the token", async () => {
    server.use(http.post(NOTES, () => vendorAnswer("pipedrive", "401.json", { status: 401 })));
    const auth = await writeFailure(writer().writeCallResult("1042", SAMPLE_RESULT), TOKEN);
    expect([auth.code, isRetryable(auth)]).toEqual(["crm.auth_failed", false]);
    expect(auth.message).toContain("(401: unauthorized access)");

    server.use(
      http.post(NOTES, () =>
        vendorAnswer("pipedrive", "429.json", {
          status: 429,
          headers: { "x-ratelimit-limit": "80", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "2" },
        }),
      ),
    );
    const limited = await writeFailure(writer().writeCallResult("1042", SAMPLE_RESULT), TOKEN);
    expect([limited.code, isRetryable(limited), limited.retryAfterSec]).toEqual(["rate_limited", true, 2]);

    server.use(http.post(NOTES, () => vendorAnswer("pipedrive", "500.json", { status: 500 })));
    const down = await writeFailure(writer().writeCallResult("1042", SAMPLE_RESULT), TOKEN);
    expect([down.code, isRetryable(down)]).toEqual(["upstream.unavailable", true]);

    server.use(http.post(NOTES, () => vendorAnswer("pipedrive", "400.json", { status: 400 })));
    const refused = await writeFailure(writer().writeCallResult("1042", SAMPLE_RESULT), TOKEN);
    expect(refused.message).toBe("Pipedrive refused to create the note (400: Deal not found.)");
    expect(isRetryable(refused)).toBe(false);
  });

  it("a network failure's message does not include the URL with the token", async () => {
    server.use(http.post(NOTES, () => HttpResponse.error()));
    const e = await writeFailure(writer().writeCallResult("1042", SAMPLE_RESULT), TOKEN);
    expect(isRetryable(e)).toBe(true);
  });

  it("refuses a bad company domain or deal id before sending anything", async () => {
    expect(() => pipedriveWriter({ companyDomain: "evil.com/x", auth: { apiToken: TOKEN } })).toThrow(
      DebriefError,
    );
    const e = await rejection(writer().writeCallResult("1042 OR 1=1", SAMPLE_RESULT), DebriefError);
    expect(e.code).toBe("input.invalid");
  });
});
