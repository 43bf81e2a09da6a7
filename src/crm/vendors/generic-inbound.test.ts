import { describe, expect, it } from "vitest";
import { fixtureJson, inboundFixture } from "../../../test/helpers/crm-fixtures.js";
import { rejection } from "../../../test/helpers/rejection.js";
import { DebriefError } from "../../errors.js";
import { WebhookVerificationError } from "../../webhooks/verification-error.js";
import { parseGenericEvent, receiveGeneric } from "./generic-inbound.js";

const conn = fixtureJson<{ secrets: string[]; now: string }>("generic", "connection.json");
const NOW = new Date(conn.now);
const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

describe("generic Standard Webhooks inbound", () => {
  it("verifies and maps a deal.upserted event, keeping only import columns", async () => {
    expect(await receiveGeneric(inboundFixture("generic", "valid"), conn, NOW)).toEqual({
      changes: [
        {
          eventId: "msg_2Lh7Qk9ZxWc4VbN8",
          occurredAt: new Date("2026-03-02T09:15:00+01:00"),
          kind: "deals",
          op: "upsert",
          record: {
            id: "D-1042",
            created_at: "2026-02-10T09:30:00+01:00",
            owner_email: "dana@acme.example",
            name: "Acme Corp",
            amount: "24000.5",
            currency: "EUR",
            status: "won",
            closed_at: "2026-03-02T09:15:00+01:00",
            lead_id: null,
          },
        },
      ],
      ignored: [],
    });
  });

  it("accepts the previous secret during a rotation", async () => {
    await receiveGeneric(
      inboundFixture("generic", "valid"),
      { secrets: [conn.secrets[1]!, conn.secrets[0]!] },
      NOW,
    );
  });

  it("refuses a forged signature and a stale timestamp with 401", async () => {
    const forged = await rejection(
      receiveGeneric(inboundFixture("generic", "forged-signature"), conn, NOW),
      WebhookVerificationError,
    );
    expect(forged.reason).toBe("bad_signature");
    const stale = await rejection(
      receiveGeneric(inboundFixture("generic", "stale-timestamp"), conn, NOW),
      WebhookVerificationError,
    );
    expect(stale.reason).toBe("stale");
  });

  it("refuses a signed but malformed event with 422", async () => {
    const e = await rejection(
      receiveGeneric(inboundFixture("generic", "malformed"), conn, NOW),
      DebriefError,
    );
    expect(e.code).toBe("validation_failed");
    expect(e.message).toMatch(/^type: type must be/);
  });

  it("maps each type, requires the contract's required columns, and deletes by id", () => {
    const at = "2026-03-02T09:15:00Z";
    expect(
      parseGenericEvent(
        enc({
          type: "activity.upserted",
          timestamp: at,
          data: { id: "A1", at, direction: "inbound", delivered: true, extra: "x" },
        }),
        "m1",
      ).changes[0],
    ).toEqual({
      eventId: "m1",
      occurredAt: new Date(at),
      kind: "activities",
      op: "upsert",
      record: { id: "A1", at, direction: "inbound", delivered: "true" },
    });
    expect(
      parseGenericEvent(
        enc({ type: "customer.deleted", timestamp: at, data: { id: 7, started_at: at } }),
        "m2",
      ).changes[0],
    ).toEqual({
      eventId: "m2",
      occurredAt: new Date(at),
      kind: "customers",
      op: "delete",
      record: { id: "7" },
    });
    expect(() =>
      parseGenericEvent(enc({ type: "lead.upserted", timestamp: at, data: { id: "L1" } }), "m3"),
    ).toThrow(/missing created_at for lead\.upserted/);
    expect(() =>
      parseGenericEvent(enc({ type: "deal.upserted", timestamp: "yesterday", data: {} }), "m4"),
    ).toThrow(/timestamp/);
    expect(() =>
      parseGenericEvent(enc({ type: "deal.upserted", timestamp: at, data: { id: { nested: 1 } } }), "m5"),
    ).toThrow(/data/);
    expect(() => parseGenericEvent(new TextEncoder().encode("{"), "m6")).toThrow(/not JSON/);
  });
});
