import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byteRange } from "./range.js";

describe("the audio route's Range header", () => {
  it("reads open and closed single ranges", () => {
    expect(byteRange("bytes=0-")).toEqual({ start: 0 });
    expect(byteRange("bytes=100-199")).toEqual({ start: 100, end: 199 });
    expect(byteRange(" bytes=5-5 ")).toEqual({ start: 5, end: 5 });
  });

  it("ignores what it does not serve: none, several, suffix, reversed, other units", () => {
    for (const h of [undefined, "", "bytes=0-1,5-9", "bytes=-500", "bytes=9-3", "items=0-1", "bytes=a-b"])
      expect(byteRange(h)).toBeNull();
  });

  it("never returns a range that ends before it starts", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = byteRange(s);
        return r === null || r.end === undefined || r.end >= r.start;
      }),
    );
  });
});
