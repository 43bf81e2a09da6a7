import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fixtureJson, inboundFixture } from "../../../test/helpers/crm-fixtures.js";
import { rejection } from "../../../test/helpers/rejection.js";
import { DebriefError } from "../../errors.js";
import { WebhookVerificationError } from "../../webhooks/verification-error.js";
import {
  hubspotSignedUri,
  parseHubSpotEvents,
  receiveHubSpot,
  verifyHubSpotRequest,
} from "./hubspot-inbound.js";

const conn = fixtureJson<{ clientSecret: string; portalId: number; lostStages: string[]; now: string }>(
  "hubspot",
  "connection.json",
);
const NOW = new Date(conn.now);
const enc = (s: string) => new TextEncoder().encode(s);

describe("verifyHubSpotRequest", () => {
  it("accepts the signed fixture", async () => {
    await verifyHubSpotRequest(inboundFixture("hubspot", "valid"), conn, NOW);
  });

  it("refuses a body changed after signing", async () => {
    const e = await rejection(
      verifyHubSpotRequest(inboundFixture("hubspot", "forged-signature"), conn, NOW),
      WebhookVerificationError,
    );
    expect(e.reason).toBe("bad_signature");
    expect(e.code).toBe("auth.unauthorized");
  });

  it("refuses a timestamp more than 5 minutes old, and accepts it at exactly 5 minutes", async () => {
    const stale = inboundFixture("hubspot", "stale-timestamp");
    const e = await rejection(verifyHubSpotRequest(stale, conn, NOW), WebhookVerificationError);
    expect(e.reason).toBe("stale");
    expect(e.message).toContain("301 s old");
    await verifyHubSpotRequest(stale, conn, new Date(NOW.getTime() - 1000));
  });

  it("refuses the wrong secret, method or URL", async () => {
    const valid = inboundFixture("hubspot", "valid");
    const cases = [
      [{ ...valid }, { clientSecret: "another-app-secret" }],
      [{ ...valid, method: "PUT" }, conn],
      [{ ...valid, url: valid.url.replace("conn_7Qm2", "conn_other") }, conn],
      [{ ...valid, url: valid.url.replace("https:", "http:") }, conn],
    ] as const;
    for (const [req, secret] of cases) {
      const e = await rejection(verifyHubSpotRequest(req, secret, NOW), WebhookVerificationError);
      expect(e.reason).toBe("bad_signature");
    }
  });

  it("refuses missing or non-numeric headers", async () => {
    const valid = inboundFixture("hubspot", "valid");
    const h = valid.headers as Record<string, string>;
    const without = (name: string) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== name));
    for (const name of ["x-hubspot-signature-v3", "x-hubspot-request-timestamp"]) {
      const e = await rejection(
        verifyHubSpotRequest({ ...valid, headers: without(name) }, conn, NOW),
        WebhookVerificationError,
      );
      expect(e.reason).toBe("missing_header");
    }
    const e = await rejection(
      verifyHubSpotRequest(
        { ...valid, headers: { ...h, "x-hubspot-request-timestamp": "yesterday" } },
        conn,
        NOW,
      ),
      WebhookVerificationError,
    );
    expect(e.reason).toBe("bad_timestamp");
  });

  it("signs the URI with HubSpot's table of decoded escapes, and only those", async () => {
    expect(
      hubspotSignedUri("https://h.example/p?a=%3a%2F%3F%40%21%24%27%28%29%2A%2C%3B&b=%20%26%3D%2B%23"),
    ).toBe("https://h.example/p?a=:/?@!$'()*,;&b=%20%26%3D%2B%23");
    await verifyHubSpotRequest(inboundFixture("hubspot", "encoded-uri"), conn, NOW);
  });

  it("matches an independent node:crypto computation for a fresh request", async () => {
    const body = '[{"eventId":1}]';
    const ts = String(NOW.getTime());
    const url = "https://debrief.example.com/hooks/hubspot";
    const sig = createHmac("sha256", conn.clientSecret).update(`POST${url}${body}${ts}`).digest("base64");
    await verifyHubSpotRequest(
      {
        method: "post",
        url,
        headers: new Headers({ "X-HubSpot-Signature-v3": sig, "X-HubSpot-Request-Timestamp": ts }),
        body: enc(body),
      },
      conn,
      NOW,
    );
  });
});

describe("parseHubSpotEvents", () => {
  it("maps the fixture batch to import-column changes", async () => {
    const { changes, ignored } = await receiveHubSpot(inboundFixture("hubspot", "valid"), conn, NOW);
    expect(changes).toEqual([
      {
        eventId: "1812362117",
        occurredAt: new Date("2026-03-02T09:01:12.345Z"),
        kind: "deals",
        op: "upsert",
        record: { id: "18225469034", created_at: "2026-03-02T09:01:12.345Z" },
      },
      {
        eventId: "1812362118",
        occurredAt: new Date("2026-03-02T09:05:00Z"),
        kind: "deals",
        op: "upsert",
        record: { id: "18225469034", amount: "12500" },
      },
      {
        eventId: "1812362119",
        occurredAt: new Date("2026-03-02T09:06:30Z"),
        kind: "deals",
        op: "upsert",
        record: { id: "18225469034" },
        ownerVendorId: "81234567",
      },
      {
        eventId: "1812362120",
        occurredAt: new Date("2026-03-02T09:14:59.999Z"),
        kind: "deals",
        op: "upsert",
        record: { id: "18225469034", status: "won", closed_at: "2026-03-02T09:14:59.999Z" },
      },
      {
        eventId: "1812362121",
        occurredAt: new Date("2026-03-02T09:15:10Z"),
        kind: "deals",
        op: "upsert",
        record: { id: "18225470001", status: "lost", closed_at: "2026-03-02T09:15:10.000Z" },
      },
      {
        // a custom pipeline stage mapped to lost by the connection
        eventId: "1812362122",
        occurredAt: new Date("2026-03-02T09:15:20Z"),
        kind: "deals",
        op: "upsert",
        record: { id: "18225470002", status: "lost", closed_at: "2026-03-02T09:15:20.000Z" },
      },
      {
        eventId: "1812362123",
        occurredAt: new Date("2026-03-02T09:15:30Z"),
        kind: "deals",
        op: "upsert",
        record: { id: "18225470003", status: "open", closed_at: null },
      },
      {
        eventId: "1812362125",
        occurredAt: new Date("2026-03-02T09:16:00Z"),
        kind: "leads",
        op: "upsert",
        record: { id: "97531", created_at: "2026-03-02T09:16:00.000Z" },
      },
      {
        eventId: "1812362126",
        occurredAt: new Date("2026-03-02T09:17:00Z"),
        kind: "deals",
        op: "delete",
        record: { id: "18225470004" },
      },
    ]);
    expect(ignored).toEqual([
      {
        eventId: "1812362124",
        reason: "closedate is the expected close date; closed_at comes from the stage change",
      },
      { eventId: "1812362127", reason: "subscription type contact.propertyChange is not synced" },
    ]);
  });

  it("without the custom stage mapping, a custom stage is open", () => {
    const body = enc(
      JSON.stringify([
        {
          eventId: 5,
          subscriptionType: "deal.propertyChange",
          objectId: 9,
          occurredAt: 0,
          portalId: conn.portalId,
          propertyName: "dealstage",
          propertyValue: "1049823",
        },
        {
          eventId: 6,
          subscriptionType: "deal.propertyChange",
          objectId: 9,
          occurredAt: 0,
          portalId: conn.portalId,
          propertyName: "dealstage",
          propertyValue: "1049824",
        },
      ]),
    );
    expect(parseHubSpotEvents(body, { portalId: conn.portalId }).changes[0]?.record).toEqual({
      id: "9",
      status: "open",
      closed_at: null,
    });
    expect(
      parseHubSpotEvents(body, { portalId: conn.portalId, wonStages: ["1049824"] }).changes[1]?.record,
    ).toEqual({
      id: "9",
      status: "won",
      closed_at: "1970-01-01T00:00:00.000Z",
    });
  });

  it("refuses a body that is not an array (422) after verifying it", async () => {
    const e = await rejection(
      receiveHubSpot(inboundFixture("hubspot", "malformed"), conn, NOW),
      DebriefError,
    );
    expect(e.code).toBe("validation_failed");
    expect(() => parseHubSpotEvents(enc("not json"), conn)).toThrow(/JSON array/);
    expect(() => parseHubSpotEvents(new Uint8Array([0xff, 0xfe]), conn)).toThrow(/JSON array/);
  });

  it("verifies before parsing: a forged malformed body is a 401, not a 422", async () => {
    const req = { ...inboundFixture("hubspot", "malformed"), body: enc("{broken") };
    const e = await rejection(receiveHubSpot(req, conn, NOW), WebhookVerificationError);
    expect(e.reason).toBe("bad_signature");
  });

  it("reports a malformed event and keeps the others", () => {
    const body = enc(
      JSON.stringify([
        {
          eventId: 1,
          subscriptionType: "deal.creation",
          objectId: "x",
          occurredAt: 1,
          portalId: conn.portalId,
        },
        { subscriptionType: "deal.creation" },
        {
          eventId: 3,
          subscriptionType: "deal.deletion",
          objectId: 7,
          occurredAt: 1,
          portalId: conn.portalId,
        },
      ]),
    );
    const { changes, ignored } = parseHubSpotEvents(body, conn);
    expect(changes.map((c) => c.eventId)).toEqual(["3"]);
    expect(ignored.map((i) => i.eventId)).toEqual(["1", "#1"]);
    expect(ignored[0]?.reason).toMatch(/^malformed event: objectId/);
  });

  it("refuses events of another portal (401 wrong account)", () => {
    const body = enc(
      JSON.stringify([
        { eventId: 1, subscriptionType: "deal.creation", objectId: 1, occurredAt: 1, portalId: 999 },
      ]),
    );
    expect(() => parseHubSpotEvents(body, conn)).toThrow(WebhookVerificationError);
    expect(() => parseHubSpotEvents(body, conn)).toThrow(/portal 999/);
  });
});
