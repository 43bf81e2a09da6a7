/**
 * A value kept with an object for as long as the object lives, like a WeakMap entry, but held in
 * a hidden property of the object itself.
 *
 * Why not a WeakMap: Node 20's young-generation collector (V8 11.3) keeps a WeakMap entry's value
 * alive while the WeakMap is old, even once its key is garbage. A module-level WeakMap keyed by a
 * call's transcript or analysis thus kept every call's data through two scavenges, which then
 * copied and promoted it: ~1.5 MB per hour-long call, collected only by the next full collection
 * (docs/benchmarks.md, session 19). A property dies with its object.
 *
 * The property is keyed by a private symbol and not enumerable: `JSON.stringify`, spreads,
 * `Object.keys`, `structuredClone` and deep equality do not see it, and a copy of the object does
 * not carry it (as a WeakMap would not know the copy). Objects that cannot take a property
 * (frozen, sealed, non-extensible) fall back to a WeakMap.
 *
 * @example
 * const readings = hiddenSlot<CallAnalysis, Readings>("readings");
 * readings.set(analysis, computed);
 * readings.get(analysis); // computed; undefined for { ...analysis }
 */
export interface HiddenSlot<K extends object, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

export function hiddenSlot<K extends object, V>(name: string): HiddenSlot<K, V> {
  const symbol = Symbol(name);
  /** Values of objects that could not take (or later update) the property. */
  let fallback: WeakMap<K, V> | undefined;
  return {
    get(key) {
      if (fallback?.has(key)) return fallback.get(key);
      return Object.hasOwn(key, symbol) ? (key as Record<symbol, V>)[symbol] : undefined;
    },
    set(key, value) {
      const held = Object.hasOwn(key, symbol)
        ? Reflect.set(key, symbol, value) // false once the object was frozen
        : Object.isExtensible(key) &&
          Reflect.defineProperty(key, symbol, {
            value,
            writable: true,
            enumerable: false,
            configurable: true,
          });
      if (held) return;
      fallback ??= new WeakMap();
      fallback.set(key, value);
    },
  };
}
