/**
 * Interval arithmetic behind the timing metrics (analysis contract §2). Pure and allocation-light:
 * it runs once per call over every word of a one-hour transcript.
 */

/** Comparisons are made at a resolution far below a millisecond so that float noise
 * (10.5 - 10.3 = 0.20000000000000107) never flips a threshold the contract states exactly. */
export const EPS = 1e-9;

export interface Interval {
  start: number;
  end: number;
}

export interface UnionResult {
  /** Total covered length. */
  length: number;
  /** Number of disjoint parts. */
  count: number;
  /** Starts and ends of the disjoint parts, in time order (typed arrays: a long call has ~40k). */
  starts: Float64Array;
  ends: Float64Array;
}

/**
 * Union of intervals: merges overlapping or touching ones. Works on typed arrays and an adaptive
 * sort, because a four-hour call has ~40k word intervals that arrive almost in order.
 *
 * @example
 * union([{ start: 0, end: 2 }, { start: 1, end: 3 }, { start: 5, end: 6 }]).length // 4
 */
export function union(intervals: readonly Interval[]): UnionResult {
  const n = intervals.length;
  const s = new Float64Array(n);
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s[i] = intervals[i]!.start;
    e[i] = intervals[i]!.end;
  }
  return unionInPlace(s, e);
}

/**
 * Intervals gathered as they come (no object per interval: a one-hour call has ~10k words per
 * union), for `unionOf`.
 */
export class IntervalBuffer {
  starts = new Float64Array(64);
  ends = new Float64Array(64);
  count = 0;

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Float64Array(this.count * 2);
      const ends = new Float64Array(this.count * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }
}

/**
 * `union` of the buffer's intervals (the same result as `union` of them in the order pushed); the
 * buffer's arrays are sorted and merged in place, so it is spent.
 */
export function unionOf(buffer: IntervalBuffer): UnionResult {
  return unionInPlace(buffer.starts.subarray(0, buffer.count), buffer.ends.subarray(0, buffer.count));
}

/** Sort (s, e) by start and merge them in place into the disjoint parts. */
function unionInPlace(s: Float64Array, e: Float64Array): UnionResult {
  sortByStart(s, e);
  const count = mergeSorted(s, e);
  return {
    length: coveredLength(s, e, count),
    count,
    starts: s.subarray(0, count),
    ends: e.subarray(0, count),
  };
}

/** Σ (e[i] − s[i]) over the first `count` parts, in order (a loop with nothing after it, as below). */
function coveredLength(s: Float64Array, e: Float64Array, count: number): number {
  let length = 0;
  for (let i = 0; i < count; i++) length += e[i]! - s[i]!;
  return length;
}

/**
 * Merge intervals sorted by start, in place (part `count` is written at or before the interval
 * `i` being read); returns the number of parts. Every comparison runs on every interval and
 * nothing follows the loop: V8 compiles this loop while it first runs (on-stack replacement), and
 * a comparison it has not yet seen run (an overlap, rare between one speaker's words, or a test
 * after the loop) would send the compiled loop back to the interpreter on every later call.
 */
function mergeSorted(s: Float64Array, e: Float64Array): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const a = s[i]!;
    const b = e[i]!;
    const lastEnd = count > 0 ? e[count - 1]! : Number.NEGATIVE_INFINITY;
    const longer = b > lastEnd;
    if (count > 0 && a <= lastEnd) {
      if (longer) e[count - 1] = b;
    } else {
      s[count] = a;
      e[count] = b;
      count++;
    }
  }
  return count;
}

/**
 * Sort the pairs (s[i], e[i]) by s: insertion sort while the input is nearly sorted (linear in
 * its few displacements), a full index sort once it has shifted more than a few times n.
 */
function sortByStart(s: Float64Array, e: Float64Array): void {
  const n = s.length;
  let budget = 8 * n + 64;
  for (let i = 1; i < n; i++) {
    const ks = s[i]!;
    if (ks >= s[i - 1]!) continue;
    const ke = e[i]!;
    let j = i - 1;
    while (j >= 0 && s[j]! > ks) {
      s[j + 1] = s[j]!;
      e[j + 1] = e[j]!;
      j--;
      if (--budget < 0) break;
    }
    s[j + 1] = ks;
    e[j + 1] = ke;
    if (budget < 0) {
      fullSort(s, e);
      return;
    }
  }
}

function fullSort(s: Float64Array, e: Float64Array): void {
  const idx = Array.from({ length: s.length }, (_, i) => i).sort((a, b) => s[a]! - s[b]! || a - b);
  const s2 = Float64Array.from(idx, (i) => s[i]!);
  const e2 = Float64Array.from(idx, (i) => e[i]!);
  s.set(s2);
  e.set(e2);
}

/** Gaps between consecutive parts of a union. */
export function gaps(u: Pick<UnionResult, "count" | "starts" | "ends">): number[] {
  const out: number[] = [];
  for (let i = 1; i < u.count; i++) out.push(u.starts[i]! - u.ends[i - 1]!);
  return out;
}

export interface TimedUtterance {
  speaker: string;
  start: number;
  end: number;
  words: number;
}

export interface Turn {
  speaker: string;
  start: number;
  end: number;
  words: number;
  /** ≤ 3 words and shorter than 1.5 s: a backchannel ("uh-huh", "right"). */
  minor: boolean;
}

export const MINOR_TURN_MAX_WORDS = 3;
export const MINOR_TURN_MAX_SEC = 1.5;

/**
 * Turns (contract §2): utterances with `end > start`, stably sorted by (start, end); consecutive
 * utterances of one speaker merge (start = first start, end = max end, words summed).
 *
 * @example
 * buildTurns([
 *   { speaker: "A", start: 0, end: 2, words: 5 },
 *   { speaker: "A", start: 2.5, end: 4, words: 3 },
 *   { speaker: "B", start: 4.1, end: 4.6, words: 1 },
 * ]) // [{ speaker: "A", start: 0, end: 4, words: 8, minor: false }, { speaker: "B", …, minor: true }]
 */
export function buildTurns(utterances: readonly TimedUtterance[]): Turn[] {
  const timed = utterances.filter((u) => u.end > u.start);
  // Array.prototype.sort is stable (ES2019), so ties keep input order as the contract requires.
  timed.sort((a, b) => a.start - b.start || a.end - b.end);
  const turns: Turn[] = [];
  // The open turn is kept in locals and built once, when it closes: writing `end` on a turn object
  // (which shares its first fields' layout with the parsed utterances) made V8 throw away the
  // optimised code that reads utterances' `end`, the parser's included.
  let open = false;
  let speaker = "";
  let start = 0;
  let end = 0;
  let words = 0;
  for (const u of timed) {
    if (open && speaker === u.speaker) {
      if (u.end > end) end = u.end;
      words += u.words;
      continue;
    }
    if (open) turns.push(closedTurn(speaker, start, end, words));
    open = true;
    speaker = u.speaker;
    start = u.start;
    end = u.end;
    words = u.words;
  }
  if (open) turns.push(closedTurn(speaker, start, end, words));
  return turns;
}

function closedTurn(speaker: string, start: number, end: number, words: number): Turn {
  return { speaker, start, end, words, minor: isMinor({ start, end, words }) };
}

function isMinor(t: Pick<Turn, "start" | "end" | "words">): boolean {
  return t.words <= MINOR_TURN_MAX_WORDS && t.end - t.start < MINOR_TURN_MAX_SEC - EPS;
}

export const INTERRUPTION_OVERLAP_SEC = 0.2;

/** Whether `turn` (not minor) starts more than 0.2 s before the previous turn ends. */
export function isInterruption(prev: Turn | undefined, turn: Turn): boolean {
  return prev !== undefined && !turn.minor && prev.end - turn.start > INTERRUPTION_OVERLAP_SEC + EPS;
}

/**
 * Longest monologue of each speaker (contract §2): from any turn of X, extend over following turns
 * while each is X's or minor; the length is (max end of X's turns in the run) − (run start).
 * Only the first X turn of a run needs to be tried: later starts in the same run are shorter.
 *
 * @example
 * longestMonologues(turns).get("A") // seconds, or undefined when A has no turn
 */
export function longestMonologues(turns: readonly Turn[]): Map<string, number> {
  const best = new Map<string, number>();
  const speakers = new Set(turns.map((t) => t.speaker));
  for (const x of speakers) {
    let i = 0;
    while (i < turns.length) {
      const first = turns[i]!;
      if (first.speaker !== x) {
        i++;
        continue;
      }
      let maxEnd = first.end;
      let k = i + 1;
      while (k < turns.length) {
        const t = turns[k]!;
        if (t.speaker === x) {
          if (t.end > maxEnd) maxEnd = t.end;
        } else if (!t.minor) break;
        k++;
      }
      const len = maxEnd - first.start;
      if (len > (best.get(x) ?? -1)) best.set(x, len);
      i = k;
    }
  }
  return best;
}

/** Pauses: gaps of at least 2 s between parts of the union of all speech. */
export const PAUSE_MIN_SEC = 2.0;

export function isPause(gap: number): boolean {
  return gap >= PAUSE_MIN_SEC - EPS;
}
