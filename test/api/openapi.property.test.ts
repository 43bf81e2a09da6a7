import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

/**
 * Every operation of /openapi.json, sent random and mutated inputs (path ids, query values, bodies,
 * content types) with a valid admin (operator) key: the answer is never a 5xx, and every 4xx is
 * problem+json. Bounded: a fixed seed (FC_SEED overrides it) and a time limit per database.
 */
const SEED = Number(process.env.FC_SEED ?? 20_261_202);
const TIME_LIMIT_MS = Number(process.env.FC_TIME_LIMIT_MS ?? 6_000);

interface Operation {
  method: string;
  path: string;
  query: string[];
  bodyTypes: string[];
  bodyFields: string[];
}

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string }>;
        requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
      }
    >
  >;
};

/** encodeURIComponent, with a lone surrogate sent as its (invalid UTF-8) bytes instead of throwing. */
const encode = (s: string) =>
  s.replace(/[\s\S]/gu, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return "%ED%A0%80";
    }
  });

function operationsOf(doc: Doc): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      out.push({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
        bodyTypes: Object.keys(content),
        bodyFields: Object.values(content).flatMap((c) => Object.keys(c.schema?.properties ?? {})),
      });
    }
  }
  return out;
}

/** Strings that have broken services before: NUL and other controls, huge, odd Unicode, dates. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\u001b[31m",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "1e400",
    "-1",
    "NaN",
    "../../etc/passwd",
    "%00",
    "%",
    "\ud800",
    "🙂",
    "x".repeat(5000),
    "[]",
    "{}",
    "null",
  ),
);

const jsonValue = fc.oneof(
  { depthSize: "small" },
  nasty,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant("\u0000"),
  fc.double(),
);

describe.each(testDatabases)("every operation of the OpenAPI document on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let operations: Operation[];

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, {
      config: {
        DEBRIEF_RATE_LIMIT_PER_MINUTE: 0,
        DEBRIEF_RATE_LIMIT_USER_PER_MINUTE: 0,
        DEBRIEF_RATE_LIMIT_ORG_PER_MINUTE: 0,
        DEBRIEF_AUTH_FAILURES_PER_MINUTE: 0,
      },
    });
    // Something to find: a call, so ids and cursors are sometimes real.
    await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({ transcript: "Dana: What brought you here?\nLee: Routing." }),
    });
    const res = await t.request("/openapi.json");
    operations = operationsOf((await res.json()) as Doc);
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("covers every route of the document", () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.some((o) => o.method === "POST" && o.path === "/v1/calls")).toBe(true);
  });

  it("never answers 5xx, and every 4xx is problem+json", async () => {
    const statuses = new Map<number, number>();
    const request = fc.record({
      op: fc.nat(),
      segments: fc.array(fc.oneof(nasty, fc.constantFrom("call_x", "leads", "deals", "discovery")), {
        minLength: 4,
        maxLength: 4,
      }),
      encode: fc.boolean(),
      query: fc.array(fc.tuple(fc.oneof(fc.constantFrom("limit", "cursor", "from", "to"), nasty), nasty), {
        maxLength: 4,
      }),
      useDeclaredQuery: fc.boolean(),
      typeChoice: fc.oneof(
        fc.constant("declared"),
        fc.constantFrom(
          "text/plain",
          "application/json",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=XyZ",
          "application/json; charset=latin1",
          "",
        ),
      ),
      body: fc.oneof(
        fc.dictionary(fc.oneof(nasty, fc.constantFrom("name", "url", "transcript")), jsonValue, {
          maxKeys: 5,
        }),
        jsonValue,
        fc.uint8Array({ maxLength: 200 }),
        fc.constant("["),
      ),
      fieldValues: fc.array(jsonValue, { minLength: 8, maxLength: 8 }),
    });

    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const op = operations[r.op % operations.length]!;
        let i = 0;
        const path = op.path.replace(/\{[^}]+\}/g, () => {
          const s = r.segments[i++ % r.segments.length]!;
          return r.encode ? encode(s) : s.replace(/[?#\s]/g, "");
        });
        const params = new URLSearchParams();
        const names = r.useDeclaredQuery && op.query.length > 0 ? op.query : [];
        for (const [k, n] of names.entries()) params.set(n, String(r.query[k]?.[1] ?? ""));
        for (const [k, v] of r.query) params.append(String(k), String(v));
        const qs = params.toString();
        const url = `${path.startsWith("/") ? "" : "/"}${path}${qs ? `?${qs}` : ""}`;

        const init: RequestInit & { headers: Record<string, string> } = {
          method: op.method,
          headers: t.auth(t.adminKey),
        };
        if (op.method !== "GET" && op.method !== "HEAD") {
          const type =
            r.typeChoice === "declared"
              ? (op.bodyTypes[r.op % Math.max(1, op.bodyTypes.length)] ?? "")
              : r.typeChoice;
          if (type.startsWith("multipart/form-data") && r.typeChoice === "declared") {
            const form = new FormData();
            op.bodyFields.forEach((f, k) => {
              const v = r.fieldValues[k % r.fieldValues.length];
              form.append(f, typeof v === "string" ? v : JSON.stringify(v ?? null));
            });
            if (op.bodyFields.includes("file")) form.set("file", new File([JSON.stringify(r.body)], "x.txt"));
            init.body = form;
          } else {
            if (type) init.headers["content-type"] = type;
            let body: string | Uint8Array;
            if (r.body instanceof Uint8Array) body = r.body;
            else if (typeof r.body === "object" && r.body !== null && !Array.isArray(r.body)) {
              // Declared field names with hostile values, over the random ones.
              const obj: Record<string, unknown> = { ...r.body };
              op.bodyFields.forEach((f, k) => {
                obj[f] = r.fieldValues[k % r.fieldValues.length];
              });
              body = JSON.stringify(obj) ?? "";
            } else body = JSON.stringify(r.body) ?? "";
            init.body = body;
          }
        }
        const res = await t.request(url, init);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const where = `${op.method} ${url.slice(0, 200)} (${String(init.headers["content-type"] ?? "")})`;
        expect(res.status, `${where}: ${await res.clone().text()}`).toBeLessThan(500);
        if (res.status >= 400)
          expect(res.headers.get("content-type"), where).toContain("application/problem+json");
        await res.arrayBuffer();
      }),
      { seed: SEED, numRuns: 2_000, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
    // Enough requests got through to mean something, and not all of them were refused alike.
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(20);
    expect(statuses.size).toBeGreaterThan(3);
  }, 120_000);
});
