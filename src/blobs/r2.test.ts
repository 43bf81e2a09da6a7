import { describe, expect, it } from "vitest";
import { sha256Hex } from "../auth/keys.js";
import { DebriefError } from "../errors.js";
import { R2_MIN_PART_BYTES, type R2BucketLike, r2BlobStore } from "./r2.js";

interface Stored {
  data: Uint8Array;
  contentType: string | undefined;
}

/**
 * An in-memory R2 bucket with R2's rules that matter here: a single put verifies `sha256` when
 * given, multipart parts must all be the same size (≥ 5 MiB) except the last, and an aborted upload
 * leaves nothing.
 */
function fakeR2() {
  const objects = new Map<string, Stored>();
  const log: string[] = [];
  let uploads = 0;
  const open = new Set<number>();
  const bucket: R2BucketLike = {
    async put(key, value, options) {
      const data = value.slice();
      if (options?.sha256 && options.sha256 !== (await sha256Hex(data)))
        throw new Error("R2: sha256 mismatch");
      objects.set(key, { data, contentType: options?.httpMetadata?.contentType });
      log.push(`put ${key} ${data.length}`);
      return {};
    },
    async get(key) {
      const o = objects.get(key);
      if (!o) return null;
      const data = o.data;
      return {
        size: data.length,
        httpMetadata: { contentType: o.contentType },
        body: new ReadableStream<Uint8Array>({
          start(c) {
            for (let i = 0; i < data.length; i += 1000) c.enqueue(data.slice(i, i + 1000));
            c.close();
          },
        }),
      };
    },
    async delete(key) {
      objects.delete(key);
      log.push(`delete ${key}`);
    },
    async createMultipartUpload(key, options) {
      const id = ++uploads;
      open.add(id);
      const parts = new Map<number, Uint8Array>();
      log.push(`create ${key}`);
      return {
        async uploadPart(partNumber, value) {
          parts.set(partNumber, value.slice());
          log.push(`part ${partNumber} ${value.length}`);
          return { partNumber, etag: `etag-${partNumber}` };
        },
        async complete(list) {
          const sizes = list.map((p) => parts.get(p.partNumber)?.length ?? -1);
          const body = sizes.slice(0, -1);
          if (body.some((s) => s !== body[0] || s < R2_MIN_PART_BYTES))
            throw new Error("R2: uneven part sizes");
          const total = sizes.reduce((a, b) => a + b, 0);
          const data = new Uint8Array(total);
          let off = 0;
          for (const p of list) {
            const d = parts.get(p.partNumber)!;
            data.set(d, off);
            off += d.length;
          }
          objects.set(key, { data, contentType: options?.httpMetadata?.contentType });
          open.delete(id);
          log.push(`complete ${key} ${total}`);
        },
        async abort() {
          open.delete(id);
          log.push(`abort ${key}`);
        },
      };
    },
  };
  return { bucket, objects, log, openUploads: () => open.size };
}

function pattern(total: number, chunk: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent >= total) return c.close();
      const n = Math.min(chunk, total - sent);
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = (sent + i) % 253;
      sent += n;
      c.enqueue(out);
    },
  });
}

const bytesOf = async (s: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(s).arrayBuffer());

describe("r2BlobStore", () => {
  it("stores a small blob with one verified put and reads it back", async () => {
    const r2 = fakeR2();
    const blobs = r2BlobStore(r2.bucket);
    const put = await blobs.put("audio/o/b1", pattern(123_456, 10_000), {
      contentType: "audio/wav",
      maxBytes: 1e6,
    });
    const expected = await bytesOf(pattern(123_456, 123_456));
    expect(put).toEqual({ size: 123_456, sha256: await sha256Hex(expected) });
    expect(r2.log).toEqual(["put audio/o/b1 123456"]);
    const got = await blobs.get("audio/o/b1");
    expect(got).toMatchObject({ contentType: "audio/wav", size: 123_456 });
    expect(Buffer.from(await bytesOf(got!.body)).equals(Buffer.from(expected))).toBe(true);
    await blobs.delete("audio/o/b1");
    expect(await blobs.get("audio/o/b1")).toBeNull();
  });

  it("streams a large blob of unknown length as equal multipart parts", async () => {
    const r2 = fakeR2();
    const blobs = r2BlobStore(r2.bucket, { partSize: R2_MIN_PART_BYTES });
    const total = R2_MIN_PART_BYTES * 2 + 777;
    const put = await blobs.put("big", pattern(total, 64 * 1024 + 3), {
      contentType: "audio/mpeg",
      maxBytes: 50e6,
    });
    expect(put.size).toBe(total);
    expect(r2.log).toEqual([
      "create big",
      `part 1 ${R2_MIN_PART_BYTES}`,
      `part 2 ${R2_MIN_PART_BYTES}`,
      "part 3 777",
      `complete big ${total}`,
    ]);
    const stored = r2.objects.get("big")!;
    expect(stored.contentType).toBe("audio/mpeg");
    expect(await sha256Hex(stored.data)).toBe(put.sha256);
  });

  it("aborts the multipart upload past maxBytes: nothing stored", async () => {
    const r2 = fakeR2();
    const blobs = r2BlobStore(r2.bucket, { partSize: R2_MIN_PART_BYTES });
    const err = await blobs
      .put("too-big", pattern(R2_MIN_PART_BYTES * 3, 256 * 1024), {
        contentType: "audio/wav",
        maxBytes: R2_MIN_PART_BYTES * 2,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DebriefError);
    expect((err as DebriefError).code).toBe("payload_too_large");
    expect(r2.log.at(-1)).toBe("abort too-big");
    expect(r2.openUploads()).toBe(0);
    expect(r2.objects.size).toBe(0);
  });

  it("refuses a small blob past maxBytes without any put", async () => {
    const r2 = fakeR2();
    const blobs = r2BlobStore(r2.bucket);
    await expect(
      blobs.put("small", pattern(5000, 1000), { contentType: "audio/wav", maxBytes: 4096 }),
    ).rejects.toMatchObject({
      code: "payload_too_large",
    });
    expect(r2.log).toEqual([]);
  });
});
