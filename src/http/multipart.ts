import * as Multipasta from "multipasta";
import { DebriefError } from "../errors.js";

export interface FilePartInfo {
  name: string;
  filename: string | undefined;
  contentType: string;
}

export interface MultipartHandlers {
  onField(name: string, value: string): void;
  /** Must consume `body` (or cancel it) before resolving; the request is read no faster than it does. */
  onFile(info: FilePartInfo, body: ReadableStream<Uint8Array>): Promise<void>;
}

export interface MultipartLimits {
  /** Parts (fields and files) in the body. */
  maxParts: number;
  /** Bytes of one non-file field (a file part is bounded by its consumer, and by the total). */
  maxFieldBytes: number;
  /** Bytes of the whole body. */
  maxTotalBytes: number;
}

function multipartError(e: Multipasta.MultipartError): DebriefError {
  switch (e._tag) {
    case "ReachedLimit":
      if (e.limit === "MaxParts")
        return new DebriefError("input.invalid", "too many parts in the multipart body");
      if (e.limit === "MaxFieldSize")
        return new DebriefError("payload_too_large", "a metadata field of the multipart body is too large");
      return new DebriefError("payload_too_large", "the multipart body is too large");
    case "InvalidBoundary":
      return new DebriefError(
        "input.invalid",
        "multipart/form-data needs a boundary parameter in Content-Type",
      );
    case "BadHeaders":
      return new DebriefError("input.invalid", "malformed part headers in the multipart body");
    case "InvalidDisposition":
      return new DebriefError("input.invalid", "a multipart part has no name in its Content-Disposition");
    case "EndNotReached":
      return new DebriefError("input.invalid", "the multipart body ended before its closing boundary");
  }
}

type ParserEvent =
  | { t: "field"; info: Multipasta.PartInfo; value: Uint8Array }
  | { t: "start"; info: Multipasta.PartInfo }
  | { t: "chunk"; chunk: Uint8Array }
  | { t: "end" };

interface OpenFile {
  controller: ReadableStreamDefaultController<Uint8Array>;
  /** Resolves the wait for demand (a pull), a cancel, or the handler settling. */
  wake: (() => void) | null;
  cancelled: boolean;
  settled: boolean;
  error: unknown;
  outcome: Promise<void>;
}

/**
 * Parse a multipart body as it arrives, with backpressure: a file part is handed over as a stream,
 * and the request is only read further when that stream's consumer asks for more. At most one
 * network chunk is held here, whatever the file's size.
 *
 * multipasta (the parser behind @effect/platform) runs anywhere with web streams (Node, Workers);
 * its own web adapter buffers file chunks without backpressure, hence this small pump around the
 * synchronous core.
 *
 * Errors are DebriefErrors: too many parts → input.invalid; a field or the body over its limit →
 * payload_too_large; no boundary, bad part headers, a body that ends before its closing boundary
 * → input.invalid. A consumer that throws fails the read with its error; one that cancels its
 * stream gets no more bytes (the rest of that part is read and dropped).
 *
 * @example
 * await readMultipart(req.body, req.headers.get("content-type") ?? "", {
 *   onField: (name, value) => { fields[name] = value; },
 *   onFile: (info, body) => blobs.put(key, body),
 * }, { maxParts: 20, maxFieldBytes: 64_000, maxTotalBytes: 100e6 });
 */
export async function readMultipart(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  handlers: MultipartHandlers,
  limits: MultipartLimits,
): Promise<void> {
  const events: ParserEvent[] = [];
  let failure: Multipasta.MultipartError | undefined;
  let finished = false;
  const parser = Multipasta.make({
    headers: { "content-type": contentType },
    // `file` is always streamed, even without a filename (curl -F 'file=<call.vtt' sends none).
    isFile: (info) => info.name === "file" || info.filename !== undefined,
    maxParts: limits.maxParts,
    maxFieldSize: limits.maxFieldBytes,
    maxTotalSize: limits.maxTotalBytes,
    onField: (info, value) => events.push({ t: "field", info, value }),
    onFile: (info) => {
      events.push({ t: "start", info });
      return (chunk) => events.push(chunk === null ? { t: "end" } : { t: "chunk", chunk });
    },
    onError: (e) => {
      failure ??= e;
    },
    onDone: () => {
      finished = true;
    },
  });

  // A holder, not a `let`: TypeScript does not see assignments made inside the drain closure.
  const open: { file: OpenFile | null } = { file: null };
  const waitForDemand = (f: OpenFile) =>
    new Promise<void>((resolve) => {
      f.wake = resolve;
    });

  async function drain(): Promise<void> {
    for (let ev = events.shift(); ev !== undefined; ev = events.shift()) {
      if (ev.t === "field") {
        handlers.onField(ev.info.name, Multipasta.decodeField(ev.info, ev.value));
      } else if (ev.t === "start") {
        let controller!: ReadableStreamDefaultController<Uint8Array>;
        const stream = new ReadableStream<Uint8Array>({
          start(c) {
            controller = c;
          },
          // Called after `f` exists: a stream pulls only once start() has returned.
          pull() {
            f.wake?.();
          },
          cancel() {
            f.cancelled = true;
            f.wake?.();
          },
        });
        const f: OpenFile = {
          controller,
          wake: null,
          cancelled: false,
          settled: false,
          error: undefined,
          outcome: Promise.resolve(),
        };
        const { name, filename, contentType: type } = ev.info;
        f.outcome = handlers.onFile({ name, filename, contentType: type }, stream).then(
          () => {
            f.settled = true;
            f.wake?.();
          },
          (err: unknown) => {
            f.settled = true;
            f.error = err ?? new Error("upload handler failed");
            f.wake?.();
          },
        );
        open.file = f;
      } else if (open.file) {
        const f = open.file;
        if (ev.t === "chunk") {
          // A consumer that cancelled or finished early gets no more bytes; they are dropped.
          if (f.cancelled || f.settled) {
            if (f.error !== undefined) throw f.error;
            continue;
          }
          f.controller.enqueue(ev.chunk);
          while ((f.controller.desiredSize ?? 0) <= 0 && !f.cancelled && !f.settled) await waitForDemand(f);
          if (f.error !== undefined) throw f.error;
        } else {
          if (!f.cancelled && !f.settled) f.controller.close();
          await f.outcome;
          open.file = null;
          if (f.error !== undefined) throw f.error;
        }
      }
    }
    if (failure) throw multipartError(failure);
  }

  const reader = body.getReader();
  try {
    await drain();
    while (!finished) {
      const { done, value } = await reader.read();
      if (done) {
        parser.end();
        await drain();
        if (!finished) throw multipartError({ _tag: "EndNotReached" });
        break;
      }
      parser.write(value);
      await drain();
    }
  } catch (err) {
    // Fail the part being streamed so its consumer cleans up (a blob store deletes its partial
    // file), and wait for that before answering: nothing half-stored.
    const f = open.file;
    if (f !== null) {
      if (!f.cancelled && !f.settled) {
        try {
          f.controller.error(err);
        } catch {
          // already closed
        }
      }
      await f.outcome;
    }
    await reader.cancel(err).catch(() => {});
    throw err;
  }
  // The epilogue after the closing boundary is ignored; release the request.
  await reader.cancel().catch(() => {});
}
