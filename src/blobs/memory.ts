import { DebriefError } from "../errors.js";
import type { BlobStore } from "../services.js";
import { hashingCounter } from "./hashing.js";

/** A blob store in memory, for tests and throwaway runs. */
export function memoryBlobStore(): BlobStore & { keys(): string[] } {
  const blobs = new Map<string, { data: Uint8Array; contentType: string }>();
  return {
    async put(key, body, meta) {
      const counter = hashingCounter();
      const chunks: Uint8Array[] = [];
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        counter.update(value);
        if (counter.size > meta.maxBytes) {
          await reader.cancel();
          throw new DebriefError("payload_too_large", `upload exceeds ${Math.round(meta.maxBytes / 1e6)} MB`);
        }
        chunks.push(value);
      }
      const data = new Uint8Array(counter.size);
      let off = 0;
      for (const ch of chunks) {
        data.set(ch, off);
        off += ch.length;
      }
      blobs.set(key, { data, contentType: meta.contentType });
      return { size: counter.size, sha256: await counter.digest() };
    },
    async get(key, range) {
      const b = blobs.get(key);
      if (!b) return null;
      const data = range
        ? b.data.subarray(range.start, range.end === undefined ? undefined : range.end + 1)
        : b.data;
      return {
        body: new ReadableStream<Uint8Array>({
          start(ctrl) {
            ctrl.enqueue(data);
            ctrl.close();
          },
        }),
        contentType: b.contentType,
        size: b.data.length,
      };
    },
    async delete(key) {
      blobs.delete(key);
    },
    keys: () => [...blobs.keys()],
  };
}
