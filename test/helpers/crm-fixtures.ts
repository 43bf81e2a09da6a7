import { readFileSync } from "node:fs";
import type { InboundRequest } from "../../src/crm/vendors/inbound.js";
import type { CallResult } from "../../src/crm/writeback/call-result.js";

/** A recorded inbound CRM request under fixtures/crm/<vendor>/<name>.json. */
export interface RequestFixture {
  description: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Load an inbound request fixture as the receiver would see it (body as raw bytes).
 *
 * @example
 * const req = inboundFixture("hubspot", "valid");
 */
export function inboundFixture(vendor: string, name: string): InboundRequest {
  const f = JSON.parse(readFileSync(`fixtures/crm/${vendor}/${name}.json`, "utf8")) as RequestFixture;
  return { method: f.method, url: f.url, headers: f.headers, body: new TextEncoder().encode(f.body) };
}

/** The body of a request fixture parsed as JSON, to derive variants from. */
export function fixtureBodyJson<T>(vendor: string, name: string): T {
  const f = JSON.parse(readFileSync(`fixtures/crm/${vendor}/${name}.json`, "utf8")) as RequestFixture;
  return JSON.parse(f.body) as T;
}

/** A fixture file parsed as JSON (connection settings, raw bodies). */
export function fixtureJson<T>(vendor: string, name: string): T {
  return JSON.parse(readFileSync(`fixtures/crm/${vendor}/${name}`, "utf8")) as T;
}

/** A fixture file's exact bytes. */
export function fixtureBytes(vendor: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(`fixtures/crm/${vendor}/${name}`));
}

/** A call result as write-back tests use it. */
export const SAMPLE_RESULT: CallResult = {
  callId: "call_7fQk2",
  title: "Discovery – Acme Corp",
  occurredAt: new Date("2026-03-02T09:00:00Z"),
  summary: "Acme needs SSO before rollout.\nBudget approved for Q2.",
  nextSteps: [
    { text: "Send SSO security whitepaper", owner: "Dana Smith", due: "2026-03-05" },
    { text: "Book technical deep-dive", owner: null, due: null },
  ],
  metrics: { talkRatio: 0.42, questions: 14, patienceSec: 1.25, objections: 2, playbookScore: 78 },
  url: "https://debrief.example.com/calls/call_7fQk2",
};
