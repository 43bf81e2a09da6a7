import { hiddenSlot } from "../hidden-slot.js";
import { type MatchToken, matchKey, matchTokenCount, matchTokens } from "../text/match.js";
import { splitSentences } from "../text/sentences.js";
import type { Transcript } from "../transcript/model.js";
import type { Evidence } from "./contract.js";

/**
 * Evidence verification: every quote either engine puts in a coaching result is looked up in the
 * transcript and re-anchored to the utterance it came from. Quotes from the OpenAI engine are
 * untrusted — one that is not a contiguous run of words of a single utterance is dropped (and
 * counted), never shown to a rep as if the customer had said it.
 *
 * Matching is on match keys (src/text/match.ts): case-folded (NFKC), punctuation removed,
 * whitespace collapsed, apostrophes dropped (so "don't" = "don’t" = "dont"), ё → е. Hyphens and
 * other inner punctuation separate words ("forty-five" = "forty five").
 */

export interface FindOptions {
  /** Only utterances of this speaker: its id (exact or case-insensitive) or its declared name. */
  speaker?: string | null | undefined;
}

export interface EvidenceIndex {
  /** The first place the quote occurs, or null when it does not occur in one utterance. */
  find(quote: string, opts?: FindOptions): Evidence | null;
}

/** Quotes shorter than this (in words) must be a whole utterance or a whole sentence. */
export const MIN_FREE_QUOTE_WORDS = 3;

// Closing punctuation kept at the end of a found quote ("Thursday at two is fine.").
const TRAILING_RE = /^[.?!…。？！]+["'”»)\]]*/u;

interface Entry {
  speaker: string;
  start: number | null;
  text: string;
  /** Offset of this utterance's normalized text in the joined corpus. */
  offset: number;
  norm: string;
  words: ReadonlyArray<{ text: string; start: number }> | undefined;
  /** Tokens, their offsets and start times: computed when a quote is found in the utterance. */
  located: Located | null;
  sentences: Set<string> | null;
}

interface Located {
  tokens: MatchToken[];
  /** Offsets of each token within the utterance's normalized text. */
  tokenStarts: number[];
  wordStarts: Array<number | null> | null;
}

function locate(e: Entry): Located {
  if (e.located === null) {
    const tokens = matchTokens(e.text);
    const tokenStarts: number[] = [];
    let pos = 0;
    for (const t of tokens) {
      tokenStarts.push(pos);
      pos += t.norm.length + 1;
    }
    e.located = { tokens, tokenStarts, wordStarts: wordStartsFor(e.words, tokens.length) };
  }
  return e.located;
}

const SEP = "\u0001";

/**
 * Build the index once per transcript (linear in its length); each `find` is one `indexOf` scan
 * over the normalized text of the call.
 *
 * @example
 * const index = createEvidenceIndex(transcript);
 * index.find("thursday at two is FINE") // { speaker: "Marcus Lee", start: 397.6, quote: "Thursday at two is fine." }
 */
export function createEvidenceIndex(
  transcript: Transcript,
  /** `matchKey` of utterances' texts the caller has already (null where not), in order. */
  keys?: ReadonlyArray<string | null>,
): EvidenceIndex {
  // The playbook engine and the verifier both search the same call: index it once. Transcripts are
  // read-only once parsed (as for the playbook engine's sentence memo).
  let index = indexCache.get(transcript);
  if (index === undefined) {
    index = buildEvidenceIndex(transcript, keys);
    indexCache.set(transcript, index);
  }
  return index;
}

const indexCache = hiddenSlot<Transcript, EvidenceIndex>("evidence index");
const keysCache = hiddenSlot<Transcript, readonly string[]>("utterance keys");

/**
 * The match key of every utterance's text (`matchKey(u.text)`), in order: what the index searches,
 * shared with the verifier's quote locator instead of tokenising the call a second time.
 */
export function utteranceKeys(transcript: Transcript): readonly string[] {
  createEvidenceIndex(transcript);
  return keysCache.get(transcript)!;
}

function buildEvidenceIndex(transcript: Transcript, keys?: ReadonlyArray<string | null>): EvidenceIndex {
  const entries: Entry[] = [];
  const parts: string[] = [];
  let offset = 0;
  const utterances = transcript.utterances;
  for (let i = 0; i < utterances.length; i++) {
    const u = utterances[i]!;
    const text = typeof u.text === "string" ? u.text : "";
    // The match key is the tokens' forms joined; the tokens themselves wait for a find.
    const norm = keys?.[i] ?? matchKey(text);
    entries.push({
      speaker: u.speaker,
      start: u.start,
      text,
      offset,
      norm,
      words: u.words,
      located: null,
      sentences: null,
    });
    parts.push(norm);
    offset += norm.length + SEP.length;
  }
  keysCache.set(transcript, parts);
  const corpus = parts.join(SEP);
  const entryStarts = entries.map((e) => e.offset);

  // Speaker filter: ids as given, or a declared speaker's name.
  const speakerIds = new Set(entries.map((e) => e.speaker));
  const resolveSpeaker = (s: string): string | null => {
    if (speakerIds.has(s)) return s;
    const lower = s.trim().toLowerCase();
    for (const id of speakerIds) if (id.toLowerCase() === lower) return id;
    for (const sp of transcript.speakers ?? []) {
      if (sp.name !== undefined && sp.name.trim().toLowerCase() === lower) return sp.id;
    }
    return null;
  };

  const sentencesOf = (e: Entry): Set<string> => {
    e.sentences ??= new Set(splitSentences(e.text).map(matchKey));
    return e.sentences;
  };

  return {
    find(quote, opts = {}) {
      if (typeof quote !== "string") return null;
      const q = matchKey(quote);
      if (q === "") return null;
      const words = q.split(" ").length;
      let speaker: string | null = null;
      if (typeof opts.speaker === "string" && opts.speaker !== "") {
        speaker = resolveSpeaker(opts.speaker);
        if (speaker === null) return null;
      }

      let from = 0;
      for (;;) {
        const at = corpus.indexOf(q, from);
        if (at < 0) return null;
        from = at + 1;
        const end = at + q.length;
        const before = at === 0 ? SEP : corpus[at - 1]!;
        const after = end === corpus.length ? SEP : corpus[end]!;
        if ((before !== " " && before !== SEP) || (after !== " " && after !== SEP)) continue;
        const e = entries[lastAtOrBelow(entryStarts, at)]!;
        if (speaker !== null && e.speaker !== speaker) continue;
        if (words < MIN_FREE_QUOTE_WORDS && q !== e.norm && !sentencesOf(e).has(q)) continue;

        const { tokens, tokenStarts, wordStarts } = locate(e);
        const first = lastAtOrBelow(tokenStarts, at - e.offset);
        const last = first + words - 1;
        const tFirst = tokens[first]!;
        const tLast = tokens[last]!;
        const trailing = TRAILING_RE.exec(e.text.slice(tLast.to));
        const found = e.text.slice(tFirst.from, tLast.to + (trailing ? trailing[0].length : 0));
        return { speaker: e.speaker, start: wordStarts?.[first] ?? e.start, quote: found };
      }
    },
  };
}

/** Start time of each text token, from the word timings when they tokenize to the same words. */
function wordStartsFor(
  words: ReadonlyArray<{ text: string; start: number }> | undefined,
  tokenCount: number,
): Array<number | null> | null {
  if (!words || words.length === 0) return null;
  const out: Array<number | null> = [];
  for (const w of words) {
    const n = typeof w.text === "string" ? matchTokenCount(w.text) : 0;
    for (let i = 0; i < n; i++) out.push(i === 0 ? w.start : null);
  }
  return out.length === tokenCount ? out : null;
}

/** Index of the last element ≤ x in an ascending array (0 when none). */
function lastAtOrBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface QuoteLike {
  quote: string;
  speaker?: string | null | undefined;
}

export interface VerifyOptions {
  /**
   * When a quote's speaker is given but the quote is not in that speaker's words: true (default)
   * drops it; false re-anchors it to whoever did say it.
   */
  strictSpeaker?: boolean;
}

/**
 * Keep only the quotes that are really in the transcript, re-anchored (speaker, start, verbatim
 * text); duplicates collapse into one. `dropped` counts the quotes that could not be verified.
 *
 * @example
 * verifyEvidence(index, [{ speaker: "Marcus Lee", quote: "Thursday at two is fine" }, { quote: "we will buy today" }])
 * // { kept: [{ speaker: "Marcus Lee", start: 397.6, quote: "Thursday at two is fine." }], dropped: 1 }
 */
export function verifyEvidence(
  index: EvidenceIndex,
  items: readonly QuoteLike[],
  opts: VerifyOptions = {},
): { kept: Evidence[]; dropped: number } {
  const kept: Evidence[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const item of items) {
    const speaker = typeof item?.speaker === "string" && item.speaker !== "" ? item.speaker : undefined;
    let found = index.find(item?.quote, { speaker });
    if (found === null && speaker !== undefined && opts.strictSpeaker === false)
      found = index.find(item.quote);
    if (found === null) {
      dropped++;
      continue;
    }
    const key = `${found.speaker}\u0000${found.start}\u0000${found.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(found);
  }
  return { kept, dropped };
}
