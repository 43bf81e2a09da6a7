import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixtureBytes, fixtureJson } from "../../../test/helpers/crm-fixtures.js";
import { thrownBy } from "../../../test/helpers/rejection.js";
import { DebriefError } from "../../errors.js";
import { WebhookVerificationError } from "../../webhooks/verification-error.js";
import {
  parseSalesforceOutboundMessage,
  receiveSalesforce,
  SALESFORCE_ACK_XML,
  verifySalesforceToken,
} from "./salesforce-inbound.js";

const conn = fixtureJson<{ organizationId: string; urlToken: string }>("salesforce", "connection.json");
const request = (file: string) => ({
  method: "POST",
  url: "https://debrief.example.com/v1/crm/hooks/salesforce/conn_S1/q7Vt2xN9bLr4KpZs",
  headers: { "content-type": "text/xml; charset=utf-8", soapaction: '""' },
  body: fixtureBytes("salesforce", file),
});

const thrown = (fn: () => unknown) => thrownBy(fn, Error);

describe("Salesforce outbound messages", () => {
  it("maps Opportunity and Lead notifications, ignoring other sObjects", () => {
    const { changes, ignored } = receiveSalesforce(request("opportunity-lead.xml"), conn.urlToken, conn);
    expect(changes).toEqual([
      {
        eventId: "04l5e00000ABCd1AAD",
        occurredAt: new Date("2026-03-02T09:15:07.000Z"),
        kind: "deals",
        op: "upsert",
        ownerVendorId: "0055e000003FgHiAAK",
        record: {
          id: "0065e00000Q1w2eAAB",
          owner_email: "dana@acme.example",
          created_at: "2026-01-12T10:04:31.000Z",
          name: "Initech & Co – Platform",
          amount: "48000.0",
          currency: "USD",
          status: "won",
          closed_at: "2026-03-02T12:00:00.000Z",
        },
      },
      {
        eventId: "04l5e00000ABCd2AAD",
        occurredAt: new Date("2026-03-02T09:16:00.000Z"),
        kind: "deals",
        op: "upsert",
        ownerVendorId: "0055e000003FgHjAAK",
        record: {
          id: "0065e00000Q1w3fAAB",
          created_at: "2026-03-01T15:00:00.000Z",
          name: "Hooli <expansion>",
          amount: null,
          status: "open",
          closed_at: null,
        },
      },
      {
        eventId: "04l5e00000ABCd3AAD",
        occurredAt: new Date("2026-03-02T09:15:08.000Z"),
        kind: "leads",
        op: "upsert",
        ownerVendorId: "0055e000003FgHiAAK",
        record: {
          id: "00Q5e00000LmNoPEAV",
          created_at: "2026-01-05T08:00:00.000Z",
          source: "Web",
          converted_deal_id: "0065e00000Q1w2eAAB",
        },
      },
    ]);
    expect(ignored).toEqual([
      { eventId: "04l5e00000ABCd4AAD", reason: "sObject type sf:Account is not synced" },
    ]);
  });

  it("a closed, not won opportunity is lost", () => {
    const xml = readFileSync("fixtures/crm/salesforce/opportunity-lead.xml", "utf8").replace(
      "<sf:IsWon>true</sf:IsWon>",
      "<sf:IsWon>false</sf:IsWon>",
    );
    const [first] = parseSalesforceOutboundMessage(new TextEncoder().encode(xml), conn).changes;
    expect(first?.record).toMatchObject({ status: "lost", closed_at: "2026-03-02T12:00:00.000Z" });
  });

  it("accepts the 15-character form of the org id", () => {
    const { changes } = parseSalesforceOutboundMessage(fixtureBytes("salesforce", "opportunity-lead.xml"), {
      organizationId: "00D5e000000AbCd",
    });
    expect(changes).toHaveLength(3);
  });

  it("refuses another org (401) and a wrong or missing URL token before parsing", () => {
    const e = thrown(() => receiveSalesforce(request("other-org.xml"), conn.urlToken, conn));
    expect(e).toBeInstanceOf(WebhookVerificationError);
    expect((e as WebhookVerificationError).reason).toBe("wrong_account");
    for (const token of ["wrong", undefined]) {
      // malformed body: the token is checked first, so this is a 401 and not a 422
      const t = thrown(() => receiveSalesforce(request("malformed.xml"), token, conn));
      expect((t as WebhookVerificationError).reason).toBe("bad_signature");
    }
    verifySalesforceToken(undefined, { organizationId: conn.organizationId });
  });

  it("refuses DOCTYPE / entity declarations and malformed XML (422)", () => {
    for (const file of ["entity-expansion.xml", "malformed.xml"]) {
      const e = thrown(() => parseSalesforceOutboundMessage(fixtureBytes("salesforce", file), conn));
      expect(e).toBeInstanceOf(DebriefError);
      expect((e as DebriefError).code).toBe("validation_failed");
    }
    expect(
      (
        thrown(() =>
          parseSalesforceOutboundMessage(fixtureBytes("salesforce", "entity-expansion.xml"), conn),
        ) as Error
      ).message,
    ).toMatch(/DOCTYPE/);
    const notSoap = new TextEncoder().encode("<html><body>hi</body></html>");
    expect((thrown(() => parseSalesforceOutboundMessage(notSoap, conn)) as Error).message).toMatch(
      /no Envelope/,
    );
  });

  it("answers with the exact notificationsResponse acknowledgement", () => {
    expect(SALESFORCE_ACK_XML).toBe(readFileSync("fixtures/crm/salesforce/ack.xml", "utf8"));
  });
});
