import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sha256Hex } from "../auth/keys.js";
import { DebriefError } from "../errors.js";
import { cleanInterruptedUploads, fsBlobStore } from "./fs.js";

function chunked(total: number, chunk: number, fill = (i: number) => i % 251): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent >= total) return c.close();
      const n = Math.min(chunk, total - sent);
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = fill(sent + i);
      sent += n;
      c.enqueue(out);
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe("fsBlobStore", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "debrief-blobs-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("round-trips a streamed blob with its size, SHA-256 and content type", async () => {
    const blobs = fsBlobStore(dir);
    const total = 1_000_003;
    const put = await blobs.put("audio/org_1/blob_a", chunked(total, 65_536), {
      contentType: "audio/wav",
      maxBytes: 2e6,
    });
    const expected = await readAll(chunked(total, 1_000_000));
    expect(put).toEqual({ size: total, sha256: await sha256Hex(expected) });

    const got = await blobs.get("audio/org_1/blob_a");
    expect(got?.contentType).toBe("audio/wav");
    expect(got?.size).toBe(total);
    const bytes = await readAll(got!.body);
    expect(bytes.length).toBe(total);
    expect(Buffer.from(bytes).equals(Buffer.from(expected))).toBe(true);
    // Only the blob and its sidecar: no temp file left behind.
    expect(await listFiles(dir)).toEqual(["audio/org_1/blob_a", "audio/org_1/blob_a~meta.json"]);

    await blobs.delete("audio/org_1/blob_a");
    expect(await blobs.get("audio/org_1/blob_a")).toBeNull();
    expect(await listFiles(dir)).toEqual([]);
    await blobs.delete("audio/org_1/blob_a"); // deleting twice is fine
  });

  it("refuses a blob over maxBytes and leaves nothing behind", async () => {
    const blobs = fsBlobStore(dir);
    let pulled = 0;
    const source = chunked(10_000_000, 100_000);
    const counting = source.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(ch, c) {
          pulled += ch.length;
          c.enqueue(ch);
        },
      }),
    );
    const err = await blobs
      .put("audio/org_1/too_big", counting, { contentType: "audio/wav", maxBytes: 250_000 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DebriefError);
    expect((err as DebriefError).code).toBe("payload_too_large");
    expect(pulled).toBeLessThan(1_000_000); // stopped reading soon after the limit
    expect(await blobs.get("audio/org_1/too_big")).toBeNull();
    expect(await listFiles(dir)).toEqual([]);
  });

  it("deletes the partial file when the upload stream fails midway", async () => {
    const blobs = fsBlobStore(dir);
    let n = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(c) {
        n += 1;
        if (n > 3) c.error(new Error("client went away"));
        else c.enqueue(new Uint8Array(10_000));
      },
    });
    await expect(blobs.put("audio/x", failing, { contentType: "audio/wav", maxBytes: 1e6 })).rejects.toThrow(
      "client went away",
    );
    expect(await listFiles(dir)).toEqual([]);
  });

  it("rejects keys that could escape the folder or hit its own files", async () => {
    const blobs = fsBlobStore(join(dir, "store"));
    for (const key of [
      "../evil",
      "a/../../evil",
      "/etc/passwd",
      ".hidden",
      "a/.tmp",
      "a//b",
      "a\\b",
      "",
      "a~meta.json",
      "a/",
    ]) {
      await expect(
        blobs.put(key, chunked(1, 1), { contentType: "text/plain", maxBytes: 10 }),
      ).rejects.toMatchObject({
        code: "input.invalid",
      });
      await expect(blobs.get(key)).rejects.toMatchObject({ code: "input.invalid" });
      await expect(blobs.delete(key)).rejects.toMatchObject({ code: "input.invalid" });
    }
    expect(await listFiles(dir)).toEqual([]);
  });

  it("overwrites an existing key atomically and serves a ranged read stream that can be cancelled", async () => {
    const blobs = fsBlobStore(dir);
    await blobs.put(
      "k",
      chunked(10, 10, () => 1),
      { contentType: "audio/mpeg", maxBytes: 100 },
    );
    await blobs.put(
      "k",
      chunked(700_000, 50_000, () => 2),
      { contentType: "audio/flac", maxBytes: 1e6 },
    );
    const got = await blobs.get("k");
    expect(got).toMatchObject({ contentType: "audio/flac", size: 700_000 });
    const reader = got!.body.getReader();
    const first = await reader.read();
    expect(first.value?.[0]).toBe(2);
    await reader.cancel();
  });

  it("reads only the asked byte range, reporting the whole blob's size", async () => {
    const blobs = fsBlobStore(dir);
    const bytes = Uint8Array.from({ length: 600_000 }, (_, i) => i % 251);
    await blobs.put("r", new Blob([bytes]).stream(), { contentType: "audio/wav", maxBytes: 1e6 });
    const got = await blobs.get("r", { start: 299_990, end: 580_009 });
    expect(got!.size).toBe(600_000);
    const read = await readAll(got!.body);
    expect(read.length).toBe(280_020);
    expect(Buffer.from(read).equals(Buffer.from(bytes.subarray(299_990, 580_010)))).toBe(true);
    const last = await readAll((await blobs.get("r", { start: 599_999, end: 599_999 }))!.body);
    expect([...last]).toEqual([599_999 % 251]);
  });
});

describe("cleanInterruptedUploads", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "debrief-blobs-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("removes the temp file of an upload killed with SIGKILL mid-stream, keeping finished blobs", async () => {
    const blobs = fsBlobStore(dir);
    await blobs.put("audio/org_1/done", chunked(1000, 100), { contentType: "audio/wav", maxBytes: 1e6 });
    // A process that streams an endless upload into the same store, killed -9 while writing.
    const store = new URL("./fs.ts", import.meta.url).href;
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `const { fsBlobStore } = await import(${JSON.stringify(store)});
         const body = new ReadableStream({ pull(c) { return new Promise((r) => setTimeout(() => { c.enqueue(new Uint8Array(4096)); r(); }, 5)); } });
         await fsBlobStore(${JSON.stringify(dir)}).put("audio/org_1/killed", body, { contentType: "audio/wav", maxBytes: 1e12 });`,
      ],
      { stdio: "ignore" },
    );
    const tmp = async () => (await listFiles(dir)).filter((f) => f.endsWith(".tmp"));
    for (let i = 0; i < 600 && (await tmp()).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
    expect(await tmp()).toHaveLength(1);

    // At start nothing is spared: the server that wrote it is gone.
    const { removed } = await cleanInterruptedUploads(dir, {
      olderThanMs: 0,
      now: new Date(Date.now() + 1000),
    });
    expect(removed).toHaveLength(1);
    expect(await listFiles(dir)).toEqual(["audio/org_1/done", "audio/org_1/done~meta.json"]);
  }, 90_000);

  it("spares a temp file still being written and removes an orphaned sidecar once it is old", async () => {
    await mkdir(join(dir, "audio/org_1"), { recursive: true });
    const fresh = join(dir, "audio/org_1/.0123456789abcdef.tmp");
    const stale = join(dir, "audio/org_1/.fedcba9876543210.tmp");
    const orphan = join(dir, "audio/org_1/gone~meta.json");
    const other = join(dir, "audio/org_1/notes.tmp");
    for (const f of [fresh, stale, orphan, other]) await writeFile(f, "x");
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(stale, hourAgo, hourAgo);
    await utimes(orphan, hourAgo, hourAgo);
    const { removed } = await cleanInterruptedUploads(dir);
    expect(removed.sort()).toEqual(["audio/org_1/.fedcba9876543210.tmp", "audio/org_1/gone~meta.json"]);
    expect(await listFiles(dir)).toEqual(["audio/org_1/.0123456789abcdef.tmp", "audio/org_1/notes.tmp"]);
    expect(await cleanInterruptedUploads(join(dir, "missing"))).toEqual({ removed: [] });
  });
});
