import { afterEach, describe, expect, it } from "vitest";
import { keepsTranscripts } from "../../src/calls/operations.js";
import {
  MAX_RETAINED_CHARS,
  MAX_RETAINED_TEXT_CHARS,
  MAX_RETAINED_TEXTS,
  RETAINED_TTL_MS,
  retainedSize,
  retainText,
  takeText,
} from "../../src/cpu/retained.js";
import type { Services } from "../../src/services.js";

/** Takes every text a test left, so the next one starts empty. */
const kept: string[] = [];
const keep = (text: string, now?: number) => {
  const token = retainText(text, now);
  if (token) kept.push(token);
  return token;
};
afterEach(() => {
  for (const token of kept.splice(0)) takeText(token, 0);
  expect(retainedSize()).toEqual({ texts: 0, chars: 0 });
});

describe("transcript texts kept on the CPU thread", () => {
  it("gives a text back once, under its own token", () => {
    const a = keep("a", 1)!;
    const b = keep("bb", 1)!;
    expect(a).not.toBe(b);
    expect(retainedSize()).toEqual({ texts: 2, chars: 3 });
    expect(takeText(b, 2)).toBe("bb");
    expect(takeText(b, 2)).toBeUndefined();
    expect(takeText("unknown", 2)).toBeUndefined();
    expect(takeText(a, 2)).toBe("a");
  });

  it("keeps no text longer than the limit for one", () => {
    expect(keep("x".repeat(MAX_RETAINED_TEXT_CHARS + 1), 1)).toBeNull();
    expect(keep("x".repeat(MAX_RETAINED_TEXT_CHARS), 1)).not.toBeNull();
  });

  it("drops the oldest texts beyond the count", () => {
    const tokens = Array.from({ length: MAX_RETAINED_TEXTS + 2 }, (_, i) => keep(`t${i}`, 1)!);
    expect(retainedSize().texts).toBe(MAX_RETAINED_TEXTS);
    expect(takeText(tokens[0]!, 1)).toBeUndefined();
    expect(takeText(tokens[1]!, 1)).toBeUndefined();
    expect(takeText(tokens[2]!, 1)).toBe("t2");
  });

  it("drops the oldest texts beyond the characters kept together", () => {
    const big = "x".repeat(MAX_RETAINED_TEXT_CHARS);
    const n = Math.floor(MAX_RETAINED_CHARS / MAX_RETAINED_TEXT_CHARS);
    const tokens = Array.from({ length: n + 1 }, () => keep(big, 1)!);
    expect(retainedSize()).toEqual({ texts: n, chars: n * MAX_RETAINED_TEXT_CHARS });
    expect(takeText(tokens[0]!, 1)).toBeUndefined();
    expect(takeText(tokens[n]!, 1)).toBe(big);
  });

  it("drops a text past its age", () => {
    const old = keep("old", 1_000)!;
    const fresh = keep("fresh", 1_000 + RETAINED_TTL_MS)!;
    expect(takeText(fresh, 1_001 + RETAINED_TTL_MS)).toBe("fresh");
    expect(takeText(old, 1_001 + RETAINED_TTL_MS)).toBeUndefined();
  });

  it("are kept only when one thread runs every CPU task and the rules engine coaches there", () => {
    const services = (oneThread: boolean | undefined, key?: string) =>
      ({ cpu: { oneThread }, config: { OPENAI_API_KEY: key } }) as unknown as Services;
    expect(keepsTranscripts(services(true))).toBe(true);
    expect(keepsTranscripts(services(false))).toBe(false);
    expect(keepsTranscripts(services(undefined))).toBe(false);
    expect(keepsTranscripts(services(true, "sk-test"))).toBe(false);
  });
});
