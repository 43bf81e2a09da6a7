/**
 * Reads a batch's inputs one ahead of their use: asking for item `i` starts reading item `i + 1`,
 * so the next file's read (open, stat, reads and close on libuv's threads, ~6 ms for an hour-long
 * call here) overlaps this file's analysis instead of following it. At most one read is held
 * beyond the ones asked for. A read that fails is reported where its item is asked for, never as
 * an unhandled rejection, even when the batch stops before reaching it.
 *
 * @example
 * const content = readAhead(files, (f) => readFile(f, "utf8"));
 * await content(0); // reads files[0] and starts files[1]
 * await content(1); // already read; starts files[2]
 */
export function readAhead<T>(
  items: readonly T[],
  read: (item: T) => Promise<string>,
  /** Items read only at their turn, as before: standard input waits on whoever writes it, not on a disk, so there is nothing to overlap. */
  early: (item: T) => boolean = () => true,
): (index: number) => Promise<string> {
  const started = new Map<number, Promise<string>>();
  let furthest = -1; // the furthest item asked for or started: none is read twice
  const start = (i: number): Promise<string> => {
    const p = read(items[i]!);
    // The item's own turn awaits (and reports) it; this only keeps an unclaimed failure quiet.
    p.catch(() => {});
    return p;
  };
  return (index) => {
    const content = started.get(index) ?? start(index);
    started.delete(index);
    const next = index + 1;
    if (next > furthest && next < items.length && early(items[next]!)) started.set(next, start(next));
    furthest = Math.max(furthest, next);
    return content;
  };
}
