import { describe, expect, it } from "vitest";
import { DebriefError } from "../errors.js";
import { type FilePartInfo, type MultipartLimits, readMultipart } from "./multipart.js";
import { readLimited } from "./read-limited.js";

const BOUNDARY = "XyZ";
const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
const LIMITS: MultipartLimits = { maxParts: 10, maxFieldBytes: 100, maxTotalBytes: 1_000_000 };
const enc = new TextEncoder();

function field(name: string, value: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
}
function file(name: string, filename: string, content: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n`;
}
const END = `--${BOUNDARY}--\r\n`;

/** A body delivered in chunks of `size` bytes, counting how many chunks were pulled from it. */
function chunked(
  text: string,
  size: number,
): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  const bytes = enc.encode(text);
  let at = 0;
  let pulls = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        if (at >= bytes.length) {
          c.close();
          return;
        }
        pulls++;
        c.enqueue(bytes.slice(at, at + size));
        at += size;
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulls, cancelled: () => cancelled };
}

async function text(body: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(body).text();
}

async function collect(body: string, limits = LIMITS, chunk = 7) {
  const fields: Record<string, string> = {};
  const files: Array<FilePartInfo & { content: string }> = [];
  await readMultipart(
    chunked(body, chunk).stream,
    CONTENT_TYPE,
    {
      onField: (name, value) => {
        fields[name] = value;
      },
      onFile: async (info, stream) => {
        files.push({ ...info, content: await text(stream) });
      },
    },
    limits,
  );
  return { fields, files };
}

async function failure(run: Promise<unknown>): Promise<DebriefError> {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DebriefError);
  return err as DebriefError;
}

describe("readMultipart", () => {
  it("hands over fields and streamed files, whatever the chunking", async () => {
    const body = field("title", "Acme discovery") + file("file", "call.vtt", "WEBVTT\n\nhello") + END;
    for (const chunk of [1, 3, 64, 4096]) {
      const { fields, files } = await collect(body, LIMITS, chunk);
      expect(fields).toEqual({ title: "Acme discovery" });
      expect(files).toEqual([
        { name: "file", filename: "call.vtt", contentType: "text/plain", content: "WEBVTT\n\nhello" },
      ]);
    }
  });

  it("refuses a field over its per-part limit (413)", async () => {
    const err = await failure(collect(field("title", "x".repeat(101)) + END));
    expect(err.code).toBe("payload_too_large");
    expect(err.message).toBe("a metadata field of the multipart body is too large");
    // At the limit exactly, it passes.
    expect((await collect(field("title", "x".repeat(100)) + END)).fields.title).toHaveLength(100);
  });

  it("refuses a body over the total limit (413), failing the file part being streamed", async () => {
    let consumerError: unknown;
    const body = file("file", "big.txt", "y".repeat(5000)) + END;
    const err = await failure(
      readMultipart(
        chunked(body, 100).stream,
        CONTENT_TYPE,
        {
          onField: () => {},
          onFile: async (_info, stream) => {
            await text(stream).catch((e: unknown) => {
              consumerError = e;
              throw e;
            });
          },
        },
        { ...LIMITS, maxTotalBytes: 1000 },
      ),
    );
    expect(err.code).toBe("payload_too_large");
    expect(err.message).toBe("the multipart body is too large");
    expect(consumerError).toBe(err);
  });

  it("refuses too many parts (422)", async () => {
    const err = await failure(
      collect(field("a", "1") + field("b", "2") + field("c", "3") + END, { ...LIMITS, maxParts: 2 }),
    );
    expect(err.code).toBe("input.invalid");
    expect(err.message).toBe("too many parts in the multipart body");
  });

  it("refuses a body that ends before its closing boundary (422)", async () => {
    const err = await failure(collect(field("title", "x") + file("file", "a.txt", "abc")));
    expect(err.code).toBe("input.invalid");
    expect(err.message).toBe("the multipart body ended before its closing boundary");
  });

  it("refuses a content type without a boundary (422)", async () => {
    const err = await failure(
      readMultipart(
        chunked(END, 10).stream,
        "multipart/form-data",
        { onField: () => {}, onFile: async () => {} },
        LIMITS,
      ),
    );
    expect(err.code).toBe("input.invalid");
  });

  it("reads the request no faster than the file's consumer (backpressure)", async () => {
    const content = "z".repeat(2000);
    const body = file("file", "a.txt", content) + END;
    const source = chunked(body, 100);
    let pulledWhenPaused = -1;
    await readMultipart(
      source.stream,
      CONTENT_TYPE,
      {
        onField: () => {},
        onFile: async (_info, stream) => {
          const reader = stream.getReader();
          await reader.read();
          // The consumer pauses: give the pump many turns of the event loop to run ahead.
          for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 0));
          pulledWhenPaused = source.pulled();
          for (;;) if ((await reader.read()).done) break;
        },
      },
      LIMITS,
    );
    // The headers and the first chunk handed over, one more read and held: not the whole body.
    expect(pulledWhenPaused).toBeGreaterThan(0);
    expect(pulledWhenPaused).toBeLessThanOrEqual(3);
    expect(source.pulled()).toBe(Math.ceil(body.length / 100));
  });

  it("drops the rest of a part whose consumer cancels, and goes on with the next parts", async () => {
    const fields: Record<string, string> = {};
    await readMultipart(
      chunked(file("file", "a.txt", "q".repeat(500)) + field("after", "yes") + END, 50).stream,
      CONTENT_TYPE,
      {
        onField: (n, v) => {
          fields[n] = v;
        },
        onFile: async (_info, stream) => {
          const reader = stream.getReader();
          await reader.read();
          await reader.cancel();
        },
      },
      LIMITS,
    );
    expect(fields).toEqual({ after: "yes" });
  });

  it("fails with the consumer's error and releases the request (abort)", async () => {
    const source = chunked(file("file", "a.txt", "q".repeat(500)) + END, 50);
    const boom = new DebriefError("transcript.parse_error", "not a transcript");
    const err = await failure(
      readMultipart(
        source.stream,
        CONTENT_TYPE,
        {
          onField: () => {},
          onFile: async (_info, stream) => {
            await stream.getReader().read();
            throw boom;
          },
        },
        LIMITS,
      ),
    );
    expect(err).toBe(boom);
    expect(source.cancelled()).toBe(true);
  });
});

describe("readLimited", () => {
  it("reads a body up to the limit and refuses one byte more (413)", async () => {
    expect(new TextDecoder().decode(await readLimited(chunked("abcdef", 2).stream, 6, "bodies"))).toBe(
      "abcdef",
    );
    const source = chunked("abcdefg", 2);
    const err = await failure(readLimited(source.stream, 6, "bodies"));
    expect(err.code).toBe("payload_too_large");
    expect(err.message).toBe("bodies are limited to 0.000006 MB");
    expect(source.cancelled()).toBe(true);
  });
});
