/**
 * A dependency-free token estimate for budgeting prompts (chunk sizes, the token budget figure).
 * Not a tokenizer: billing uses the `usage` the API returns. It counts like a BPE vocabulary does
 * (OpenAI's o200k): a run of letters is one token per ~8 ASCII letters (most English words are one
 * token) or per ~5 Cyrillic/Greek letters, a run of digits one per 3, a run of punctuation or
 * symbols one per 2 marks, other alphabetic scripts one per 2 letters, CJK and other wide characters two per three.
 * Calibrated once against o200k_base (js-tiktoken, not a dependency): within −5%…+9% on English
 * and Russian call text and the rendered prompt; +35% on JSON (see docs/ai.md).
 */

enum K {
  Space,
  Ascii,
  Digit,
  CyrGreek,
  OtherLetter,
  Wide,
  Punct,
}

function kindOf(c: number): K {
  if (c === 32 || c === 9 || c === 10 || c === 13) return K.Space;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return K.Ascii;
  if (c >= 48 && c <= 57) return K.Digit;
  if (c < 0x80) return K.Punct;
  if (c >= 0x370 && c <= 0x52f) return K.CyrGreek;
  if (
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c >= 0x1f000
  ) {
    return K.Wide;
  }
  if (c >= 0xc0 && c <= 0x24f) return K.Ascii; // accented Latin letters join their word
  if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0xa0 && c <= 0xbf)) return K.Punct; // dashes, quotes, arrows…
  return K.OtherLetter;
}

/** Characters per token within a run of each kind. */
const PER_TOKEN: Record<K, number> = {
  [K.Space]: Number.POSITIVE_INFINITY,
  [K.Ascii]: 8,
  [K.Digit]: 3,
  [K.CyrGreek]: 5,
  [K.OtherLetter]: 2,
  [K.Wide]: 1.5,
  [K.Punct]: 2,
};

/**
 * Estimated tokens of `text`.
 *
 * @example
 * estimateTokens("What would success look like for you?") // 8
 */
export function estimateTokens(text: string): number {
  let tokens = 0;
  let run: K = K.Space;
  let len = 0;
  const flush = () => {
    if (run !== K.Space && len > 0) tokens += Math.ceil(len / PER_TOKEN[run]);
    len = 0;
  };
  for (const ch of text) {
    const k = kindOf(ch.codePointAt(0) ?? 0);
    if (k !== run) {
      flush();
      run = k;
    }
    len++;
  }
  flush();
  return tokens;
}

/** Tokens a chat message costs beyond its content (role and separators), per OpenAI's accounting. */
export const MESSAGE_OVERHEAD_TOKENS = 4;
/** Tokens every chat completion request costs for priming the reply. */
export const REPLY_PRIMING_TOKENS = 3;
