/**
 * Text cleanup shared by the caption and plain-text parsers: line splitting, entity decoding,
 * markup stripping (WebVTT tags, SSA-style `{\an8}` overrides) and "Name: text" prefixes.
 * Everything here is a single left-to-right pass: adversarial input must stay linear.
 */
import { isCollapsed } from "../../text/space.js";

/**
 * Splits content into lines, accepting LF, CRLF and lone CR line endings.
 *
 * @example
 * splitLines("a\r\nb\nc"); // ["a", "b", "c"]
 */
export function splitLines(content: string): string[] {
  return content.split(/\r\n|\r|\n/);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  lrm: "",
  rlm: "",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
};

// Bounded quantifiers only: no backtracking blow-up.
const ENTITY_RE = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g;

/**
 * Decodes the HTML character references that appear in captions (`&amp;`, `&nbsp;`, `&lrm;`,
 * numeric ones). Unknown or invalid references are left as they are.
 *
 * @example
 * decodeEntities("R&amp;D &#8212; &lt;fast&gt;"); // "R&D — <fast>"
 */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY_RE, (whole, body: string) => {
    if (body.charCodeAt(0) !== 35 /* # */) {
      const name = body.toLowerCase();
      return Object.hasOwn(NAMED_ENTITIES, name) ? (NAMED_ENTITIES[name] ?? whole) : whole;
    }
    const hex = body[1] === "x" || body[1] === "X";
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Collapses runs of whitespace (including newlines and NBSP) to one space, drops bidi marks, trims.
 *
 * @example
 * collapseWhitespace("  so\n what \u200Enow "); // "so what now"
 */
export function collapseWhitespace(text: string): string {
  if (isCollapsed(text)) return text; // most cue texts: no copy
  return text
    .replace(/[\u200e\u200f]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A run of cue text and the WebVTT voice (`<v Name>`) it belongs to, if any. */
export interface CueSpan {
  voice: string | undefined;
  text: string;
}

/**
 * Finds the next occurrence of one character, caching the answer: every call for a
 * position at or before the cached hit is O(1), so a scan that asks repeatedly stays linear
 * even on input like "<<<<<<".
 */
class NextIndex {
  private pos = -2;
  constructor(
    private readonly s: string,
    private readonly ch: string,
  ) {}
  from(i: number): number {
    if (this.pos === -1) return -1;
    if (this.pos < i) this.pos = this.s.indexOf(this.ch, i);
    return this.pos;
  }
}

/**
 * Splits cue text into voice spans and strips all markup: WebVTT tags (`<c.x>`, `<i>`, `<b>`,
 * `<u>`, `<lang en>`, `<ruby>`, `<rt>`, inline `<00:00:01.000>` timestamps) and SSA overrides
 * (`{\an8}`). Entities are decoded and whitespace collapsed. Text outside any `<v>` span that
 * follows one is kept with that span; a `<v>` without a closing `</v>` runs to the next `<v>`.
 * Spans whose text ends up empty are dropped.
 *
 * @example
 * splitCueSpans("<v Dana>Hi</v><v.loud Marc>Hello &amp; welcome</v>");
 * // [{ voice: "Dana", text: "Hi" }, { voice: "Marc", text: "Hello & welcome" }]
 * splitCueSpans("{\\an8}<i>Dana:</i> hi"); // [{ voice: undefined, text: "Dana: hi" }]
 */
export function splitCueSpans(raw: string): CueSpan[] {
  const spans: { voice: string | undefined; parts: string[] }[] = [];
  let cur: { voice: string | undefined; parts: string[] } = { voice: undefined, parts: [] };
  const nextGt = new NextIndex(raw, ">");
  const nextLt = new NextIndex(raw, "<");
  const nextBrace = new NextIndex(raw, "}");
  let chunkStart = 0;
  let i = 0;
  const flushChunk = (end: number) => {
    if (end > chunkStart) cur.parts.push(raw.slice(chunkStart, end));
  };
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c === 60 /* < */) {
      const close = nextGt.from(i + 1);
      const lt = nextLt.from(i + 1);
      // A tag starts right after "<" with a name, "/" or a digit (inline timestamp): "a < b" is text.
      const tagStart = /[\p{L}\d/]/u.test(raw[i + 1] ?? " ");
      if (tagStart && close !== -1 && (lt === -1 || close < lt)) {
        flushChunk(i);
        const tag = raw.slice(i + 1, close);
        const isVoice = tag.length > 0 && tag[0] === "v" && (tag.length === 1 || /[\s.]/.test(tag[1] ?? ""));
        if (isVoice) {
          const ws = tag.search(/\s/);
          const name = ws === -1 ? "" : collapseWhitespace(decodeEntities(tag.slice(ws + 1)));
          spans.push(cur);
          cur = { voice: name === "" ? undefined : name, parts: [] };
        } else if (tag.trim() === "/v") {
          spans.push(cur);
          // Text after </v> stays with that voice unless another <v> starts (merged below).
          cur = { voice: undefined, parts: [] };
        }
        i = close + 1;
        chunkStart = i;
        continue;
      }
    } else if (c === 123 /* { */ && raw.charCodeAt(i + 1) === 92 /* \ */) {
      const close = nextBrace.from(i + 2);
      if (close !== -1) {
        flushChunk(i);
        i = close + 1;
        chunkStart = i;
        continue;
      }
    }
    i++;
  }
  flushChunk(raw.length);
  spans.push(cur);

  const out: CueSpan[] = [];
  for (const span of spans) {
    const text = collapseWhitespace(decodeEntities(span.parts.join("")));
    if (text === "") continue;
    const prev = out[out.length - 1];
    if (span.voice === undefined && prev !== undefined) {
      prev.text = `${prev.text} ${text}`;
    } else {
      out.push({ voice: span.voice, text });
    }
  }
  return out;
}

/** Longest speaker name accepted in a "Name: text" prefix. */
const MAX_NAME_LENGTH = 60;
/** Names are short; a long clause before a colon is a sentence, not a speaker. */
const MAX_NAME_WORDS = 6;
// Sentence punctuation never appears in a speaker label ("So here's the thing: …" is text).
const SENTENCE_PUNCT_RE = /[.?!…;"“”]/;

/**
 * Splits a `Name: text` line into speaker and text, or returns `null` when the line does not
 * start with a speaker label. The name is what precedes the first colon that is followed by
 * whitespace (or ends the line): 1–60 characters, at most 6 words, no sentence punctuation
 * (`.?!…;"`), no colon (so timestamps are never names), must contain a letter or digit and
 * must not start with a lower-case letter (so "and the reason was simple: cost" stays text).
 * With `liberal`, a one-word name may also start lower-case and contain `.` or `@`
 * (`john.smith`, `me011`, `dana@acme.com`): callers allow that only where the file shows that
 * `name: text` is its pattern (see `liberalSpeakers`).
 *
 * @example
 * splitSpeakerPrefix("Dana Whitfield: So what made you look at this now?");
 * // { speaker: "Dana Whitfield", text: "So what made you look at this now?" }
 * splitSpeakerPrefix("So here is the thing. Note: it renews"); // null
 * splitSpeakerPrefix("Дмитрий: Добрый день!"); // { speaker: "Дмитрий", text: "Добрый день!" }
 * splitSpeakerPrefix("john.smith: hi", true); // { speaker: "john.smith", text: "hi" }
 */
export function splitSpeakerPrefix(line: string, liberal = false): { speaker: string; text: string } | null {
  const limit = Math.min(line.length, MAX_NAME_LENGTH + 2);
  let colon = -1;
  for (let i = 0; i < limit; i++) {
    if (line.charCodeAt(i) !== 58 /* : */) continue;
    const next = line[i + 1];
    if (next === undefined || next === " " || next === "\t" || next === "\u00a0") colon = i;
    break; // only the first colon counts; a colon inside the name ("10:30") disqualifies it
  }
  if (colon <= 0) return null;
  const speaker = line.slice(0, colon).trim();
  if (speaker.length === 0 || speaker.length > MAX_NAME_LENGTH) return null;
  if (!/[\p{L}\p{N}]/u.test(speaker)) return null;
  const text = line.slice(colon + 1).trim();
  if (!SENTENCE_PUNCT_RE.test(speaker) && !/^\p{Ll}/u.test(speaker)) {
    return speaker.split(/\s+/).length > MAX_NAME_WORDS ? null : { speaker, text };
  }
  return liberal && LIBERAL_NAME_RE.test(speaker) ? { speaker, text } : null;
}

/** One word of letters, digits and `.` `_` `-` `@` `+`, starting with a letter or digit. */
const LIBERAL_NAME_RE = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}._@+'-]*$/u;

/** Share of lines (or cues) that must carry a `name:` prefix for a file to count as prefixed. */
const PREFIXED_SHARE = 0.6;
/** The most frequent prefixes of a prefixed file (its speakers) … */
const TOP_SPEAKERS = 10;
/** … must account for this share of its prefixed lines. */
const TOP_SPEAKERS_SHARE = 0.8;

/**
 * File-level evidence for lower-case and id-like speaker names (`john.smith:`, `agent:`,
 * `me011:`, `dana@acme.com:`). Given every line's (or cue's) text, returns the names accepted
 * beyond the strict rule: none unless at least 60% of the lines carry a `name:` prefix and the 10
 * most frequent prefixes make up at least 80% of them; then the prefixes seen at least twice. A
 * prefix seen once among repeated ones ("note: it renews") stays text. One linear pass.
 *
 * @example
 * liberalSpeakers(["agent: hi", "customer: hello", "agent: so", "customer: ok"]); // Set {"agent", "customer"}
 * liberalSpeakers(["and the reason was simple: cost", "we moved on"]);              // Set {}
 */
export function liberalSpeakers(lines: Iterable<string>): ReadonlySet<string> {
  let total = 0;
  let prefixed = 0;
  const counts = new Map<string, number>();
  for (const line of lines) {
    total++;
    const named = splitSpeakerPrefix(line, true);
    if (named === null) continue;
    prefixed++;
    counts.set(named.speaker, (counts.get(named.speaker) ?? 0) + 1);
  }
  if (total === 0 || prefixed < PREFIXED_SHARE * total) return new Set();
  const top = [...counts.values()]
    .sort((a, b) => b - a)
    .slice(0, TOP_SPEAKERS)
    .reduce((sum, n) => sum + n, 0);
  if (top < TOP_SPEAKERS_SHARE * prefixed) return new Set();
  return new Set([...counts].filter(([, n]) => n >= 2).map(([name]) => name));
}

/**
 * `splitSpeakerPrefix` for a file whose accepted liberal names are `liberal`: strict names always
 * count; other `name:` prefixes only when the file-level evidence accepted them.
 */
export function speakerPrefixIn(
  line: string,
  liberal: ReadonlySet<string>,
): { speaker: string; text: string } | null {
  const strict = splitSpeakerPrefix(line);
  if (strict !== null || liberal.size === 0) return strict;
  const named = splitSpeakerPrefix(line, true);
  return named !== null && liberal.has(named.speaker) ? named : null;
}
