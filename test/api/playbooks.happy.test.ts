import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

const yaml = `id: enterprise-discovery
name: Enterprise discovery
version: 2
stage: discovery
items:
  - id: security
    title: Security review
    description: The rep asks how security reviews work at the customer.
    why: Security reviews are the longest step for enterprise deals.
    examples:
      - How does your security review work?
      - Who runs vendor security assessments?
      - Do you need a SOC 2 report?
    signals:
      required: [security review, soc 2, security team]
`;

describe.each(testDatabases)("playbooks on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let manager: { key: string };
  let rep: { id: string; key: string };

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
    manager = await t.user("manager", "maria");
    rep = await t.user("rep", "dana");
  });
  afterAll(async () => {
    await handle?.close();
  });

  const put = (key: string, id: string, body: string, type = "application/yaml") =>
    t.request(`/v1/playbooks/${id}`, { method: "PUT", headers: t.auth(key, { "content-type": type }), body });

  it("lists the built-in playbooks, discovery being the default", async () => {
    const res = await t.request("/v1/playbooks", { headers: t.auth(rep.key) });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: Array<{ id: string; builtin: boolean; isDefault: boolean }>;
    };
    expect(items.map((p) => p.id).sort()).toEqual(["demo", "discovery", "negotiation", "renewal"]);
    expect(items.find((p) => p.isDefault)?.id).toBe("discovery");
  });

  it("saves a YAML playbook (managers), refuses reps, and points at the field of an error", async () => {
    expect((await put(rep.key, "enterprise-discovery", yaml)).status).toBe(403);
    const ok = await put(manager.key, "enterprise-discovery", yaml);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: "enterprise-discovery", version: "2", builtin: false });

    const broken = await put(
      manager.key,
      "enterprise-discovery",
      yaml.replace("stage: discovery", "stage: golf"),
    );
    expect(broken.status).toBe(422);
    const problem = (await broken.json()) as { detail: string; errors: Array<{ path: string }> };
    expect(problem.errors.map((e) => e.path)).toContain("stage");
    expect(problem.detail).toMatch(/:\d+: stage/); // names the line

    const noExamples = await put(
      manager.key,
      "enterprise-discovery",
      JSON.stringify({
        id: "enterprise-discovery",
        name: "X",
        version: 1,
        stage: "demo",
        items: [{ id: "a", title: "A", description: "d", why: "w", examples: [] }],
      }),
      "application/json",
    );
    expect(noExamples.status).toBe(422);
    expect(((await noExamples.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe(
      "items[0].examples",
    );

    const mismatch = await put(manager.key, "other-id", yaml);
    expect(mismatch.status).toBe(422);
    expect((await put(manager.key, "enterprise-discovery", "a,b", "text/csv")).status).toBe(415);
  });

  it("makes it the default and judges new calls against it", async () => {
    const res = await t.request("/v1/playbooks/enterprise-discovery/default", {
      method: "POST",
      headers: t.auth(manager.key),
    });
    expect(res.status).toBe(200);
    const upload = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(rep.key, { "content-type": "application/json" }),
      body: JSON.stringify({
        speakerRoles: { rep: ["Dana"] },
        transcript:
          "Dana: How does your security review work?\nLee: Our security team needs a SOC 2 report and two weeks.",
      }),
    });
    const { id } = (await upload.json()) as { id: string };
    await t.runJobs();
    const call = (await (await t.request(`/v1/calls/${id}`, { headers: t.auth(rep.key) })).json()) as {
      analysis: {
        playbook: {
          id: string;
          items: Array<{ id: string; status: string; evidence: Array<{ quote: string }> }>;
        };
      };
    };
    expect(call.analysis.playbook.id).toBe("enterprise-discovery");
    const item = call.analysis.playbook.items[0]!;
    expect(item.status).toBe("covered");
    expect(item.evidence[0]?.quote).toBe("How does your security review work?");
  });

  it("a call can name its playbook", async () => {
    const upload = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(rep.key, { "content-type": "application/json" }),
      body: JSON.stringify({
        playbook: "demo",
        transcript: "Dana: Let me recap what I heard last time.\nLee: Sounds right.",
      }),
    });
    const { id } = (await upload.json()) as { id: string };
    await t.runJobs();
    const call = (await (await t.request(`/v1/calls/${id}`, { headers: t.auth(rep.key) })).json()) as {
      analysis: { playbook: { id: string } };
    };
    expect(call.analysis.playbook.id).toBe("demo");
  });

  it("a multipart upload can name its playbook too", async () => {
    const form = new FormData();
    form.set("file", new File(["Dana: What would success look like?\nLee: Fewer late trucks."], "call.txt"));
    form.set("playbook", "renewal");
    form.set("rep", "Dana");
    const upload = await t.request("/v1/calls", { method: "POST", headers: t.auth(rep.key), body: form });
    expect(upload.status).toBe(202);
    const { id } = (await upload.json()) as { id: string };
    await t.runJobs();
    const call = (await (await t.request(`/v1/calls/${id}`, { headers: t.auth(rep.key) })).json()) as {
      analysis: { playbook: { id: string } };
    };
    expect(call.analysis.playbook.id).toBe("renewal");
  });

  it("deletes an organization playbook; built-ins cannot be deleted", async () => {
    expect(
      (
        await t.request("/v1/playbooks/enterprise-discovery", {
          method: "DELETE",
          headers: t.auth(manager.key),
        })
      ).status,
    ).toBe(204);
    expect(
      (await t.request("/v1/playbooks/renewal", { method: "DELETE", headers: t.auth(manager.key) })).status,
    ).toBe(404);
  });
});
