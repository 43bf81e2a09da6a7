import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calls } from "../../src/db/schema/index.js";
import type { AudioSource, Transcriber } from "../../src/services.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

/** A fake DNS: public names resolve to documentation-range public addresses, others to internal ones. */
const DNS: Record<string, string[]> = {
  "media.example.com": ["93.184.216.34"],
  "rebind.example.com": ["10.0.0.7"],
  "sneaky.example.com": ["93.184.216.34", "::1"],
};
const resolve = async (host: string) => {
  const found = DNS[host];
  if (!found) throw new Error(`ENOTFOUND ${host}`);
  return found;
};

/**
 * `audioUrl` is handed to Deepgram, which fetches it: an internal address would make the service
 * reach into its own network. Refused at upload with a 422 naming the field.
 */
describe.each(testDatabases)("audioUrl outbound guard on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const sent: AudioSource[] = [];
  const transcriber: Transcriber = {
    async transcribe(audio) {
      sent.push(audio);
      return { transcript: { utterances: [] } as never, raw: {} };
    },
  };

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { transcriber, resolve });
  });
  afterAll(async () => {
    await handle?.close();
  });

  const post = (audioUrl: string) =>
    t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({ audioUrl }),
    });

  it.each([
    "https://127.0.0.1/a.mp3",
    "https://[::1]/a.mp3",
    "https://169.254.169.254/latest/meta-data/",
    "https://0x7f000001/a.mp3",
    "https://localhost/a.mp3",
    "https://10.1.2.3/a.mp3",
    "https://192.168.0.10/a.mp3",
    "https://172.16.5.5/a.mp3",
    "https://user:hunter2pw@media.example.com/a.mp3",
    "http://media.example.com/a.mp3",
    "https://rebind.example.com/a.mp3",
    "https://sneaky.example.com/a.mp3",
  ])("%s is a 422 naming audioUrl; nothing stored, nothing sent", async (url) => {
    const res = await post(url);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { errors?: Array<{ path: string }>; detail: string };
    expect(body.errors?.[0]?.path).toBe("audioUrl");
    expect(body.detail).not.toContain("hunter2pw");
    expect(await handle.db.select({ id: calls.id }).from(calls)).toEqual([]);
    expect(sent).toEqual([]);
  });

  it("a public https URL is accepted and sent to the transcriber", async () => {
    const res = await post("https://media.example.com/calls/1.mp3");
    expect(res.status).toBe(202);
    await t.runJobs();
    expect(sent).toEqual([{ kind: "url", url: "https://media.example.com/calls/1.mp3" }]);
  });
});
