import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileAnalysisSchema } from "../../src/analysis/result.js";
import { type CoachedAnalysis, CoachedAnalysisSchema } from "../../src/coaching/output.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

const vtt = readFileSync("fixtures/calls/discovery-acme.vtt", "utf8");

function multipart(
  file: { name: string; content: string; type?: string },
  fields: Record<string, string> = {},
): FormData {
  const form = new FormData();
  form.set("file", new File([file.content], file.name, { type: file.type ?? "text/vtt" }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

describe.each(testDatabases)("call lifecycle on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let rep: { id: string; key: string };
  let manager: { id: string; key: string };

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
    rep = await t.user("rep", "dana");
    manager = await t.user("manager", "maria");
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("uploads a transcript (multipart), analyses it at once, and serves it back", async () => {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(rep.key),
      body: multipart(
        { name: "discovery-acme.vtt", content: vtt },
        {
          title: "Acme discovery",
          rep: "Dana Reyes",
          occurredAt: "2026-11-20T15:00:00Z",
          crmDealId: "deal-42",
        },
      ),
    });
    expect(res.status).toBe(202);
    const created = (await res.json()) as { id: string; status: string; repUserId: string };
    expect(res.headers.get("location")).toBe(`/v1/calls/${created.id}`);
    expect(created.repUserId).toBe(rep.id); // a rep's upload is theirs

    const got = await t.request(`/v1/calls/${created.id}`, { headers: t.auth(rep.key) });
    expect(got.status).toBe(200);
    const call = (await got.json()) as {
      status: string;
      title: string;
      crm: { dealId: string };
      analysis: unknown;
      occurredAt: string;
    };
    expect(call.status).toBe("done");
    expect(call.title).toBe("Acme discovery");
    expect(call.crm.dealId).toBe("deal-42");
    expect(call.occurredAt).toBe("2026-11-20T15:00:00.000Z");
    const analysis = FileAnalysisSchema.parse(call.analysis);
    expect(analysis.format).toBe("webvtt");
    expect(analysis.roleSource).toBe("options");
    expect(analysis.speakers.find((s) => s.id === "Dana Reyes")?.role).toBe("rep");
    expect(analysis.metrics.talkRatio).toBeGreaterThan(0.3);
    expect(analysis.questions.length).toBeGreaterThan(5);

    const tr = await t.request(`/v1/calls/${created.id}/transcript`, { headers: t.auth(rep.key) });
    expect(tr.status).toBe(200);
    const { transcript } = (await tr.json()) as { transcript: { utterances: Array<{ speaker: string }> } };
    expect(transcript.utterances[0]?.speaker).toBe("Dana Reyes");
  });

  it("accepts JSON uploads with a canonical transcript object", async () => {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(manager.key, { "content-type": "application/json" }),
      body: JSON.stringify({
        title: "Quick check-in",
        repUserId: rep.id,
        speakerRoles: { rep: ["A"] },
        transcript: {
          utterances: [
            { speaker: "A", start: 0, end: 4, text: "How is the rollout going on your side?" },
            { speaker: "B", start: 4.6, end: 9, text: "Pretty well, the team likes the weekly summaries." },
          ],
        },
      }),
    });
    expect(res.status).toBe(202);
    const call = (await res.json()) as {
      repUserId: string;
      analysis: { format: string; metrics: { questions: unknown } };
    };
    expect(call.repUserId).toBe(rep.id);
    expect(call.analysis.format).toBe("canonical");
    expect(call.analysis.metrics.questions).toEqual({
      rep: { open: 1, closed: 0 },
      customer: { open: 0, closed: 0 },
    });
  });

  it("is idempotent: the same bytes or the same Idempotency-Key give the same call", async () => {
    const body = () => multipart({ name: "again.vtt", content: `${vtt}\n` }, { rep: "Dana Reyes" });
    const first = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(rep.key, { "idempotency-key": "k-1" }),
      body: body(),
    });
    const again = await t.request("/v1/calls", { method: "POST", headers: t.auth(rep.key), body: body() });
    const byKey = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(rep.key, { "idempotency-key": "k-1" }),
      body: body(),
    });
    const ids = await Promise.all(
      [first, again, byKey].map(async (r) => ((await r.json()) as { id: string }).id),
    );
    expect(first.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(new Set(ids).size).toBe(1);
  });

  it("lists calls newest first with filters and cursor pagination", async () => {
    for (let i = 0; i < 5; i++) {
      const res = await t.request("/v1/calls", {
        method: "POST",
        headers: t.auth(manager.key, { "content-type": "application/json" }),
        body: JSON.stringify({
          repUserId: rep.id,
          occurredAt: `2026-10-0${i + 1}T10:00:00Z`,
          transcript: `Dana: Call number ${i}, what is on your mind today?\nSam: Pricing, mostly.`,
          fileName: `call-${i}.txt`,
        }),
      });
      expect(res.status).toBe(202);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs = new URLSearchParams({
        limit: "2",
        from: "2026-10-01T00:00:00Z",
        to: "2026-11-01T00:00:00Z",
      });
      if (cursor) qs.set("cursor", cursor);
      const res = await t.request(`/v1/calls?${qs}`, { headers: t.auth(manager.key) });
      expect(res.status).toBe(200);
      const page = (await res.json()) as {
        items: Array<{ fileName: string; occurredAt: string }>;
        nextCursor: string | null;
      };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c) => c.fileName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["call-4.txt", "call-3.txt", "call-2.txt", "call-1.txt", "call-0.txt"]);

    const byStatus = await t.request(`/v1/calls?status=failed`, { headers: t.auth(manager.key) });
    expect(((await byStatus.json()) as { items: unknown[] }).items).toEqual([]);
    const byRep = await t.request(`/v1/calls?repUserId=${rep.id}&limit=200`, {
      headers: t.auth(manager.key),
    });
    expect(((await byRep.json()) as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(7);
  });

  it("deletes a call and its data", async () => {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(rep.key, { "content-type": "application/json" }),
      body: JSON.stringify({ transcript: "Dana: Shall we delete this one?\nLee: Sure." }),
    });
    const { id } = (await res.json()) as { id: string };
    const del = await t.request(`/v1/calls/${id}`, { method: "DELETE", headers: t.auth(rep.key) });
    expect(del.status).toBe(204);
    expect((await t.request(`/v1/calls/${id}`, { headers: t.auth(rep.key) })).status).toBe(404);
    expect((await t.request(`/v1/calls/${id}`, { method: "DELETE", headers: t.auth(rep.key) })).status).toBe(
      404,
    );
  });

  it("coaches every call in the background: objections, playbook, summary, CRM fields", async () => {
    expect(
      ((await (await t.request("/health")).json()) as { queue: { depth: number } }).queue.depth,
    ).toBeGreaterThan(0);
    expect(await t.runJobs()).toBeGreaterThan(0);
    const list = (await (
      await t.request("/v1/calls?limit=1&from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z", {
        headers: t.auth(manager.key),
      })
    ).json()) as { items: Array<{ id: string; coachingStatus: string }> };
    const acme = list.items[0]!;
    expect(acme.coachingStatus).toBe("done");
    const call = (await (
      await t.request(`/v1/calls/${acme.id}`, { headers: t.auth(manager.key) })
    ).json()) as {
      analysis: CoachedAnalysis;
    };
    const a = CoachedAnalysisSchema.parse(call.analysis);
    expect(a.engine).toBe("rules");
    expect(a.playbook?.id).toBe("discovery");
    expect(a.playbook?.items.length).toBeGreaterThan(5);
    expect(a.crm?.competitors).toContain("RouteWise");
    expect(a.summary?.nextSteps.length).toBeGreaterThan(0);
    expect(a.metrics.objections?.count).toBe(a.objections?.length);
  });

  it("reports health: database, migrations and queue", async () => {
    const res = await t.request("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "ok",
      database: { ok: true },
      migrations: { ok: true, pending: [] },
      queue: { depth: 0 },
      transcription: { configured: false },
    });
  });

  it("publishes an OpenAPI 3.1 document and a reference UI", async () => {
    const doc = (await (await t.request("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/v1/calls", "/v1/calls/{id}", "/v1/keys", "/health"]),
    );
    const ui = await t.request("/docs");
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain("/openapi.json");
    expect(ui.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});
