import { describe, expect, it } from "vitest";
import { type Settled, settle, unwrap } from "../../src/cpu/errors.js";
import { DebriefError, TranscriptParseError } from "../../src/errors.js";

// A large JSON upload's transcript refusal is settled in the CPU task and thrown later by the
// event loop: it must map to the same problem document either way.
/** What `fn` throws (undefined when it returns). */
function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe("a settled failure of a CPU task", () => {
  const refusal = () => {
    throw new TranscriptParseError("json", "utterances: missing", { file: "call.json" });
  };

  it("throws the very error on the thread that settled it (inline)", () => {
    const err = caught(() => unwrap(settle(refusal)));
    expect(err).toBeInstanceOf(TranscriptParseError);
    expect((err as TranscriptParseError).file).toBe("call.json");
  });

  it("throws a DebriefError with the same code, message and details after crossing a thread", () => {
    const crossed = structuredClone(settle(refusal));
    expect(() => unwrap(crossed)).toThrow(DebriefError);
    expect(() => unwrap(crossed)).toThrow("call.json: json: utterances: missing");
    const withDetails = structuredClone(
      settle(() => {
        throw new DebriefError("validation_failed", "x: bad", { details: { errors: [{ path: "x" }] } });
      }),
    );
    expect(caught(() => unwrap(withDetails))).toMatchObject({
      code: "validation_failed",
      details: { errors: [{ path: "x" }] },
    });
    // Anything else stays an unknown error (a 500), as a task's throw always was.
    const other = structuredClone(settle(() => JSON.parse("{")));
    expect(() => unwrap(other)).toThrow(Error);
    expect(() => unwrap(other)).not.toThrow(DebriefError);
  });

  it("gives the value when there was no failure", () => {
    const ok: Settled<number> = structuredClone(settle(() => 42));
    expect(unwrap(ok)).toBe(42);
  });
});
