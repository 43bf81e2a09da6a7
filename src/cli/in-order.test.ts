import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Helper, inOrder } from "./in-order.js";

const tick = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A helper doubling numbers after `delay(n)` ms; it records what it ran and whether it was closed. */
function helper(
  opts: { delay?: (n: number) => number; ready?: Promise<boolean>; fail?: number; depth?: number } = {},
) {
  const ran: number[] = [];
  const state = { closed: false };
  const h: Helper<number, number> = {
    ready: opts.ready ?? Promise.resolve(true),
    ...(opts.depth ? { depth: opts.depth } : {}),
    async run(n) {
      ran.push(n);
      await tick(opts.delay?.(n) ?? 0);
      if (n === opts.fail) throw new Error(`bug on ${n}`);
      return n * 2;
    },
    async close() {
      state.closed = true;
    },
  };
  return { h, ran, state };
}

const items = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("inOrder", () => {
  it("delivers every result in the items' order while helpers finish out of order", async () => {
    const a = helper({ delay: (n) => (n % 3) * 4 });
    const b = helper({ delay: (n) => (n % 2) * 7, depth: 2 });
    const out: number[] = [];
    await inOrder(items(40), {
      local: async (n) => {
        await tick(n % 5);
        return n * 2;
      },
      helpers: { start: () => [a.h, b.h], when: "now" },
      deliver: (r) => out.push(r),
    });
    expect(out).toEqual(items(40).map((n) => n * 2));
    expect(a.ran.length + b.ran.length).toBeGreaterThan(0); // the helpers did take work
    expect(a.state.closed && b.state.closed).toBe(true);
  });

  it("starts no helper for a batch shorter than `when.ms` at this thread's pace", async () => {
    let started = 0;
    const out: number[] = [];
    await inOrder(items(10), {
      local: async (n) => n * 2,
      helpers: {
        start: () => {
          started++;
          return [helper().h];
        },
        when: { ms: 60_000 },
      },
      deliver: (r) => out.push(r),
    });
    expect(started).toBe(0);
    expect(out).toEqual(items(10).map((n) => n * 2));
  });

  it("starts the helpers once, after this thread's second item, when the rest would take long", async () => {
    const a = helper();
    let started = 0;
    const out: number[] = [];
    await inOrder(items(30), {
      local: async (n) => {
        await tick(5);
        return n * 2;
      },
      helpers: {
        start: () => {
          started++;
          return [a.h];
        },
        when: { ms: 20 },
      },
      deliver: (r) => out.push(r),
    });
    expect(started).toBe(1);
    expect(a.ran.length).toBeGreaterThan(0);
    expect(Math.min(...a.ran)).toBeGreaterThanOrEqual(2); // items 0 and 1 ran here, before the start
    expect(out).toEqual(items(30).map((n) => n * 2));
  });

  it("finishes without a helper that never becomes ready, and closes it", async () => {
    const stuck = helper({ ready: new Promise<boolean>(() => {}) });
    const refused = helper({ ready: Promise.resolve(false) });
    const out: number[] = [];
    await inOrder(items(5), {
      local: async (n) => n * 2,
      helpers: { start: () => [stuck.h, refused.h], when: "now" },
      deliver: (r) => out.push(r),
    });
    expect(out).toEqual([0, 2, 4, 6, 8]);
    expect(stuck.ran).toEqual([]);
    expect(stuck.state.closed && refused.state.closed).toBe(true);
  });

  it("throws a helper's rejection, delivers nothing after it, and closes the helpers", async () => {
    const a = helper({ fail: 3, delay: () => 1 });
    const out: number[] = [];
    await expect(
      inOrder(items(20), {
        local: async (n) => {
          await tick(20); // slow: the helper takes item 3
          return n * 2;
        },
        helpers: { start: () => [a.h], when: "now" },
        deliver: (r) => out.push(r),
      }),
    ).rejects.toThrow("bug on 3");
    expect(out).not.toContain(6);
    expect(out.length).toBeLessThan(20);
    expect(a.state.closed).toBe(true);
  });

  it("throws this thread's rejection the same way", async () => {
    const a = helper({ delay: () => 50 });
    await expect(
      inOrder(items(6), {
        local: async (n) => {
          if (n >= 1) throw new Error("local bug");
          return n;
        },
        helpers: { start: () => [a.h], when: "now" },
        deliver: () => {},
      }),
    ).rejects.toThrow("local bug");
    expect(a.state.closed).toBe(true);
  });

  it("holds at most `window` results behind a slow item", async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slow: Helper<number, number> = {
      ready: Promise.resolve(true),
      async run(n) {
        await gate;
        return n * 2;
      },
      async close() {},
    };
    let maxAhead = 0;
    let taken = 0;
    const out: number[] = [];
    const done = inOrder(items(50), {
      local: async (n) => {
        taken = Math.max(taken, n);
        maxAhead = Math.max(maxAhead, n - out.length);
        await tick(0);
        return n * 2;
      },
      helpers: { start: () => [slow], when: "now" },
      deliver: (r) => out.push(r),
      window: 8,
    });
    await tick(50);
    expect(out).toEqual([0]); // item 1 sits in the slow helper
    expect(taken).toBe(8); // this thread stopped at the window: items 1–8 taken, none delivered
    release();
    await done;
    expect(maxAhead).toBeLessThanOrEqual(8);
    expect(out).toEqual(items(50).map((n) => n * 2));
  });

  it("keeps the order for any mix of delays and helpers (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(3), { maxLength: 25 }),
        fc.array(fc.record({ delay: fc.nat(3), depth: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 }),
        fc.integer({ min: 1, max: 6 }),
        async (delays, specs, window) => {
          const out: number[] = [];
          await inOrder(items(delays.length), {
            local: async (n) => {
              await tick(delays[n]!);
              return n * 2;
            },
            helpers: {
              start: () =>
                specs.map((s) => helper({ delay: (n) => (delays[n]! + s.delay) % 4, depth: s.depth }).h),
              when: "now",
            },
            deliver: (r) => out.push(r),
            window,
          });
          expect(out).toEqual(items(delays.length).map((n) => n * 2));
        },
      ),
      { numRuns: 40 },
    );
  });
});
