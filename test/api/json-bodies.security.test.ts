import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

/**
 * Every JSON body and multipart field goes through one decoding rule (src/api/json-bodies.ts,
 * src/input.ts): control characters, invalid UTF-8, hostile nesting and wrong media types are
 * refused with a problem naming the field or the media types — never a 500, never stored.
 */
describe.each(testDatabases)("request bodies under one decoding rule on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  const send = (method: string, path: string, body: string | Uint8Array, type = "application/json") =>
    t.request(path, { method, headers: t.auth(t.adminKey, { "content-type": type }), body });
  const problemOf = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    return (await res.json()) as {
      code: string;
      detail: string;
      errors?: Array<{ path: string; message: string }>;
    };
  };
  const callCount = async () => {
    const res = await t.request("/v1/calls?limit=200", { headers: t.auth(t.adminKey) });
    return ((await res.json()) as { items: unknown[] }).items.length;
  };
  const transcript = "Dana: What brought you here today?\nLee: Routing.";

  it("refuses NUL and other control characters in every JSON text field, naming it", async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ["POST", "/v1/users", { email: "x@example.test", name: "a\u0000b", role: "rep" }, "name"],
      ["POST", "/v1/keys", { name: "k\u001b[31m" }, "name"],
      ["PATCH", "/v1/org", { name: "Org\u0007" }, "name"],
      ["POST", "/v1/webhooks", { url: "https://example.com/\u0000", events: ["call.analyzed"] }, "url"],
      ["POST", "/v1/calls", { transcript, title: "a\u0001b" }, "title"],
      ["POST", "/v1/calls", { transcript: `${transcript}\u0000` }, "transcript"],
      // A field the route does not type (a CRM record's extra data) is held to the same rule.
      [
        "PUT",
        "/v1/crm/deals/d1",
        { createdAt: "2026-01-01T00:00:00Z", name: "Deal", extra: { note: ["ok", "x\u0000"] } },
        "extra.note[1]",
      ],
    ];
    for (const [method, path, body, field] of cases) {
      const p = await problemOf(await send(method, path, JSON.stringify(body)), 422);
      expect(
        p.errors?.map((e) => e.path),
        `${method} ${path}`,
      ).toContain(field);
      expect(p.detail).toMatch(/must not contain (NUL|control characters)/);
    }
    // A line break is fine in a transcript, not in a single-line name.
    const named = await problemOf(
      await send("POST", "/v1/keys", JSON.stringify({ name: "two\nlines" })),
      422,
    );
    expect(named.errors?.[0]?.path).toBe("name");
    expect(await callCount()).toBe(0);
  });

  it("refuses control characters in multipart fields and YAML playbooks", async () => {
    for (const [field, value] of [
      ["title", "a\u0000b"],
      ["crmDealId", "d\u001f"],
      ["rep", "Dana\u0000"],
    ]) {
      const form = new FormData();
      form.append("file", new File([transcript], "call.txt"));
      form.append(field!, value!);
      const res = await t.request("/v1/calls", { method: "POST", headers: t.auth(t.adminKey), body: form });
      const p = await problemOf(res, 422);
      expect(p.errors?.[0]?.path.startsWith(field === "rep" ? "speakerRoles" : field!)).toBe(true);
    }
    const yaml = "id: nul\nname: N\u0000\nstage: discovery\nitems: []\n";
    const p = await problemOf(await send("PUT", "/v1/playbooks/nul", yaml, "application/yaml"), 422);
    expect(p.detail).toBe("(body): must not contain NUL (\\u0000)");
    expect(await callCount()).toBe(0);
  });

  it("refuses invalid UTF-8 in a JSON body instead of replacing it", async () => {
    const bytes = (s: string) => {
      const head = new TextEncoder().encode(s);
      // {"name": "<head>\xff\xfe"}
      return new Uint8Array([...new TextEncoder().encode('{"name":"'), ...head, 0xff, 0xfe, 0x22, 0x7d]);
    };
    for (const path of ["/v1/keys", "/v1/users"]) {
      const p = await problemOf(await send("POST", path, bytes("k")), 422);
      expect(p.detail).toBe("(body): is not valid UTF-8");
    }
    const upload = new Uint8Array([
      ...new TextEncoder().encode('{"transcript":"Dana: Hi \xc3'),
      0xc3,
      0x28,
      0x22,
      0x7d,
    ]);
    expect((await problemOf(await send("POST", "/v1/calls", upload), 422)).detail).toBe(
      "(body): is not valid UTF-8",
    );
    expect(await callCount()).toBe(0);
  });

  it("refuses an unpaired surrogate escape in any JSON string with a 422 naming the field", async () => {
    // JSON.parse accepts "\ud800" alone; PostgreSQL's text and jsonb do not (it was a 500 there).
    const cases: Array<[string, string, string]> = [
      ["/v1/calls", '{"transcript":"Dana: Hello \\ud800 there?\\nLee: Hi."}', "transcript"],
      [
        "/v1/calls",
        '{"transcript":{"utterances":[{"speaker":"A","text":"Hi \\udc00"}]}}',
        "transcript.utterances[0].text",
      ],
      ["/v1/keys", '{"name":"k\\ud83d"}', "name"],
    ];
    for (const [path, body, field] of cases) {
      const p = await problemOf(await send("POST", path, body), 422);
      expect(p.errors?.[0]?.path, path).toBe(field);
      expect(p.detail).toBe(`${field}: must not contain an unpaired surrogate (\\ud800–\\udfff alone)`);
    }
    // Inside an uploaded file (canonical JSON as a string, or a multipart file) the escape is the
    // file's own: the parsed transcript is checked.
    const inner = '{"utterances":[{"speaker":"A","text":"Hi"},{"speaker":"B","text":"x\\ud800"}]}';
    const asString = await problemOf(
      await send("POST", "/v1/calls", JSON.stringify({ transcript: inner })),
      422,
    );
    expect(asString.detail).toBe("utterances[1].text: must not contain an unpaired surrogate");
    const form = new FormData();
    form.append("file", new File([inner.replace("\\ud800", "\\udc00")], "call.json"));
    const file = await problemOf(
      await t.request("/v1/calls", { method: "POST", headers: t.auth(t.adminKey), body: form }),
      422,
    );
    expect(file.detail).toBe("utterances[1].text: must not contain an unpaired surrogate");
    expect(await callCount()).toBe(0);
  });

  it("refuses deeply nested JSON with a 422 (or a 413 past the size limit), never a stack overflow", async () => {
    const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    for (const [method, path] of [
      ["POST", "/v1/keys"],
      ["PUT", "/v1/crm/deals/d2"],
      ["POST", "/v1/calls"],
      ["PATCH", "/v1/org"],
    ] as const) {
      const p = await problemOf(await send(method, path, `{"name":${deep(30_000)}}`), 422);
      expect(p.detail, path).toBe("(body): nests arrays and objects deeper than 64 levels");
    }
    // Brackets inside strings are not nesting; 64 levels are allowed.
    const fine = await send("POST", "/v1/calls", JSON.stringify({ transcript, title: "[".repeat(200) }));
    expect(fine.status).toBe(202);
    const ok = await send(
      "PUT",
      "/v1/crm/deals/d3",
      JSON.stringify({ createdAt: "2026-01-01T00:00:00Z", extra: JSON.parse(deep(60)) }),
    );
    expect(ok.status).toBeLessThan(500);
    // Over the route's size limit it is a 413 before any parsing.
    const big = await send("POST", "/v1/keys", `{"name":${deep(40_000)}}`);
    expect((await problemOf(big, 413)).code).toBe("payload_too_large");
  });

  it("answers 415 for text/plain (or no content type) on JSON routes, naming what they take", async () => {
    for (const [method, path] of [
      ["POST", "/v1/keys"],
      ["POST", "/v1/users"],
      ["PATCH", "/v1/org"],
      ["PUT", "/v1/crm/deals/d4"],
      ["POST", "/v1/webhooks"],
    ] as const) {
      const p = await problemOf(await send(method, path, '{"name":"x"}', "text/plain"), 415);
      expect(p.code).toBe("unsupported_media_type");
      expect(p.detail).toBe("text/plain is not accepted here: send application/json");
    }
    const none = await t.request("/v1/keys", {
      method: "POST",
      headers: t.auth(t.adminKey),
      body: new Blob(['{"name":"x"}']),
    });
    expect((await problemOf(none, 415)).detail).toBe("the body has no Content-Type: send application/json");
    const upload = await problemOf(await send("POST", "/v1/calls", transcript, "text/plain"), 415);
    expect(upload.detail).toBe(
      "text/plain is not accepted here: send application/json or multipart/form-data",
    );
  });
});
