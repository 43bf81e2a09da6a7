import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, TEST_DATABASE_URL } from "../helpers/db.js";
import { wav } from "../helpers/wav.js";

/**
 * The Worker under `wrangler dev` (local workerd, simulated R2 and Queue) against a fresh database
 * on the local PostgreSQL, reached through a (local) Hyperdrive binding — postgres.js over
 * `cloudflare:sockets`. Audio goes through the real queue
 * consumer and the Deepgram client, pointed at a fake Deepgram on 127.0.0.1. Nothing goes online:
 * metrics, error reports, the `Request.cf` download and the update banner are all switched off.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WRANGLER = join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");
const ADMIN_KEY = "wrangler-test-admin-key-0123456789";
const DEEPGRAM_KEY = "dg-test-key";
const STARTUP_MS = 60_000;

/** Failures of the machine, not of Debrief: the test is skipped with the reason. */
const ENVIRONMENT_FAILURE =
  /GLIBC|ENOENT.*workerd|workerd.*(not found|ENOENT|cannot execute)|EACCES|Exec format error/i;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Answers every Deepgram /v1/listen request with a recorded response, and remembers the requests. */
async function fakeDeepgram(): Promise<{
  server: Server;
  url: string;
  requests: { url: string; auth: string | undefined; type: string | undefined; body: Buffer }[];
}> {
  const response = readFileSync(join(ROOT, "fixtures", "deepgram", "prerecorded-diarized.json"), "utf8");
  const requests: { url: string; auth: string | undefined; type: string | undefined; body: Buffer }[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      requests.push({
        url: req.url ?? "",
        auth: req.headers.authorization,
        type: req.headers["content-type"],
        body,
      });
      if (req.method === "POST" && req.url?.startsWith("/v1/listen")) {
        res.writeHead(200, { "content-type": "application/json", "dg-request-id": "fake-1" });
        res.end(response);
      } else {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ err_code: "NOT_FOUND", err_msg: `no ${req.method} ${req.url}` }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}`, requests };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!TEST_DATABASE_URL)("the Worker under wrangler dev (local workerd)", () => {
  let temp: { url: string; drop: () => Promise<void> } | undefined;
  let deepgram: Awaited<ReturnType<typeof fakeDeepgram>> | undefined;
  let wrangler: ChildProcess | undefined;
  let work: string | undefined;
  let base = "";
  let log = "";
  /** Why wrangler could not run on this machine (the tests skip), or null when it runs. */
  let unavailable: string | null = null;

  const auth = { authorization: `Bearer ${ADMIN_KEY}` };

  /** Stop wrangler and its children (node, esbuild, workerd): the whole process group. */
  async function stopWrangler(): Promise<void> {
    const child = wrangler;
    if (!child?.pid) return;
    const group = -child.pid;
    const signal = (sig: NodeJS.Signals) => {
      try {
        process.kill(group, sig);
      } catch {
        // ESRCH: already gone
      }
    };
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once("exit", r));
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), 5_000);
      await gone;
      clearTimeout(timer);
    }
    signal("SIGKILL"); // anything the leader left behind (e.g. workerd after a wrangler crash)
    wrangler = undefined;
  }

  beforeAll(async () => {
    temp = await createTempDatabase(TEST_DATABASE_URL!);
    deepgram = await fakeDeepgram();
    // The project's wrangler.toml, run from a scratch folder so wrangler's .wrangler/ build output
    // and local R2/Queue state land there, not in the repository.
    work = mkdtempSync(join(tmpdir(), "debrief-wrangler-"));
    const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
    const withMain = (main: string) => toml.replace(/^main = .*$/m, `main = ${JSON.stringify(main)}`);
    writeFileSync(join(work, "wrangler.toml"), withMain(join(ROOT, "src", "entry", "worker.ts")));
    // `wrangler dev` serves the bundle `wrangler deploy` would upload, built once up front: dev
    // would otherwise watch src/ and reload the Worker mid-test whenever a file is saved.
    // PostgreSQL through a Hyperdrive binding, as in production: wrangler dev gives the Worker a
    // local Hyperdrive whose connection string leads to `localConnectionString`. Miniflare insists
    // on a password; the test server's trust authentication ignores it.
    const local = new URL(temp.url);
    if (local.password === "") local.password = "unused";
    const hyperdrive = `\n[[hyperdrive]]\nbinding = "HYPERDRIVE"\nid = "debrief-test"\nlocalConnectionString = ${JSON.stringify(local.toString())}\n`;
    writeFileSync(join(work, "wrangler.dev.toml"), withMain(join(work, "dist", "worker.js")) + hyperdrive);
    // Wrangler looks for a newer version of itself on error paths; a fresh cache entry of the
    // update-check package (under TMPDIR) answers instead of the npm registry.
    const { version } = JSON.parse(
      readFileSync(join(ROOT, "node_modules", "wrangler", "package.json"), "utf8"),
    ) as { version: string };
    mkdirSync(join(work, "tmp", "update-check"), { recursive: true });
    writeFileSync(
      join(work, "tmp", "update-check", "wrangler-latest.json"),
      JSON.stringify({ latest: version, lastUpdate: Date.now() }),
    );

    const vars = {
      // Hyperdrive wins over DATABASE_URL: were this unreachable one used, /health would fail.
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/unreachable",
      DEBRIEF_ADMIN_KEY: ADMIN_KEY,
      DEEPGRAM_API_KEY: DEEPGRAM_KEY,
      DEEPGRAM_BASE_URL: deepgram.url,
      LOG_LEVEL: "warn",
    };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      WRANGLER_SEND_METRICS: "false",
      WRANGLER_SEND_ERROR_REPORTS: "false",
      WRANGLER_HIDE_BANNER: "true", // the banner checks npm for a newer wrangler
      CLOUDFLARE_CF_FETCH_ENABLED: "false", // miniflare would download Request.cf data
      XDG_CONFIG_HOME: join(work, "config"),
      TMPDIR: join(work, "tmp"),
      NO_COLOR: "1",
      CI: "1",
    };
    for (const k of ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_KEY", "CLOUDFLARE_ACCOUNT_ID", "NODE_OPTIONS"])
      delete env[k];

    /** Start wrangler dev and wait for a healthy /health; the failure, or null when up. */
    const start = async (dir: string): Promise<string | null> => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      log = "";
      const child = spawn(
        process.execPath,
        [
          WRANGLER,
          "dev",
          "--local",
          "--config",
          join(dir, "wrangler.dev.toml"),
          "--ip",
          "127.0.0.1",
          "--port",
          String(port),
          "--inspector-port",
          String(await freePort()),
          "--persist-to",
          join(dir, "state"),
          "--show-interactive-dev-session=false",
          ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
        ],
        { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
      );
      wrangler = child;
      child.stdout?.on("data", (c: Buffer) => {
        log += c.toString();
      });
      child.stderr?.on("data", (c: Buffer) => {
        log += c.toString();
      });
      const exited = new Promise<string>((resolve) => {
        child.once("exit", (code, signal) => resolve(`wrangler exited (${code ?? signal})`));
        child.once("error", (err) => resolve(`wrangler could not be started: ${err.message}`));
      });
      // Ready when /health answers (the first request also applies migrations and creates the org).
      const until = Date.now() + STARTUP_MS;
      for (;;) {
        const outcome = await Promise.race([
          exited,
          fetch(`${base}/health`, { signal: AbortSignal.timeout(10_000) }).then(
            (r) => r.status,
            () => 0,
          ),
        ]);
        if (typeof outcome === "string") return outcome;
        if (outcome === 200) return null;
        if (Date.now() > until)
          return `no healthy /health within ${STARTUP_MS / 1000} s (last status ${outcome})`;
        await new Promise((r) => setTimeout(r, 250));
      }
    };

    const built = await new Promise<{ code: number | null; output: string }>((resolve) => {
      let output = "";
      const child = spawn(
        process.execPath,
        [
          WRANGLER,
          "deploy",
          "--dry-run",
          "--outdir",
          join(work!, "dist"),
          "--config",
          join(work!, "wrangler.toml"),
        ],
        { cwd: work, env, stdio: ["ignore", "pipe", "pipe"] },
      );
      child.stdout.on("data", (c: Buffer) => {
        output += c.toString();
      });
      child.stderr.on("data", (c: Buffer) => {
        output += c.toString();
      });
      child.once("error", (err) => resolve({ code: -1, output: `${output}\n${err.message}` }));
      child.once("exit", (code) => resolve({ code, output }));
    });
    if (built.code !== 0) {
      if (ENVIRONMENT_FAILURE.test(built.output)) {
        unavailable = `wrangler cannot run here:\n${built.output.slice(-1500)}`;
        return;
      }
      throw new Error(`the Worker bundle failed to build:\n${built.output.slice(-5000)}`);
    }
    // The Worker bundle must stay free of the embedded database (WebAssembly, Node-only).
    expect(readFileSync(join(work, "dist", "worker.js"), "utf8")).not.toMatch(/@electric-sql\/pglite|PGlite/);

    let failure = await start(work);
    if (failure && /runtime failed to start|EADDRINUSE|Address already in use/i.test(log)) {
      // A port probed free can be taken before workerd binds it (busy CI machine): once more.
      await stopWrangler();
      failure = await start(work);
    }
    if (failure) {
      if (ENVIRONMENT_FAILURE.test(`${failure}\n${log}`)) {
        unavailable = `wrangler dev cannot run here: ${failure}\n${log.slice(-1500)}`;
        return;
      }
      const output = log.length > 8000 ? `${log.slice(0, 3000)}\n…\n${log.slice(-5000)}` : log;
      throw new Error(`${failure}; wrangler output:\n${output}`);
    }
  }, STARTUP_MS + 15_000);

  afterAll(async () => {
    await stopWrangler();
    await new Promise<void>((resolve) => (deepgram ? deepgram.server.close(() => resolve()) : resolve()));
    await temp?.drop();
    if (work) rmSync(work, { recursive: true, force: true });
  }, 20_000);

  it("serves /health from workerd with the database reachable and migrated", async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, { ok?: boolean; configured?: boolean }>;
    expect(body).toMatchObject({
      status: "ok",
      database: { ok: true },
      migrations: { ok: true, pending: [] },
      queue: { depth: 0 },
      transcription: { configured: true },
    });
  });

  it("uploads a transcript and serves its analysis", async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const vtt = readFileSync(join(ROOT, "fixtures", "calls", "discovery-acme.vtt"), "utf8");
    const res = await fetch(`${base}/v1/calls`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ transcript: vtt, fileName: "discovery-acme.vtt", title: "Acme discovery" }),
    });
    expect(res.status).toBe(202);
    const created = (await res.json()) as { id: string; status: string };
    expect(created.status).toBe("done");

    const got = await fetch(`${base}/v1/calls/${created.id}`, { headers: auth });
    expect(got.status).toBe(200);
    const call = (await got.json()) as {
      status: string;
      title: string;
      analysis: { format: string; speakers: unknown[] };
    };
    expect(call.status).toBe("done");
    expect(call.title).toBe("Acme discovery");
    expect(call.analysis.format).toBe("webvtt");
    expect(call.analysis.speakers.length).toBeGreaterThan(1);
  });

  it("transcribes an audio URL through the Queue consumer and Deepgram (faked locally)", async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const res = await fetch(`${base}/v1/calls`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ audioUrl: "https://media.example.test/calls/acme.mp3", title: "Acme audio" }),
    });
    const text = await res.text();
    expect(res.status, text).toBe(202);
    const created = JSON.parse(text) as { id: string; status: string };
    expect(created.status).toBe("queued");

    let call: { status: string; failure: unknown; analysis: { format: string } | null } | undefined;
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      const got = await fetch(`${base}/v1/calls/${created.id}`, { headers: auth });
      call = (await got.json()) as typeof call;
      if (call?.status === "done" || call?.status === "failed") break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(call?.failure ?? null, JSON.stringify(call?.failure)).toBeNull();
    expect(call?.status).toBe("done");
    expect(call?.analysis?.format).toBe("deepgram");

    const listen = deepgram?.requests.filter((r) => r.url.startsWith("/v1/listen")) ?? [];
    expect(listen).toHaveLength(1);
    expect(listen[0]?.auth).toBe(`Token ${DEEPGRAM_KEY}`);
    expect(JSON.parse(listen[0]?.body.toString() ?? "{}")).toEqual({
      url: "https://media.example.test/calls/acme.mp3",
    });

    // Coaching follows as its own job through the same queue (for this call and the transcript's).
    let state = "";
    try {
      await waitUntil(async () => {
        const got = (await (await fetch(`${base}/v1/calls/${created.id}`, { headers: auth })).json()) as {
          coachingStatus: string;
        };
        const health = (await (await fetch(`${base}/health`)).json()) as { queue: { depth: number } };
        state = `coachingStatus ${got.coachingStatus}, queue depth ${health.queue.depth}`;
        return got.coachingStatus !== "pending" && health.queue.depth === 0;
      }, 20_000);
    } catch (err) {
      throw new Error(`${(err as Error).message} (${state}); wrangler output:\n${log.slice(-4000)}`);
    }
    const coached = (await (await fetch(`${base}/v1/calls/${created.id}`, { headers: auth })).json()) as {
      coachingStatus: string;
    };
    expect(coached.coachingStatus).toBe("done");
  }, 60_000);

  it("streams an uploaded WAV into R2 and transcribes it from there", async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const audio = wav(1, 5);
    const form = new FormData();
    form.append("title", "Acme recording");
    form.append("file", new File([audio.slice()], "acme.wav", { type: "application/octet-stream" }));
    const res = await fetch(`${base}/v1/calls`, { method: "POST", headers: auth, body: form });
    const text = await res.text();
    expect(res.status, text).toBe(202);
    const created = JSON.parse(text) as { id: string; status: string; source: string };
    expect(created).toMatchObject({ status: "queued", source: "audio" });

    let call: { status: string; failure: unknown; analysis: { format: string } | null } | undefined;
    await waitUntil(async () => {
      call = (await (await fetch(`${base}/v1/calls/${created.id}`, { headers: auth })).json()) as typeof call;
      return call?.status === "done" || call?.status === "failed";
    }, 30_000);
    expect(call?.failure ?? null, JSON.stringify(call?.failure)).toBeNull();
    expect(call?.analysis?.format).toBe("deepgram");
    // Deepgram received the very bytes uploaded, read back from the (local) R2 bucket.
    const sent = deepgram?.requests.filter((r) => r.url.startsWith("/v1/listen") && r.type === "audio/wav");
    expect(sent).toHaveLength(1);
    expect(new Uint8Array(sent![0]!.body)).toEqual(audio);
  }, 60_000);

  it("refuses requests without a valid key, as problem+json", async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const res = await fetch(`${base}/v1/calls`, { headers: { authorization: "Bearer dbf_nope" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
  });
});
