/**
 * Sentence splitting for transcript text: cut after . ? ! … (and full-width forms) followed by
 * whitespace or the end, except after common abbreviations and initials; a bare check tag that
 * follows a statement ("We use Salesforce. Right?") stays with it, because together they form
 * one tag question. Linear in the text length.
 */

// Abbreviations whose final "." is not a sentence end (English and Russian), lower-case, without the dot.
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof st jr sr inc ltd co corp vs etc approx dept est fig no vol e.g i.e a.m p.m u.s u.k
  т.е т.д т.п т.к г гг др им стр руб тыс млн млрд ул д см напр`.split(/\s+/),
);
const MAX_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));
const BOUNDARY_RE = /[.?!…。？！]+["'”»)\]]*(?=\s|$)|\n+/g;
// A check tag alone: attached to the preceding sentence when it carries "?" (en, ru, es, de, fr, pt).
const BARE_TAG_RE =
  /^(?:right|correct|yeah|yes|no|ok|okay|huh|eh|true|or not|you know|is that right|is that correct|am i right|isn't it|aren't you|don't you|didn't you|doesn't it|wasn't it|да|верно|правда|так|правильно|ага|нет|не так ли|не правда ли|да ведь|так ведь|или нет|¿(?:verdad|no|cierto|sí o no|o no|vale)|oder|oder nicht|nicht wahr|gell|stimmt's|n'est-ce pas|non|hein|c'est ça|né|não é|certo|ou não)\s*[?？]+\s*$/iu;

/** Longer than any tag BARE_TAG_RE lists ("is that correct" is 15): skip the regex. */
const MAX_BARE_TAG = 20;

/** Length of `s` without its trailing "?", "？" and whitespace (what BARE_TAG_RE's tag must fill). */
function headLength(s: string): number {
  let i = s.length;
  while (i > 0) {
    const c = s.charCodeAt(i - 1);
    if (c === 63 || c === 0xff1f || (c < 128 ? c === 32 || (c >= 9 && c <= 13) : /\s/u.test(s[i - 1]!))) i--;
    else break;
  }
  return i;
}

/**
 * Split one utterance's text into trimmed sentences, in order, as they stand in the text.
 * @example splitSentences("Great. So what's your budget? Is it approved, right?") // ["Great.", "So what's your budget?", "Is it approved, right?"]
 * @example splitSentences("We use Salesforce. Right?") // ["We use Salesforce. Right?"]
 */
export function splitSentences(text: string): string[] {
  const spans: number[] = []; // start, end of each span in turn
  let start = 0;
  // exec on the shared global regex, not matchAll (which clones the regex on every call).
  const re = BOUNDARY_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0] === "." && isAbbreviation(text, m.index)) continue;
    pushSpan(text, spans, start, end);
    start = end;
  }
  pushSpan(text, spans, start, text.length);

  const out: string[] = [];
  let sentenceStart = -1; // where the last sentence out starts (a tag extends it)
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k]!;
    const end = spans[k + 1]!;
    const s = text.slice(start, end).trim();
    if (sentenceStart >= 0 && headLength(s) <= MAX_BARE_TAG && BARE_TAG_RE.test(s)) {
      out[out.length - 1] = text.slice(sentenceStart, end).trim();
      continue;
    }
    out.push(s);
    sentenceStart = start;
  }
  return out;
}

function pushSpan(text: string, spans: number[], start: number, end: number): void {
  // Skip spans with no letter or digit (stray punctuation, emoji-only noise stays if it has letters).
  if (hasLetterOrDigit(text, start, end)) spans.push(start, end);
  else if (spans.length > 0 && text.slice(start, end).trim() !== "") spans[spans.length - 1] = end;
}

/** An ASCII letter or digit settles it; otherwise the Unicode classes decide. */
function hasLetterOrDigit(text: string, start: number, end: number): boolean {
  let ascii = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (c >= 128) ascii = false;
  }
  return !ascii && /[\p{L}\p{N}]/u.test(text.slice(start, end));
}

/** True when the "." at `dot` ends an abbreviation or a single-letter initial ("J. Smith"). */
function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && isLetterOrDot(text.charCodeAt(i - 1), text[i - 1]!)) i--;
  if (dot - i > MAX_ABBREVIATION || dot === i) return false; // an ordinary word ends the sentence
  const word = text.slice(i, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  return word.length === 1 && /\p{Lu}/u.test(text[i]!) && /^\s+\p{Lu}/u.test(text.slice(dot + 1, dot + 4));
}

/** `[\p{L}.]` for one character, without a regex for ASCII ones. */
function isLetterOrDot(code: number, ch: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 46;
  return /[\p{L}.]/u.test(ch);
}
