import type { R2Bucket } from "@cloudflare/workers-types";
import { DebriefError } from "../errors.js";
import type { BlobStore } from "../services.js";
import { hashingCounter } from "./hashing.js";

/**
 * The few R2 bucket methods the store uses, typed structurally so a test fake needs only these.
 * `R2Bucket` (the Workers binding) satisfies it: see the compile-time check below.
 */
export interface R2BucketLike {
  put(
    key: string,
    value: Uint8Array,
    options?: { httpMetadata?: { contentType?: string }; sha256?: string },
  ): Promise<unknown>;
  get(
    key: string,
    options?: { range?: { offset: number; length?: number } },
  ): Promise<{
    size: number;
    httpMetadata?: { contentType?: string } | undefined;
    body: {
      getReader(): {
        read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
        cancel(reason?: unknown): Promise<void>;
      };
    };
  } | null>;
  delete(key: string): Promise<void>;
  createMultipartUpload(
    key: string,
    options?: { httpMetadata?: { contentType?: string } },
  ): Promise<{
    uploadPart(partNumber: number, value: Uint8Array): Promise<{ partNumber: number; etag: string }>;
    complete(parts: Array<{ partNumber: number; etag: string }>): Promise<unknown>;
    abort(): Promise<void>;
  }>;
}

// Compile-time proof that the real binding fits the structural type.
const _bindingFits: (bucket: R2Bucket) => R2BucketLike = (bucket) => bucket;
void _bindingFits;

/** R2 requires ≥ 5 MiB for every part but the last, and all those parts the same size. */
export const R2_MIN_PART_BYTES = 5 * 1024 * 1024;
const DEFAULT_PART_BYTES = 8 * 1024 * 1024;

function mb(bytes: number): string {
  return `${Math.round(bytes / 1e6)} MB`;
}

/**
 * Counts and hashes what streams through it; errors the stream past `maxBytes`.
 *
 * @example
 * const counter = hashingCounter();
 * body.pipeThrough(countingTransform(counter, 2e9));
 */
export function countingTransform(
  counter: ReturnType<typeof hashingCounter>,
  maxBytes: number,
): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      counter.update(chunk);
      if (counter.size > maxBytes) {
        controller.error(new DebriefError("payload_too_large", `upload exceeds ${mb(maxBytes)}`));
        return;
      }
      controller.enqueue(chunk);
    },
  });
}

/**
 * Blobs in a Cloudflare R2 bucket (Workers).
 *
 * Why multipart: `bucket.put` only accepts a stream of known length (a request body or a
 * FixedLengthStream), and an upload parsed out of a multipart request has none. So bytes are cut
 * into equal parts of `partSize` (one part in memory at a time, 8 MiB by default) and sent with a
 * multipart upload; a body smaller than one part is a single `put` (with its SHA-256 for R2 to
 * verify). Any failure — over `maxBytes`, client abort, R2 error — aborts the upload: nothing stays.
 *
 * @example
 * const blobs = r2BlobStore(env.BLOBS);
 * await blobs.put("audio/org_1/blob_x", request.body, { contentType: "audio/wav", maxBytes: 2e9 });
 */
export function r2BlobStore(bucket: R2BucketLike, options: { partSize?: number } = {}): BlobStore {
  const partSize = Math.max(options.partSize ?? DEFAULT_PART_BYTES, R2_MIN_PART_BYTES);

  return {
    async put(key, body, meta) {
      const counter = hashingCounter();
      const reader = body.pipeThrough(countingTransform(counter, meta.maxBytes)).getReader();
      const httpMetadata = { contentType: meta.contentType };
      let part = new Uint8Array(partSize);
      let filled = 0;
      let upload: Awaited<ReturnType<R2BucketLike["createMultipartUpload"]>> | undefined;
      const parts: Array<{ partNumber: number; etag: string }> = [];
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          let off = 0;
          while (off < value.length) {
            const take = Math.min(partSize - filled, value.length - off);
            part.set(value.subarray(off, off + take), filled);
            filled += take;
            off += take;
            if (filled === partSize) {
              upload ??= await bucket.createMultipartUpload(key, { httpMetadata });
              parts.push(await upload.uploadPart(parts.length + 1, part));
              // A fresh buffer: R2 may still hold a reference to the one just sent.
              part = new Uint8Array(partSize);
              filled = 0;
            }
          }
        }
        const sha256 = await counter.digest();
        if (!upload) {
          await bucket.put(key, part.subarray(0, filled), { httpMetadata, sha256 });
        } else {
          if (filled > 0) parts.push(await upload.uploadPart(parts.length + 1, part.subarray(0, filled)));
          await upload.complete(parts);
        }
        return { size: counter.size, sha256 };
      } catch (err) {
        await reader.cancel(err).catch(() => {});
        await upload?.abort().catch(() => {});
        throw err;
      }
    },

    async get(key, range) {
      const obj = await bucket.get(
        key,
        range
          ? {
              range:
                range.end === undefined
                  ? { offset: range.start }
                  : { offset: range.start, length: range.end - range.start + 1 },
            }
          : undefined,
      );
      if (!obj) return null;
      // Re-wrap: the Workers stream type differs from the web one BlobStore promises, and a pull
      // wrapper keeps backpressure and cancellation intact.
      const source = obj.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await source.read();
          if (done || value === undefined) controller.close();
          else controller.enqueue(value);
        },
        cancel(reason) {
          return source.cancel(reason);
        },
      });
      return {
        body,
        contentType: obj.httpMetadata?.contentType ?? "application/octet-stream",
        size: obj.size,
      };
    },

    async delete(key) {
      await bucket.delete(key);
    },
  };
}
