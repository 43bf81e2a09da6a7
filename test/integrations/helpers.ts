import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { HttpResponse, http } from "msw";
import { createOrganization } from "../../src/admin/operations.js";
import { newId } from "../../src/auth/keys.js";
import type { Database } from "../../src/db/database.js";
import { webhookDeliveries, webhookEndpoints } from "../../src/db/schema/index.js";
import type { TestApp } from "../helpers/app.js";

/** A fixed AES key for secrets at rest in tests (base64 of 32 bytes). */
export const TEST_SECRETS_KEY = Buffer.alloc(32, 7).toString("base64");

/** A clock the test moves by hand. */
export function testClock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    set(at: Date | string) {
      now = new Date(at);
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

/** The Standard Webhooks signature, computed independently of src/ with node:crypto. */
export function referenceSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
}

/** HubSpot v3: base64(HMAC-SHA256(client secret, method + uri + body + timestamp)). */
export function hubspotSignature(
  clientSecret: string,
  url: string,
  body: string,
  timestampMs: string,
): string {
  return createHmac("sha256", clientSecret).update(`POST${url}${body}${timestampMs}`).digest("base64");
}

export async function createConnection(t: TestApp, body: Record<string, unknown>) {
  const res = await t.request("/v1/crm/connections", {
    method: "POST",
    headers: t.auth(t.adminKey, { "content-type": "application/json" }),
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`connection: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; webhookUrl: string; credentials: Record<string, string> };
}

/**
 * Upload a short transcript call as the admin (distinct content each time: uploads are idempotent
 * by content); coaching, webhooks and write-back follow when the jobs run. Returns the call id.
 */
export async function uploadCall(t: TestApp, salt: string, crmDealId?: string): Promise<string> {
  const res = await t.request("/v1/calls", {
    method: "POST",
    headers: t.auth(t.adminKey, { "content-type": "application/json" }),
    body: JSON.stringify({
      ...(crmDealId ? { crmDealId } : {}),
      title: "Discovery – Acme",
      occurredAt: "2026-03-02T08:00:00.000Z",
      speakerRoles: { rep: ["A"], customer: ["B"] },
      transcript: {
        language: "en",
        utterances: [
          { speaker: "A", start: 0, end: 3, text: `What brings you here today? (${salt})` },
          { speaker: "B", start: 3.5, end: 8, text: "Our handoffs are slow and we lose deals." },
        ],
      },
    }),
  });
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** A resolver the test points wherever it likes (tests never use real DNS); counts its lookups. */
export function stubResolver(initial: Record<string, string[]> = {}) {
  const table = new Map(Object.entries(initial));
  const lookups: string[] = [];
  return {
    lookups,
    point(host: string, addresses: string[]) {
      table.set(host, addresses);
    },
    resolve: async (host: string): Promise<readonly string[]> => {
      lookups.push(host);
      const addresses = table.get(host);
      if (!addresses) throw new Error(`ENOTFOUND ${host}`);
      return addresses;
    },
  };
}

/**
 * An organization with one webhook endpoint and a pending delivery that no job carries — what a
 * crash or a lost job leaves behind — written straight to the tables (the secret is a placeholder:
 * nothing here sends). For the entry points' sweep tests.
 */
export async function seedOrphanedDelivery(db: Database): Promise<{ orgId: string; deliveryId: string }> {
  const { orgId } = await createOrganization(db, {
    name: "Orphans",
    adminEmail: `admin.${Math.random().toString(36).slice(2)}@orphans.test`,
  });
  const endpointId = newId("ep");
  await db
    .insert(webhookEndpoints)
    .values({ id: endpointId, orgId, url: "https://hooks.example.com/x", secret: "-" });
  const deliveryId = newId("msg");
  await db.insert(webhookDeliveries).values({
    id: deliveryId,
    orgId,
    endpointId,
    eventId: newId("evt"),
    eventSeq: 1,
    eventType: "call.analyzed",
    body: "{}",
    nextAttemptAt: new Date("2026-03-02T09:00:00Z"),
  });
  return { orgId, deliveryId };
}

/** A HubSpot connection that writes back (test credentials). */
export const HUBSPOT_WRITEBACK = {
  vendor: "hubspot",
  portalId: 62515,
  clientSecret: "cs",
  accessToken: "pat-na1-test",
  writeBack: true,
} as const;

/**
 * An msw handler for HubSpot's create-note endpoint answering with the documented 201 body
 * (id 51234567890); `count()` says how many notes were asked for.
 */
export function hubspotNotesHandler() {
  let notes = 0;
  const created = JSON.parse(readFileSync("fixtures/crm/hubspot/writeback/note-created.json", "utf8"));
  return {
    count: () => notes,
    handler: http.post("https://api.hubapi.com/crm/v3/objects/notes", () => {
      notes++;
      return HttpResponse.json(created, { status: 201 });
    }),
  };
}
