import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { renderNoteHtml } from "../../src/crm/writeback/call-result.js";
import { hubspotWriter } from "../../src/crm/writeback/hubspot.js";
import { isRetryable } from "../../src/errors.js";
import { retryAfterMs } from "../../src/jobs/backoff.js";
import { SAMPLE_RESULT } from "../helpers/crm-fixtures.js";
import { mswServer } from "../helpers/msw.js";
import { vendorAnswer, writeFailure } from "./writeback-helpers.js";

const TOKEN = "pat-na1-5f0c2a1e-7b3d-4c8e-9a6f-1d2e3f4a5b6c";
const NOTES = "https://api.hubapi.com/crm/v3/objects/notes";
const DEAL = "https://api.hubapi.com/crm/v3/objects/deals/18225469034";
const server = mswServer();

describe("hubspotWriter", () => {
  it("creates a note associated to the deal (type 214) with the exact documented body", async () => {
    const seen: { method: string; url: string; auth: string | null; body: unknown }[] = [];
    server.use(
      http.post(NOTES, async ({ request }) => {
        seen.push({
          method: "POST",
          url: request.url,
          auth: request.headers.get("authorization"),
          body: await request.json(),
        });
        return vendorAnswer("hubspot", "note-created.json", { status: 201 });
      }),
    );
    const out = await hubspotWriter({ accessToken: TOKEN }).writeCallResult("18225469034", SAMPLE_RESULT);
    expect(out).toEqual({ id: "51234567890" });
    expect(seen).toEqual([
      {
        method: "POST",
        url: NOTES,
        auth: `Bearer ${TOKEN}`,
        body: {
          properties: {
            hs_timestamp: "2026-03-02T09:00:00.000Z",
            hs_note_body: renderNoteHtml(SAMPLE_RESULT),
          },
          associations: [
            {
              to: { id: "18225469034" },
              types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 214 }],
            },
          ],
        },
      },
    ]);
  });

  it("then PATCHes the chosen deal properties", async () => {
    let patched: unknown;
    server.use(
      http.post(NOTES, () => vendorAnswer("hubspot", "note-created.json", { status: 201 })),
      http.patch(DEAL, async ({ request }) => {
        patched = await request.json();
        return vendorAnswer("hubspot", "deal-updated.json");
      }),
    );
    await hubspotWriter({
      accessToken: TOKEN,
      dealProperties: { debrief_playbook_score: "playbookScore", debrief_talk_ratio: "talkRatio" },
    }).writeCallResult("18225469034", SAMPLE_RESULT);
    expect(patched).toEqual({ properties: { debrief_playbook_score: "78", debrief_talk_ratio: "0.42" } });
  });

  it("401 is a non-retryable auth failure asking to reconnect", async () => {
    server.use(http.post(NOTES, () => vendorAnswer("hubspot", "401.json", { status: 401 })));
    const e = await writeFailure(
      hubspotWriter({ accessToken: TOKEN }).writeCallResult("1", SAMPLE_RESULT),
      TOKEN,
    );
    expect(e.code).toBe("crm.auth_failed");
    expect(isRetryable(e)).toBe(false);
    expect(e.message).toMatch(
      /^HubSpot refused Debrief's credentials \(401: INVALID_AUTHENTICATION: Authentication credentials not found/,
    );
    expect(e.message).toMatch(/reconnect HubSpot/);
  });

  it("429 is retryable, after Retry-After when sent, else the X-HubSpot-RateLimit interval", async () => {
    const limits = {
      "x-hubspot-ratelimit-daily": "500000",
      "x-hubspot-ratelimit-daily-remaining": "499120",
      "x-hubspot-ratelimit-interval-milliseconds": "10000",
      "x-hubspot-ratelimit-max": "190",
      "x-hubspot-ratelimit-remaining": "0",
      "x-hubspot-ratelimit-secondly": "19",
      "x-hubspot-ratelimit-secondly-remaining": "0",
    };
    server.use(http.post(NOTES, () => vendorAnswer("hubspot", "429.json", { status: 429, headers: limits })));
    const e = await writeFailure(
      hubspotWriter({ accessToken: TOKEN }).writeCallResult("1", SAMPLE_RESULT),
      TOKEN,
    );
    expect(e.code).toBe("rate_limited");
    expect(isRetryable(e)).toBe(true);
    expect(e.retryAfterSec).toBe(10);
    expect(retryAfterMs(e)).toBe(10_000);
    expect(e.message).toContain("RATE_LIMIT: You have reached your secondly limit.");

    server.use(
      http.post(NOTES, () =>
        vendorAnswer("hubspot", "429.json", { status: 429, headers: { ...limits, "retry-after": "3" } }),
      ),
    );
    const e2 = await writeFailure(
      hubspotWriter({ accessToken: TOKEN }).writeCallResult("1", SAMPLE_RESULT),
      TOKEN,
    );
    expect(e2.retryAfterSec).toBe(3);
  });

  it("5xx is retryable; other 4xx are not and carry HubSpot's message", async () => {
    server.use(http.post(NOTES, () => vendorAnswer("hubspot", "502.json", { status: 502 })));
    const e = await writeFailure(
      hubspotWriter({ accessToken: TOKEN }).writeCallResult("1", SAMPLE_RESULT),
      TOKEN,
    );
    expect([e.code, isRetryable(e), e.status]).toEqual(["upstream.unavailable", true, 502]);

    server.use(http.post(NOTES, () => vendorAnswer("hubspot", "400.json", { status: 400 })));
    const e2 = await writeFailure(
      hubspotWriter({ accessToken: TOKEN }).writeCallResult("1", SAMPLE_RESULT),
      TOKEN,
    );
    expect([e2.code, isRetryable(e2)]).toEqual(["crm.rejected", false]);
    expect(e2.message).toBe(
      "HubSpot refused to create the note (400: VALIDATION_ERROR: No association type 999 exists between notes and deals)",
    );
  });

  it("a failed property update reports the created note, and a retry with it does not create another", async () => {
    let notes = 0;
    let patches = 0;
    server.use(
      http.post(NOTES, () => {
        notes++;
        return vendorAnswer("hubspot", "note-created.json", { status: 201 });
      }),
      http.patch(DEAL, () => {
        patches++;
        return patches === 1
          ? HttpResponse.text("<html>Bad gateway</html>", { status: 503 })
          : vendorAnswer("hubspot", "deal-updated.json");
      }),
    );
    const writer = hubspotWriter({ accessToken: TOKEN, dealProperties: { debrief_score: "playbookScore" } });
    const e = await writeFailure(writer.writeCallResult("18225469034", SAMPLE_RESULT), TOKEN);
    expect(e.message).toBe("HubSpot is unavailable (503); will retry");
    expect(e.createdId).toBe("51234567890");
    expect(await writer.writeCallResult("18225469034", SAMPLE_RESULT, { existingId: e.createdId! })).toEqual({
      id: "51234567890",
    });
    expect([notes, patches]).toEqual([1, 2]);
  });

  it("a network failure is retryable and never shows the token", async () => {
    server.use(http.post(NOTES, () => HttpResponse.error()));
    const e = await writeFailure(
      hubspotWriter({ accessToken: TOKEN }).writeCallResult("1", SAMPLE_RESULT),
      TOKEN,
    );
    expect([e.code, isRetryable(e)]).toEqual(["upstream.unavailable", true]);
  });

  it("redacts the token if a vendor echoes it", async () => {
    server.use(
      http.post(NOTES, () =>
        HttpResponse.json(
          {
            status: "error",
            message: `token ${TOKEN} lacks scope crm.objects.deals.write`,
            category: "MISSING_SCOPES",
          },
          { status: 403 },
        ),
      ),
    );
    const e = await writeFailure(
      hubspotWriter({ accessToken: TOKEN }).writeCallResult("1", SAMPLE_RESULT),
      TOKEN,
    );
    expect(e.message).toContain("token [redacted] lacks scope");
  });
});
