import fc from "fast-check";

/**
 * A copy of one of `docs` (parsed JSON documents) with one value somewhere in its tree replaced by
 * arbitrary JSON: a walk of up to 8 steps down from the root, each step picking a key by number.
 *
 * @example
 * fc.assert(fc.property(withOneValueReplaced([fixture]), (doc) => { parse(doc); }));
 */
export function withOneValueReplaced(docs: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...docs), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.jsonValue())
    .map(([doc, steps, replacement]) => {
      const copy: unknown = structuredClone(doc);
      let parent: unknown = copy;
      for (const [n, step] of steps.entries()) {
        if (typeof parent !== "object" || parent === null) break;
        const keys = Object.keys(parent);
        const key = keys[step % Math.max(keys.length, 1)];
        if (key === undefined) break;
        const record = parent as Record<string, unknown>;
        if (n === steps.length - 1 || typeof record[key] !== "object" || record[key] === null) {
          record[key] = replacement;
          break;
        }
        parent = record[key];
      }
      return copy;
    });
}
