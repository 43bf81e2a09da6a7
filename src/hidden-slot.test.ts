import { describe, expect, it } from "vitest";
import { hiddenSlot } from "./hidden-slot.js";

describe("hiddenSlot", () => {
  it("keeps a value with its object, as a WeakMap would", () => {
    const slot = hiddenSlot<object, number[]>("test");
    const a = { x: 1 };
    const b = { x: 1 };
    expect(slot.get(a)).toBeUndefined();
    slot.set(a, [1]);
    expect(slot.get(a)).toEqual([1]);
    expect(slot.get(b)).toBeUndefined();
    slot.set(a, [2]);
    expect(slot.get(a)).toEqual([2]);
  });

  it("is invisible to serialisation, keys, spreads, clones and deep equality", () => {
    const slot = hiddenSlot<{ x: number }, string>("test");
    const a = { x: 1 };
    slot.set(a, "cached");
    expect(JSON.stringify(a)).toBe('{"x":1}');
    expect(Object.keys(a)).toEqual(["x"]);
    expect(a).toStrictEqual({ x: 1 });
    // A copy is another object: it does not carry the value (nor would a WeakMap know it).
    expect(slot.get({ ...a })).toBeUndefined();
    expect(slot.get(Object.assign({}, a))).toBeUndefined();
    expect(slot.get(structuredClone(a))).toBeUndefined();
  });

  it("keeps slots of the same name apart", () => {
    const one = hiddenSlot<object, string>("same");
    const two = hiddenSlot<object, string>("same");
    const a = {};
    one.set(a, "one");
    two.set(a, "two");
    expect(one.get(a)).toBe("one");
    expect(two.get(a)).toBe("two");
  });

  it("falls back to a WeakMap for objects that take no property", () => {
    const slot = hiddenSlot<object, string>("test");
    const frozen = Object.freeze({ x: 1 });
    const sealed = Object.seal({ x: 1 });
    const closed = Object.preventExtensions({ x: 1 });
    for (const o of [frozen, sealed, closed]) {
      expect(slot.get(o)).toBeUndefined();
      slot.set(o, "kept");
      expect(slot.get(o)).toBe("kept");
      slot.set(o, "again");
      expect(slot.get(o)).toBe("again");
    }
    expect(Object.isFrozen(frozen)).toBe(true);
  });

  it("still answers for an object frozen after its value was set", () => {
    const slot = hiddenSlot<object, string>("test");
    const a = { x: 1 };
    slot.set(a, "before");
    Object.freeze(a);
    expect(slot.get(a)).toBe("before");
    slot.set(a, "after");
    expect(slot.get(a)).toBe("after");
  });
});
