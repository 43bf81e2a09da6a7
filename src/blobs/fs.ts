import { randomBytes } from "node:crypto";
import {
  type FileHandle,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { z } from "zod";
import { DebriefError } from "../errors.js";
import type { BlobStore } from "../services.js";
import { hashingCounter } from "./hashing.js";

/**
 * Keys are relative paths of safe segments (`audio/org_1/blob_x.wav`): letters, digits, `.`, `_`, `-`,
 * never starting with a dot, so `..`, absolute paths, hidden files and our own temp/sidecar names
 * (which contain `~` or start with `.`) can never be addressed.
 */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

const SidecarSchema = z.object({ contentType: z.string().min(1) });

/** Chunk size for reads: big enough for throughput, small enough to keep memory flat. */
const READ_CHUNK = 256 * 1024;

function mb(bytes: number): string {
  return `${Math.round(bytes / 1e6)} MB`;
}

function isNotFound(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === "ENOENT";
}

/** The name of an upload's temp file while it streams in (see `put`). */
const TEMP_FILE = /^\.[0-9a-f]{16}\.tmp$/;
const SIDECAR_SUFFIX = "~meta.json";

/**
 * Remove what interrupted uploads left under `dir` (a kill -9 mid-upload skips `put`'s cleanup):
 * temp files not written to for `olderThanMs` (an upload in progress keeps touching its file, so
 * another process's live upload is spared) and sidecars whose blob never arrived. Run at start.
 *
 * @example
 * const { removed } = await cleanInterruptedUploads("./.debrief/blobs");
 */
export async function cleanInterruptedUploads(
  dir: string,
  options: { olderThanMs?: number; now?: Date } = {},
): Promise<{ removed: string[] }> {
  const olderThan = (options.now ?? new Date()).getTime() - (options.olderThanMs ?? 15 * 60_000);
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = await readdir(resolve(dir), { recursive: true, encoding: "utf8" });
  } catch (err) {
    if (isNotFound(err)) return { removed };
    throw err;
  }
  for (const rel of entries) {
    const path = join(resolve(dir), rel);
    const name = rel.split(sep).pop() ?? rel;
    try {
      if (TEMP_FILE.test(name)) {
        if ((await stat(path)).mtimeMs > olderThan) continue;
      } else if (name.endsWith(SIDECAR_SUFFIX)) {
        const blob = path.slice(0, -SIDECAR_SUFFIX.length);
        if ((await stat(blob).catch(() => null)) !== null) continue;
        // A sidecar is written just before its blob is renamed into place: spare a recent one.
        if ((await stat(path)).mtimeMs > olderThan) continue;
      } else continue;
      await rm(path, { force: true });
      removed.push(rel);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return { removed };
}

/**
 * Blobs as files under `dir` (Node). Uploads stream to a temp file in the target folder and are
 * renamed into place only once complete, so a reader never sees half a file and a crash leaves at
 * most a `.…tmp` file behind. The content type lives in a `<file>~meta.json` sidecar.
 *
 * @example
 * const blobs = fsBlobStore("./.debrief/blobs");
 * const { size, sha256 } = await blobs.put("audio/org_1/blob_x", body, { contentType: "audio/wav", maxBytes: 2e9 });
 */
export function fsBlobStore(dir: string): BlobStore {
  const root = resolve(dir);

  function pathOf(key: string): string {
    if (key.length > 512 || !KEY.test(key)) {
      throw new DebriefError("input.invalid", `invalid blob key ${JSON.stringify(key.slice(0, 80))}`);
    }
    const path = resolve(root, key);
    // Belt and braces: the pattern already rules out escaping the root.
    if (!path.startsWith(root + sep)) throw new DebriefError("input.invalid", "blob key escapes the store");
    return path;
  }
  const sidecar = (path: string) => `${path}${SIDECAR_SUFFIX}`;

  return {
    async put(key, body, meta) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${dirname(path)}${sep}.${randomBytes(8).toString("hex")}.tmp`;
      const counter = hashingCounter();
      const reader = body.getReader();
      let fh: FileHandle | undefined;
      try {
        fh = await open(tmp, "wx");
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          counter.update(value);
          if (counter.size > meta.maxBytes) {
            throw new DebriefError("payload_too_large", `upload exceeds ${mb(meta.maxBytes)}`);
          }
          // Awaiting each write is the backpressure: we read no faster than the disk takes it.
          await fh.write(value);
        }
        await fh.sync();
        await fh.close();
        fh = undefined;
        await writeFile(sidecar(path), JSON.stringify({ contentType: meta.contentType }));
        await rename(tmp, path);
      } catch (err) {
        await reader.cancel(err).catch(() => {});
        await fh?.close().catch(() => {});
        await rm(tmp, { force: true });
        throw err;
      }
      return { size: counter.size, sha256: await counter.digest() };
    },

    async get(key, range) {
      const path = pathOf(key);
      let size: number;
      try {
        size = (await stat(path)).size;
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
      let contentType = "application/octet-stream";
      try {
        const parsed = SidecarSchema.safeParse(JSON.parse(await readFile(sidecar(path), "utf8")));
        if (parsed.success) contentType = parsed.data.contentType;
      } catch {
        // A missing or damaged sidecar only loses the content type; Deepgram sniffs the bytes anyway.
      }
      // Opened on first read, so a stream that is never consumed holds no file descriptor.
      let fh: FileHandle | undefined;
      // Where the next read starts and how many bytes are left to serve.
      let position = range?.start ?? 0;
      let left = range ? Math.max(0, Math.min(range.end ?? size - 1, size - 1) - range.start + 1) : size;
      const close = async () => {
        await fh?.close().catch(() => {});
        fh = undefined;
      };
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            fh ??= await open(path, "r");
            const want = Math.min(READ_CHUNK, left);
            const buf = new Uint8Array(want);
            const { bytesRead } = want > 0 ? await fh.read(buf, 0, want, position) : { bytesRead: 0 };
            position += bytesRead;
            left -= bytesRead;
            if (bytesRead === 0) {
              await close();
              controller.close();
            } else {
              controller.enqueue(buf.subarray(0, bytesRead));
            }
          } catch (err) {
            await close();
            controller.error(err);
          }
        },
        cancel: close,
      });
      return { body, contentType, size };
    },

    async delete(key) {
      const path = pathOf(key);
      for (const p of [path, sidecar(path)]) {
        try {
          await unlink(p);
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      }
    },
  };
}
