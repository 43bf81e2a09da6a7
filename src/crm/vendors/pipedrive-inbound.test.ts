import { describe, expect, it } from "vitest";
import { fixtureBodyJson, fixtureJson, inboundFixture } from "../../../test/helpers/crm-fixtures.js";
import { thrownBy } from "../../../test/helpers/rejection.js";
import { DebriefError } from "../../errors.js";
import { WebhookVerificationError } from "../../webhooks/verification-error.js";
import { parsePipedriveEvent, receivePipedrive, verifyPipedriveRequest } from "./pipedrive-inbound.js";

const conn = fixtureJson<{ user: string; password: string; companyId: number }>(
  "pipedrive",
  "connection.json",
);
const receive = (name: string) => receivePipedrive(inboundFixture("pipedrive", name), conn);
const enc = (s: string) => new TextEncoder().encode(s);

const refusedWith = (fn: () => unknown) => thrownBy(fn, WebhookVerificationError);

describe("verifyPipedriveRequest", () => {
  it("accepts the configured Basic credentials", () => {
    verifyPipedriveRequest(inboundFixture("pipedrive", "v2-deal-won"), conn);
  });
  it("refuses a wrong password, a wrong user, no header, and non-Basic schemes", () => {
    expect(refusedWith(() => receive("wrong-password")).reason).toBe("bad_signature");
    expect(refusedWith(() => receive("no-auth")).reason).toBe("missing_header");
    const req = inboundFixture("pipedrive", "v2-deal-won");
    for (const authorization of [
      `Basic ${btoa(`admin:${conn.password}`)}`,
      `Basic ${btoa(conn.password)}`,
      `Bearer ${conn.password}`,
      "Basic !!!",
      `Basic ${btoa(`${conn.user}:${conn.password}x`)}`,
    ]) {
      expect(
        refusedWith(() => verifyPipedriveRequest({ ...req, headers: { authorization } }, conn)).reason,
      ).toBe("bad_signature");
    }
  });
  it("allows a colon inside the password", () => {
    const req = inboundFixture("pipedrive", "v2-deal-won");
    verifyPipedriveRequest(
      { ...req, headers: { authorization: `Basic ${btoa("u:p:a:ss")}` } },
      { user: "u", password: "p:a:ss" },
    );
  });
});

describe("parsePipedriveEvent", () => {
  it("v2: a won deal becomes a deal upsert closed at won_time, owner as vendor id", () => {
    expect(receive("v2-deal-won")).toEqual({
      changes: [
        {
          eventId: "3f4c9a7e-2b1d-4e5f-8a6b-7c8d9e0f1a2b",
          occurredAt: new Date("2026-03-02T09:15:00.412Z"),
          kind: "deals",
          op: "upsert",
          record: {
            id: "1042",
            created_at: "2026-02-10T08:30:00.000Z",
            name: "Acme Corp – 40 seats",
            amount: "24000",
            currency: "EUR",
            status: "won",
            closed_at: "2026-03-02T09:15:00.000Z",
          },
          ownerVendorId: "13000124",
        },
      ],
      ignored: [],
    });
  });

  it("v2: a delete is a delete of the entity id", () => {
    expect(receive("v2-deal-deleted").changes).toEqual([
      {
        eventId: "9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
        occurredAt: new Date("2026-03-02T09:16:40Z"),
        kind: "deals",
        op: "delete",
        record: { id: "1043" },
      },
    ]);
  });

  it("v2: a person is a lead", () => {
    expect(receive("v2-person-created").changes).toEqual([
      {
        eventId: "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d",
        occurredAt: new Date("2026-03-02T09:17:05Z"),
        kind: "leads",
        op: "upsert",
        record: { id: "5513", created_at: "2026-03-02T09:17:05.000Z" },
        ownerVendorId: "13000124",
      },
    ]);
  });

  it("v2: a done call is an outbound call activity at the time it was marked done", () => {
    expect(receive("v2-activity-created").changes).toEqual([
      {
        eventId: "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f",
        occurredAt: new Date("2026-03-02T09:31:00Z"),
        kind: "activities",
        op: "upsert",
        record: {
          id: "88120",
          direction: "outbound",
          at: "2026-03-02T09:31:00.000Z",
          deal_id: "1042",
          lead_id: "5512",
          channel: "call",
        },
        ownerVendorId: "13000124",
      },
    ]);
  });

  it("v2: an activity not done yet is placed at its due date and time; other types have no channel", () => {
    const raw = fixtureBodyJson<{
      data: Record<string, unknown>;
    }>("pipedrive", "v2-activity-created");
    raw.data.done = false;
    raw.data.type = "lunch";
    const [change] = parsePipedriveEvent(enc(JSON.stringify(raw)), conn).changes;
    expect(change?.record).toMatchObject({ at: "2026-03-02T09:00:00.000Z", channel: null });
  });

  it("v1: updated.deal with UTC 'YYYY-MM-DD HH:MM:SS' times", () => {
    expect(receive("v1-deal-updated")).toEqual({
      changes: [
        {
          eventId: "v1:401:updated.deal:1044:1772442900123456",
          occurredAt: new Date(1772442900_000),
          kind: "deals",
          op: "upsert",
          record: {
            id: "1044",
            created_at: "2026-01-20T14:05:00.000Z",
            name: "Globex renewal",
            amount: "8000",
            currency: "USD",
            status: "lost",
            closed_at: "2026-03-02T09:15:00.000Z",
          },
          ownerVendorId: "13000123",
        },
      ],
      ignored: [],
    });
  });

  it("ignores entities that are not synced, and merges", () => {
    const raw = fixtureBodyJson<{
      meta: Record<string, unknown>;
    }>("pipedrive", "v2-person-created");
    raw.meta.entity = "organization";
    expect(parsePipedriveEvent(enc(JSON.stringify(raw)), conn)).toEqual({
      changes: [],
      ignored: [
        { eventId: "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", reason: "entity organization is not synced" },
      ],
    });
    const v1 = fixtureBodyJson<{
      event: string;
    }>("pipedrive", "v1-deal-updated");
    v1.event = "merged.person";
    expect(parsePipedriveEvent(enc(JSON.stringify(v1)), conn).ignored[0]?.reason).toBe(
      "merge events are not synced",
    );
  });

  it("refuses another company (401) and a malformed body (422)", () => {
    const raw = fixtureBodyJson<{
      meta: Record<string, unknown>;
    }>("pipedrive", "v2-deal-won");
    raw.meta.company_id = "1111111";
    expect(refusedWith(() => parsePipedriveEvent(enc(JSON.stringify(raw)), conn)).reason).toBe(
      "wrong_account",
    );
    for (const body of [inboundFixture("pipedrive", "malformed").body, enc("[]"), enc("nope")]) {
      expect(thrownBy(() => parsePipedriveEvent(body, conn), DebriefError).code).toBe("validation_failed");
    }
  });
});
