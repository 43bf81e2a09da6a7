/**
 * Lexicons of the deterministic objection engine (English and Russian): the cues of each objection
 * category, the phrases that look like objections but are not (negated concerns, the customer's own
 * pain), and the cues used to judge the rep's handling. Everything here is hand-written from sales
 * practice and grammar (see docs/objections.md), not mined from any corpus.
 *
 * The patterns run on normalised text (see `normalize`): lower case, typographic apostrophes folded,
 * `ё` → `е`, common contractions unified ("do not"/"dont" → "don't", "i am"/"im" → "i'm"). They are
 * written in a tiny notation compiled once by `compile`:
 *   ` ` (space)  one or more whitespace characters, optionally after a comma, semicolon or colon
 *                (` ?` makes it optional; inside a character class a space is just whitespace)
 *   `~`          the rest of a word (any letters), e.g. `дорог~` matches "дорого", "дороговато"
 *   `…`          a gap of up to three words
 *   `⋯`          a gap of up to seven words
 *   `#`          a number, optionally with a currency sign ("$1,200", "120k", "500")
 *   `¤`          an amount of money: a number with a currency sign or word ("$500", "500 dollars", "20k")
 * and every pattern is anchored on word boundaries at both ends (Unicode-aware, so Cyrillic works).
 */
import { foldText } from "../text/fold.js";
import type { ObjectionCategory } from "./contract.js";

// Letters of the normalised (lower-case) text: Latin with accents, Cyrillic, digits. Explicit ranges
// instead of \p{L} keep the expressions out of Unicode mode, which compiles and runs several times faster.
const LETTER = "a-z0-9\\u00df-\\u00ff\\u0100-\\u024f\\u0430-\\u045f";
const B = `(?<![${LETTER}'])`;
const E = `(?![${LETTER}])`;

function expand(pattern: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      out += c + (pattern[i + 1] ?? "");
      i++;
    } else if (inClass) {
      if (c === "]") inClass = false;
      out += c === " " ? String.raw`\s` : c;
    } else if (c === "[") {
      inClass = true;
      out += c;
    } else if (c === " " && pattern[i + 1] === "?") {
      out += String.raw`[,;:]?\s*`;
      i++;
    } else {
      out += EXPANSIONS[c] ?? c;
    }
  }
  return out;
}

const EXPANSIONS: Record<string, string> = {
  " ": String.raw`[,;:]?\s+`,
  "…": String.raw`\s+(?:\S+\s+){0,3}`,
  "⋯": String.raw`\s+(?:\S+\s+){0,7}`,
  "~": `[${LETTER}]*`,
  "¤": String.raw`(?:[$€£₽]\s?\d[\d,.]*(?:k|к)?|\d[\d,.]*(?:k|к)?\s?(?:dollars|bucks|usd|eur|euros|pounds|rubles|руб[а-я]*|тыс[а-я]*|k))`,
  "#": String.raw`[$€£₽]?\d[\d,.]*(?:k|к)?`,
};

/** One regular expression matching any of the patterns, on word boundaries. */
export function compile(patterns: readonly string[], flags = ""): RegExp {
  return new RegExp(`${B}(?:${patterns.map(expand).join("|")})${E}`, flags);
}

/** Something that says whether a text holds a match: a RegExp, or `compileAny`'s pieces. */
export interface Matcher {
  test(text: string): boolean;
}

/**
 * Largest alternation (characters of expanded source) compiled as one expression. V8 compiles a
 * regular expression to machine code only below a size limit and interprets bigger ones: the
 * ~25,000-character "other" cue list took ~9× longer as one expression than as two halves.
 */
const MAX_ALTERNATION_CHARS = 12_500;

/**
 * `compile(patterns).test` as a few expressions of at most MAX_ALTERNATION_CHARS each, tested in
 * turn: "some alternative matches somewhere" is the same question asked of any split of the
 * alternatives, so the answer is identical — only faster for long lists. For `test` only (no
 * `replace`, no match positions).
 */
export function compileAny(patterns: readonly string[]): Matcher {
  const expanded = patterns.map(expand);
  const total = expanded.reduce((n, p) => n + p.length + 1, 0);
  const pieces = Math.max(1, Math.ceil(total / MAX_ALTERNATION_CHARS));
  if (pieces === 1) return new RegExp(`${B}(?:${expanded.join("|")})${E}`);
  const target = total / pieces;
  const parts: RegExp[] = [];
  let chunk: string[] = [];
  let size = 0;
  for (const p of expanded) {
    if (chunk.length > 0 && size + p.length + 1 > target && parts.length < pieces - 1) {
      parts.push(new RegExp(`${B}(?:${chunk.join("|")})${E}`));
      chunk = [];
      size = 0;
    }
    chunk.push(p);
    size += p.length + 1;
  }
  parts.push(new RegExp(`${B}(?:${chunk.join("|")})${E}`));
  return {
    test(text: string): boolean {
      for (const r of parts) if (r.test(text)) return true;
      return false;
    },
  };
}

// Contractions, in one pass over the whitespace-squeezed text. "X not" wins over "it is"/"we are"
// ("it is not" → "it isn't"), as the question rules expect.
const CONTRACTION_RE = new RegExp(
  [
    String.raw`\b(?:(do|does|did|is|are|was|were|have|has|had|could|would|should|must|need) not`,
    "(can) ?not",
    "(will) not",
    "(don|doesn|didn|isn|aren|wasn|weren|haven|hasn|hadn|couldn|wouldn|shouldn|can|won)t",
    "(i am|im)",
    String.raw`(we|they|you) are(?! not\b)`,
    String.raw`(it|that|what|there) is(?! not\b)`,
    "(it|that|what)s",
    String.raw`(i|we|you|they) (?:would|had)(?! not\b)`,
    String.raw`(i|we|you|they) will(?! not\b)`,
    String.raw`(i|we|you|they) have(?= (?:been|got|had|tried|used|heard|seen|never|already|done|worked|built|looked|signed|spent|invested)\b)`,
    String.raw`(gonna|wanna))\b`,
  ].join("|"),
  "g",
);

function expandContraction(m: string, ...g: Array<string | undefined>): string {
  if (g[0] !== undefined) return `${g[0]}n't`;
  if (g[1] !== undefined) return "can't";
  if (g[2] !== undefined) return "won't";
  if (g[3] !== undefined) return `${g[3]}'t`;
  if (g[4] !== undefined) return "i'm";
  if (g[5] !== undefined) return `${g[5]}'re`;
  if (g[6] !== undefined) return `${g[6]}'s`;
  if (g[7] !== undefined) return `${g[7]}'s`;
  if (g[8] !== undefined) return `${g[8]}'d`;
  if (g[9] !== undefined) return `${g[9]}'ll`;
  if (g[10] !== undefined) return `${g[10]}'ve`;
  if (g[11] !== undefined) return g[11] === "gonna" ? "going to" : "want to";
  return m;
}

/**
 * Lower-case, fold apostrophes, `ё` and contractions, squeeze whitespace.
 * @example normalize("We DON’T  need it") // "we don't need it"
 */
export function normalize(text: string): string {
  return foldText(text).replace(CONTRACTION_RE, expandContraction);
}

export interface CategoryLexicon {
  /** Phrases neutralised before matching: negated concerns, politeness, idioms ("no problem"). */
  neutral: RegExp;
  /** The customer's own business pain that mentions costs ("our costs are too high"). */
  pain: RegExp;
  /** Words that tie a price cue to the seller's offer ("your", "the quote", "per seat"). */
  offer: RegExp;
  /** Category cues, in priority order (see `CATEGORY_ORDER`). */
  cues: Record<ObjectionCategory, Matcher>;
  /** The previous (rep) turn asked for a commitment or gave a price: short refusals become objections. */
  askedCommitment: RegExp;
  mentionedPrice: RegExp;
  /** Short refusals or "that's a lot" used as replies. */
  shortRefusal: RegExp;
  shortPriceReaction: RegExp;
  /** A counter-offer ("how about 400?"): a price objection when money is on the table. */
  counterOffer: RegExp;
}

/** When one sentence carries cues of several categories, the first one in this order wins. */
export const CATEGORY_ORDER: readonly ObjectionCategory[] = [
  "authority",
  "competitor",
  "price",
  "trust",
  "need",
  "timing",
  "other",
];

// ---------------------------------------------------------------- English

// People who decide or approve; and the wider circle one "checks with".
const EN_DECIDERS = String.raw`(?:boss|manager|management|cfo|ceo|cto|cio|coo|vp|director|head of \S+|board|leadership|owner|owners|partner|partners|founder|founders|procurement|purchasing|legal|finance|accounting|committee|exec|execs|executives|security|supervisor|superiors|higher-ups|higher ups|c-suite|budget holder|wife|husband|spouse)`;
const EN_PEOPLE = `(?:${EN_DECIDERS}|team|it team|it department|colleagues|family|people|folks|guys)`;

// A number offered as a price in a bid: an amount of money, or a bare number of 13 or more that is
// not a time, a quantity of time or a percentage ("how about 150?" is a bid, "how about 3?" and
// "I can do 10 am" are scheduling).
const EN_MONEY = String.raw`(?:[$€£₽]\s?\d[\d,.]*k?|\d[\d,.]*\s?[$€£](?![\w$€£])|\d[\d,.]*k?\s?(?:dollars|bucks|usd|eur|euros|pounds))`;
const EN_BID_NUMBER = String.raw`(?:${EN_MONEY}|(?:1[3-9]|[2-9]\d|[1-9]\d{2,}|\d{1,3}(?:,\d{3})+)(?:\.\d+)?k?(?!\s?(?:am|pm|a\.m|p\.m|o'clock|:\d|%|percent|min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|people|persons|times|th|st|nd|rd)(?![a-z])))`;

/**
 * Negotiation without a stated price problem: a counter-offer ("I can do 150", "would you take
 * $120?", "150 and we have a deal"), a final-offer stance. These are the customer's hesitation
 * expressed as a bid, not a claim that the price is a problem, so they are `other` (see
 * docs/objections.md, "Categories"); "too expensive", "can't afford", "not worth it" stay `price`.
 */
export const EN_BID = [
  `(i|we)( can| could| would| will|'ll|'d)( be able to| be willing to| probably| maybe| only| just)? (offer|give you|pay|do|go|go up to|come up to|come up|spend|take (it|them|this|that)( off your hands)? for|buy (it|them|this|that) for)( you)?( about| around| maybe| only| just| up to| like| maybe around)? ${EN_BID_NUMBER}`,
  `(would|will|could|can) you (be )?(willing to |able to |open to )?(take|accept|consider|do|go|go down to|come down to|let (it|them|this|that) go for|sell (it|them|this|that)( to me)? for|part with (it|them) for)( (it|them|that|this) for| (it|them|that|this) at)?( \\S+)? ${EN_BID_NUMBER}`,
  `(how|what) about (for |around |maybe )?${EN_BID_NUMBER}`,
  `(would|will|does|could) ${EN_BID_NUMBER}( \\S+){0,2} (work|do|be (ok|okay|acceptable|possible|fine|good|agreeable|a good))`,
  `(i|we)('d| would)? (like|want|wanna|'m going|am going) to (offer|make (you )?an offer|pay|spend)`,
  "(i'll|i will|let me|can i|could i|may i) (offer|make (you )?an offer)",
  `(my|an|our|the) (offer|bid) (is|of|would be|will be) ${EN_BID_NUMBER}`,
  `(i|we) (was|were|am|'m|are|'re|have been|'ve been) (hoping|looking|thinking|expecting|wanting|aiming)( to pay| to spend| to get (it|this|that|them) for| for| at| of)?( something| somewhere)?( like| around| about| more like| closer to| in the range of| near)? ${EN_BID_NUMBER}`,
  "(i|we) (was|were|am|'m|are|'re) (hoping|looking|thinking|expecting|wanting) (to pay|to spend|to get (it|this|that|them) for|more like|closer to)",
  "(and|&) (we|you) (have|'ve got|got|gotta|'ve|'ll have|would have)( got)? (a|yourself a) deal",
  `(any|is there (a|any)|what are the) (chance|way|possibility|chances)( \\S+){0,6} (for|at|to|down to|accept|take|go|do|make it|let (it|them) go for) ${EN_BID_NUMBER}`,
  "(i'm|i am|we're|we are|i'd be|we'd be) (only )?(willing|able|prepared|ready) to (pay|offer|spend|give you|go up to)",
  "(i|we) (would like|'d like|want|wanna) to (pay|offer|spend)",
  "(i|we) (can|could) (offer|pay|spend|give you) (you )?(around |about |maybe |only |just |up to )?¤",
  "(how about|what about|would you (take|accept|consider|do|go for)|can you do|could you do|will you (take|do|accept)|can i get (it|this|that|them) for) ¤",
  "(does|would|will) ¤ (work|be (ok|okay|acceptable|possible|fine))",
  "(i|we) (can|could|'d|would) (go|pay|offer|spend) (up to|no more than|at most|max|around|about)",
  "(accept|take|do|consider|go for) (anything|something|a bit|a little|any) (lower|less|cheaper)",
  "(take|accept) less",
  "less than (the |your )?(asking|list|listed|sticker)",
  "(least|lowest|less) (you|you'd|you would|you will|you can|you could)( \\S+)? (accept|take|go|do|sell)",
  "(meet|meeting) (me |you |us )?(in the middle|halfway)",
  "(middle ground|split the difference)",
  "throw~ in",
  `(i|we)( can| could| would| will|'ll|'d)( probably| maybe| just| happily| gladly)? (take|buy|get|rent|lease) (it|them|this|that|the \\S+)( \\S+){0,5} (for|at) ${EN_BID_NUMBER}`,
  `(like|love|want|wanna|willing|glad|happy|able|prepared|ready|looking|hoping|interested in) (to )?(offer~|pay~|spend~|go|do|giv~|get (it|them|this|that) for|buy (it|them|this|that) for|take (it|them|this|that)( \\S+){0,3} for)( you)?( about| around| maybe| only| just| up to| like)? ${EN_BID_NUMBER}`,
  `(i|we)( can| could| would| will|'ll|'d)( probably| maybe| only| just)? give you( about| around| maybe| only| just| up to)? ${EN_BID_NUMBER}`,
  `(offering|offer of|an offer of|cash offer of|offered) ${EN_BID_NUMBER}`,
  `(what do you say|what would you say|how does|how do you feel|what do you think|how would you feel) (to |about |of )?${EN_BID_NUMBER}`,
  `${EN_BID_NUMBER}( \\S+){0,2} (works?|would work|will work|sounds? (good|fair|ok|okay|right|reasonable)|is fair|would be fair|should work)`,
  `(can we|could we|let's|lets|let us|let) (make it|do|say|settle (on|at|for)|round it (up |down )?to|meet at|work (something )?(out )?(around|at)|finalize (at|for))( a| an)?( even| flat| round)? ${EN_BID_NUMBER}`,
  `(i|we) (have|'ve got|got) ${EN_BID_NUMBER}( \\S+){0,3} (cash|to spend|(that |which )?(i|we) can (spend|pay|give|offer)|to give you|for (it|this|that|them|you))`,
  `(sell|give|let|lease|rent) (it|them|this|that|the \\S+)( to me| to us)?( go)? (for|at) ${EN_BID_NUMBER}`,
  `(final~|last deal|best deal|deal) (for|at) ${EN_BID_NUMBER}`,
  `^(\\S+ )?${EN_BID_NUMBER}( \\S+){0,2} (and|&) (i|we)('ll| will| can| could)( \\S+){0,3} (pick|take|come|pay|get|sign|move)`,
  "(can't|cannot|won't|couldn't|not going to|unable to) go (much |any |a lot |too much )?(higher|up|further)",
  "how low (will|would|can|could|are) (you|u)( willing to)? go",
  "sweeten (the|this|that) (deal|pot|offer)",
  "(my|our|that's my|that's our|is my|is our) (final|best|last|best and final|top|max|maximum|highest) (offer|price|bid|number)",
];

// The acts a persuader asks for (giving, buying, committing), for the deflection and habit cues.
const EN_GIVE = "(donat~|contribut~|give|gives|gave|given|giving|volunteer~|sponsor~|support)";

/**
 * Deflection: the ask turned back on the persuader ("have you donated yourself?", "would you buy
 * it?") or on other people ("if everyone gave a little…", "that's the government's job").
 */
const EN_DEFLECT = [
  `^((so|and|but|well|sure|ok|okay|yes|yeah|true|hmm)[,.!]? )?(have|do|did|will|would|are|were|could) you( \\S+){0,2} (personally |yourself |ever |also |even |actually |really )?(${EN_GIVE}|going to (donate|give|buy|sign|contribute)|planning (to|on) (donate|donating|give|giving|buy|buying)|thinking (of|about) (donat~|giv~|buy~))`,
  "(have|do|did|will|would) you (personally |yourself |ever |also )?(buy|bought|use|used|pay|paid|invest|invested|sign|signed)( \\S+){0,3} (yourself|personally|too|as well)",
  `how (much|often) (do|did|would|will|have|are) you( \\S+)? (${EN_GIVE}|pay|spend|buy)`,
  `(you|you guys) (should|could|can) (${EN_GIVE}|buy|pay|do it) (yourself|yourselves|too|first)`,
  `if you ${EN_GIVE}`,
  `(if|when) (everyone|everybody|people|others|the government|governments|rich people|someone else|more people|we all|all of us)( \\S+){0,3} (would|just|did|could|only)?( \\S+)? (${EN_GIVE}|help~|pitch~ in|chip~ in|pay~|step~ up)`,
  "(government's|governments'|someone else's|the state's|their) (job|responsibility|problem|duty)",
  "(fall|be|rest) on (the rest|others|everyone|the government|someone else|other people)",
  "(shouldn't|should not) (be|fall on) (my|our|me|us|the rest)",
];

/**
 * Personal choice: the customer's own habits and preferences ("I usually give to local causes",
 * "I'd rather support…", "I've donated to a few before"). Not an incumbent vendor (that is
 * `competitor`), but a reason not to take this offer.
 */
const EN_PERSONAL_CHOICE = [
  `(i|we)('ve| have)? (already|currently|still) ${EN_GIVE}`,
  `(i|we)('re| are| am)? (already|currently) (donating|giving|contributing|supporting|volunteering)`,
  `(i|we) (do |also |still |only |mainly |mostly )?${EN_GIVE} (to|regularly|already|monthly|every|often|usually|sometimes|a lot|when(ever)?|at)`,
  `(i|we) (usually|normally|typically|always|regularly|often|sometimes|mostly|mainly|tend to|try to|like to|prefer to|choose to) (\\S+ )?${EN_GIVE}`,
  `(i|we)('d| would)? (prefer|rather) (to )?${EN_GIVE}`,
  "(i|we)('ve| have)? (\\S+ )?(donated|volunteered|contributed to)",
  `(i|we) (almost |hardly |rarely )?(never|rarely|seldom|hardly ever) ${EN_GIVE}`,
  "(i'm|i am|we're|we are) more (willing|inclined|comfortable|likely|interested|keen)",
  "(i'd|i would|we'd|we would) (feel|be) more comfortable",
  `(help|support|donate to|give to|keep (my|our) (money|donations?))( \\S+){0,4} (closer to home|close to home|at home|local~|in (my|our) (own )?(community|area|town|city|country|neighborhood)|here in|in this country|first)`,
  "(i'm|i am|we're|we are) not (so |that |too |very |really |all that )?(inclined|keen|eager)",
  "(i|we) (might|may) (donate|give|buy|sign|do (it|that|this|something))",
];

/** Hedged refusals: first-person doubt about one's own ability or will ("I'm not sure I can"). */
const EN_HEDGE = [
  "(not sure|unsure|don't know if|don't think|doubt) (i|we) (can|could|will|would|should|'ll|'d|am able to|'m able to|'ll be able to|have the)( \\S+)? (do|make|commit|manage|swing|take|go|afford|help|give|donate|buy|sign|justify|be able|spare|get)",
  "(i|we) (can't|cannot|couldn't) (really )?(commit|promise|guarantee) (to )?(anything|that|it|much|more)",
];

/**
 * Price argumentation: the price is too high for what the item or service is ("since it's used",
 * "considering the damage", "for a ten-year-old car", "they're worth $50 new"). A bid that carries
 * such an argument is a price objection, not just a bid.
 */
export const EN_VALUE_ARGUMENT = [
  "(since|considering|given|because|as|with|seeing as) (that )?(it's|it is|it has been|it was|they are|they're|they were|there is|there's|there are|it has|it needs|they need|the \\S+ (is|are|has|needs)|its|it|that it's|that they're)( \\S+){0,3} (used|old|older|outdated|damaged|missing|scratched|dented|worn|broken|cracked|chipped|stained|out of date|no longer|no warranty|not new|secondhand|second-hand|refurbished|needs? (work|repairs?|fixing))",
  "considering (the|its|their|it's|it|all the|how) (\\S+ )?(age|condition|damage|wear|mileage|miles|repairs?|scratches|defects?|issues?|problems?|size|location)",
  "for (a|an) (\\S+ )?(used|old|older|secondhand|second-hand|refurbished|\\d+[- ]years?[- ]old|\\d+ yr old) ",
  "(worth|cost|costs|sells? for|goes for|go for|retails? for|listed for)( about| around| only)? ¤ (new|brand new|online|on amazon|at the store|elsewhere)",
  "(looked at|checked|seen|looking at) (the )?(comps|comparables|listings|kelley blue book|blue book|market value|similar (ones|listings|items))",
];

/** Requests to lower the price: discounts, "can you go lower?", "is the price negotiable?". */
export const EN_DISCOUNT = [
  "(bring|come|go|get) down (on )?(the |your )?(price|cost|rate)",
  "(come|go) down (a (bit|little|tad|touch) )?(in|on) (the |your )?price",
  "negotiable",
  "(negotiate|negotiation|work) (on )?(the |your )?(price|pricing|rate|cost)",
  "(fair|fairer|reasonable|more reasonable|better) (price|offer|value)",
  "(lower|better|bottom|lowest|reduced) (price|rate|deal|offer|quote|terms)",
  "(best|final|last) (price|rate|deal|quote|terms)",
  "(your|the) (lowest|best|bottom) (price|line|number)",
  "discount~",
  "(can|could|would|will) you (come|go|bring|drop|knock|move|get)( it| that| the price| this)? (down|lower)",
  "(come|go|bring (it|that|the price)) (down|lower) (to|on|in|a bit|a little|#)",
  "go lower",
  "(any|a (little|bit|tad)|something|anything) (lower|less|cheaper)( than that)?( maybe)?\\?",
  "(lower|reduce|drop|cut) (the|your|that|this) (price|cost|rate|quote|fee)",
  "(do|get|give us|give me) (any |a |something )?(better|cheaper|lower) (on|with|for) (the |your |that |this )?(price|pricing|rate|cost|number|quote)",
  "(wiggle room|flexib~|room|negotiat~|movement|give)( \\S+){0,2} (on|in|with) (the |your )?(price|pricing|cost|rate|number)",
  "(price|pricing|rate|cost)( \\S+)? (negotiable|flexible)",
  "(open|willing|able) to (negotiate|come down|go lower|lower)",
  "(for free|at no (extra )?cost)\\?",
];

export const EN: CategoryLexicon = {
  neutral: compile(
    [
      "no problem~",
      "not a problem",
      "no worries",
      "not at all",
      "no doubt",
      "not (too|that|so|very|overly|really) (expensive|pricey|costly|bad|high|steep)",
      "(price|pricing|cost|budget|money|timing|security|time|that|it|this)s? (isn't|aren't|wasn't|is never|is no longer|won't be|shouldn't be) (a|an|the|really an?|really the|any)? ?(issue|problem|concern|obstacle|blocker|constraint)",
      "(don't|doesn't) think (that|it|this|there)('s| is| will be| would be| are) (a|an|any|the) (problem|issue|concern|blocker)",
      "(we|i) (do |already )?(have|got|secured|approved) (the|a|enough|some) (budget|money|funds|funding|approval|sign-off|green light)",
      "budget (is|was|has been|got) (approved|allocated|set aside|secured|signed off)",
      "(i'm|we're|i'd be|we'd be) (very |really |definitely |quite |super )?(interested|excited|keen)",
      "not sure (yet )?(what|which|how|when|where|who) (to|you|we|i|the|your|that|it|is|are)",
      "i'm not sure if you (know|heard|saw|can see)",
      "(doesn't|won't) matter",
      "sure thing",
      "(talk|speak|chat) (to you )?(later|soon|next week)",
    ],
    "g",
  ),
  pain: compile([
    "(our|my|the company's|their) (\\S+ ){0,2}(costs?|spend|spending|bills?|expenses?|overhead|churn|turnover|margins?|fees|prices?|rates?|premiums?)( \\S+){0,3} (is|are|have been|has been|keep|keeps|went|go|going|got|getting)( \\S+){0,2} (too |way too |really |so |very |extremely |crazy |insanely )?(high|expensive|up|through the roof|out of control|killing|eating|rising|exploding|crazy)",
    "(we|i)('re| are)? (spend|spending|pay|paying|waste|wasting|lose|losing|burn|burning)( way)? (too much|a lot|so much|thousands|millions|a fortune|double|twice|#)",
    "(current|existing|old|previous|other) (vendor|provider|tool|system|solution|supplier|platform|agency|contractor)s?( \\S+){0,3} (is|are|was|were|has been|charges?|charged)( \\S+){0,2} (too |way too |really |so |very )?(expensive|pricey|costly|much)",
    "(costs? us|costing us|cost us)( \\S+){0,3} (a lot|a fortune|too much|so much|thousands|#)",
    "(need|have|want|trying|try|looking) to (cut|reduce|lower|trim|slash) (our |the )?(costs?|spend|spending|expenses|overhead)",
  ]),
  offer: compile([
    "your",
    "yours",
    "you guys",
    "you charge",
    "you're asking",
    "asking price",
    "(the|this|that) (price|pricing|quote|proposal|offer|contract|license|licence|subscription|plan|tier|package|fee|rate|cost of (it|this|that|your))",
    "per (seat|user|license|licence|head|agent|rep)",
    "why (would|should|do) (we|i|anyone)",
  ]),
  cues: {
    price: compileAny([
      "(too|so|very|really|quite|pretty|bit|little|rather|kinda|kind of|super|way|extremely|insanely|crazy|awfully) (expensive|pricey|pricy|costly|steep|spendy|overpriced)",
      "(it's|that's|this is|sounds|seems|looks|feels|is|are|was|were) (expensive|pricey|pricy|costly|steep|overpriced)",
      "(it's|that's|this is) (a lot of money|a big investment|a big ask|a stretch|(quite )?a lot(?= for| to (pay|spend)|$|[.!,?]))",
      "overpriced",
      "(price|pricing|cost|costs|quote|rate|rates|fee|fees|premium|investment|asking price|license|licence|subscription)( \\S+){0,3} (is|are|seems?|sounds?|looks?|feels?|was|were|'s)( \\S+){0,2} (high|higher|steep|expensive|a lot|too much|out of|beyond|hefty|a stretch|a bit much|crazy|insane|ridiculous|prohibitive)",
      "(too|way too|a bit too|a little too|little too) (high|steep|rich)",
      "(that's|it's|this is|way|far|bit|little) too much(?= for (me|us|our|my)| to (pay|spend)|$|[.!,?])",
      "(that's|it's|this is) (a bit|a little|way|far|kind of) (much|high|steep|rich)",
      "(no|not (a|any|the|enough)|zero|limited|tight|small|little|lower|smaller|fixed) budget",
      "(don't|didn't|doesn't) have (a |any |the |enough |much |a lot of |extra |spare )?(\\S+ )?(budget|money|funds|funding|cash|income)",
      "(haven't|hasn't) (got|budgeted)",
      "budget~ (is|are|was|were|has been|got|have been)( \\S+)? (tight|limited|frozen|cut|slashed|gone|spent|used up|allocated|exhausted|locked|maxed|stretched|small|constrained)",
      "budget (freeze|cuts?|constraints?|limitations?|restrictions?|issues?|reasons?)",
      "(spending|hiring) freeze",
      "budget('s| is| was) (\\S+ )?(tight|limited|small|constrained|stretched|maxed)",
      "(price|pricing|cost|costs|budget|money|rate)( \\S+)? (is|are|'s|becomes|would be) (an |the |a big |a real |a bit of an? |kind of an? )?(issue|problem|concern|obstacle|sticking point|hurdle|blocker)",
      "(high|much|steep|expensive|pricey|pricy|rich) for (me|us|my|our)",
      "(more|higher) than (we|i|what we|what i)( \\S+){0,2} (budgeted|afford|pay|spend|paid)",
      "(wouldn't|won't|can't|not|couldn't) (pay|spend|go) (more than|over|above|higher than|beyond)",
      "(all|only) (i|we) (have|got|can spare|can pay|can spend) (is|are)",
      "(i'm|i am|we're|we are) (kind of |kinda |super |so |really |pretty |very )?(broke|poor)",
      "(have|got) (other )?(bills|expenses) (to pay|to cover)",
      "need (the|this|that|my|every|all the|all my) (money|cash|penny|cent|dollar|income|paycheck|pay)",
      "(have|got) (my own )?(bills|expenses|kids|children|a family|mouths)( \\S+){0,3} (to (pay|support|feed|take care of|cover)|of (my|our) own)",
      "(i'm|i am|we're|we are)( \\S+){0,3} (broke|poor|struggling|unemployed|(a |(a )?(poor|broke) )?(college )?student)",
      "(can't|cannot|couldn't|unable to|not able to) (afford to )?(donate|give|spare|contribute|pay|spend) (much|a lot|more|that much|very much|a great deal)",
      "on a (tight |strict |limited |fixed )?budget",
      "(out of|over|outside|beyond|exceeds?|exceeding|above|blows?|busts?|stretch~|break~) (our|my|the|this year's|their) (\\S+ )?budget",
      "(doesn't|don't|won't|wouldn't|not|can't|isn't) (fit|be|fall|go|squeeze)( \\S+)? (in|into|within|under) (our|my|the) (\\S+ )?budget",
      "(can't|couldn't|unable to|not able to|don't|won't be able to|hard to|difficult to|struggle to|no way we can) afford",
      "afford (it|that|this|to)",
      "(can't|couldn't|hard to|difficult to|tough to|not easy to) justify (the |that |this )?(cost|price|spend|spending|expense|investment|it|that)",
      "(don't|didn't) have the (money|cash|funds)",
      "(not|don't have|haven't got) enough (money|cash|funds)",
      "(money|cash|funds|things) (is|are|'s) (tight|short|low)",
      "(tight|short|low) on (money|cash|funds)",
      "financial~ (trouble|difficult~|situation|hardship|constraints?|reasons?|struggles?|stable|tight|strapped)",
      "strapped for cash",
      "(can't|won't|not going to|unwilling to|refuse to) (pay|spend) (that|this|so|more|any more|anymore|the full|full|#|that much|this much)",
      "not (willing|prepared|able) to (pay|spend|go) (that|this|more|any more|anymore|above|over|higher|#|that much)",
      "(cheaper|less expensive|lower-priced|lower priced|more affordable|more competitive)",
      "(highest|most|max|maximum|best|top) (i|we) (can|could|would|am able to|'re able to)( \\S+){0,2} (do|go|offer|pay|spend|afford|manage|swing|come up with)",
      "(i|we) (can|could) (only|just) (pay|offer|spend|afford|manage|(do|go)( up to)? #)",
      "(only|just) (have|got) ¤",
      "(hoping|looking) for (something )?(cheaper|less expensive|more affordable)",
      "(cost|costs|price|priced|pricier|more expensive|higher)( \\S+){0,2} than (we|i|what we|what i) (expected|planned|budgeted|wanted|can|could|pay|paid|were hoping|thought|had in mind|usually pay|want to pay|are used to)",
      "(more|higher) than (we|i) (budgeted|can afford|can pay|want to pay|were hoping to pay|usually pay)",
      "out of (my|our|the) (price range|range|reach|league|price point|budget)",
      "not worth (the|that|this|it|paying|the money|the price|the cost|the investment)",
      "(isn't|aren't|not) worth (it|that|the|this|paying)",
      "(cost|costs|charge|charging|charges) (too much|a lot|an arm|a fortune|so much|that much)",
      "arm and a leg",
      "why (would|should|do|does) (we|i|it|this|that|anyone)( \\S+){0,2} (pay|cost|spend|charge)",
      "(pay|paying|spend|spending) (that much|so much|this much) (for|on)",
      "(roi|return on investment|payback)( \\S+){0,3} (isn't|not|unclear|doesn't|won't|questionable)",
      "(sticker shock|price tag|hidden (fees|costs))",
      ...EN_DISCOUNT,
      ...EN_VALUE_ARGUMENT,
    ]),
    timing: compileAny([
      "not (right )?now",
      "not (today|this (week|month|quarter|year|time))",
      "(at a later|some later) (time|date|stage|point)",
      "(i'll|we'll|will|i'd|we'd|would)( \\S+){0,4} (later|in the future|down the road)$",
      "(can't|unable to|not able to|impossible|not possible|not feasible)( to)?( \\S+){0,2} (at this time|right now|at the moment|at this point|today|this (year|quarter|month))",
      "not (at |for )?(the |this )?(moment|time being|present)",
      "not (at|for) this (time|point|stage|moment)",
      "(right )?now (isn't|'s not) (a |the )?(good|great|right|best|ideal) (time|moment)",
      "(bad|busy|wrong|crazy|hectic|terrible|awkward) (time|timing|moment|period|quarter|season|month|week)",
      "(not|isn't) (a|the) (good|great|right|best|ideal) (time|moment|timing)",
      "timing (isn't|'s not|is off|is bad|is tricky|doesn't work|won't work|isn't right)",
      "next (quarter|year|fiscal( year)?|budget (cycle|year)|half|season|spring|summer|fall|autumn|winter|january|q[1-4])",
      "(until|till|after) (q[1-4]|h[12]|the new year|the new fiscal|the holidays|the summer|the fall|january|the end of the (year|quarter))",
      "(maybe|perhaps|possibly|probably|we'll see|revisit|circle back|come back|check back|reconnect|touch base|reach out)( \\S+){0,3} (later|down the road|in the future|another time|some other time|at some point|some day|someday|in a (few|couple of) (months|weeks)|in (six|6|three|3|two|2) months|next (quarter|year))",
      "(later|another time|some other time|some day|someday|down the road|in the future) (maybe|perhaps|possibly)",
      "(circle|check|come) back( to (me|us))? (in|next|after|later)",
      "(let me|let us|let's|need to|have to|want to|like to|need some time to|need time to|i'll|we'll|going to|got to|gotta) (think|sleep|mull|chew|reflect|ponder)( it)?( over| about| on)?",
      "think (it|this|that|things) (over|through)",
      "(need|want|give me|give us|take) (some|more|a bit of|a little|a few|a couple of)( more)? (time|days|weeks)",
      "(i'll|we'll|i might|we might|i may|we may) (consider|think about|revisit|keep (it|you|this) in mind)",
      "get back to (you|u)",
      "(i'm|we're|i've been|we've been|things are) (too |really |very |pretty |super |so |extremely |crazy )?(busy|swamped|slammed|tied up|buried|overloaded|stretched thin|underwater|maxed out|at capacity)",
      "(have|got|too) (too much|a lot|so much) (going on|on (our|my) plate)",
      "(on|off) (our|my) (plate|radar) (right now|at the moment|this (quarter|year))",
      "in the middle of (a|an|the|our|my) (\\S+ )?(migration|rollout|roll-out|reorg|re-org|restructur~|implementation|project|transition|merger|acquisition|audit|launch|move|hiring|budget|renewal|freeze|crunch)",
      "(after|once) (the |our |we |this )?(\\S+ )?(migration|launch|reorg|merger|audit|holidays|renewal|year-end|year end|busy season|rollout|finish|wrap up|settle)",
      "(hold|holding) off",
      "(put|putting|keep|keeping) (it|this|that|things|everything) on (hold|ice|the back burner|pause)",
      "on the back burner",
      "(wait|waiting) (until|till|a (bit|while|few)|and see)",
      "not (ready|there) yet",
      "(not|aren't|isn't|wasn't) ready to (buy|commit|sign|decide|move|proceed|make|donate|go)",
      "(too early|too soon|premature)",
      "(don't|doesn't) have (the )?(time|bandwidth|capacity|cycles)",
      "no (time|bandwidth|capacity) (for|to|right now|at the moment|this)",
      "(another|some other|a different) (time|day)",
      "(maybe|perhaps|possibly) (later|next|in the future|some other time|another time|down the road|one day|someday)",
      "(i'll|i will|i'd|i would|we'll|we will|we'd|i want to|i need to|i'd like to|i have to|let me|i should|i'm going to|we need to|we want to)( \\S+){0,2} (check (it|them|this|that|those) out|look (into|over) (it|them|this|that)|look at (it|them|this|that|the (website|site|materials|proposal|brochure|deck)) (later|first|more|again|after)|review (it|them|this|that)|read (up )?(more )?(about|on) (it|them|this|that)|do (some|more|my own|our own|a bit of|a little|further) research|research (it|them|this|that))",
      "(research|read up on|look into|learn more about|find out more about) (it|them|this|that|the \\S+)( \\S+){0,3} (first|before)",
      "before (i|we) (decide|commit|donate|buy|sign|give|agree|make (a|any|the|my|our) decision|go ahead|purchase|pay|move forward)",
      "before (deciding|committing|donating|buying|signing|giving|agreeing|making (a|any|the) decision|going ahead|purchasing|paying)",
      "(donate|give|buy|sign|decide|pay|commit|contribute|do (it|that|this))( \\S+){0,3} (later|another time|next time|some other time|at a later (time|date)|in the future|down the road|next month|next week)",
    ]),
    authority: compileAny([
      "run (it|this|that|things|the (idea|proposal|quote|numbers|price)|this one)? ?(by|past)",
      `(check|checking|talk|talking|speak|speaking|discuss|discussing|confer|conferring|consult|consulting|sync|syncing|clear|clearing|go|going) (it |this |that |things |everything )?(over )?(with|by) (my|our|the|his|her|their) (\\S+ )?${EN_PEOPLE}`,
      "(not|isn't) (just |only |solely |entirely |really )?(my|mine) (decision|call|choice|budget|department|area|say|to (make|decide))",
      "(not|isn't|wouldn't be|won't be) (just |only |solely |entirely |really )?up to me",
      "(not|isn't) (just |only )?me who (decides|signs|makes|approves)",
      "(i|i'm) (don't|can't|'m not able to|'m not allowed to|don't have the authority to|'m not authorized to) (make (the|that|this|a) (decision|call)|sign|approve|authorize|commit)",
      "(i'm not|i'm not really) (the|a) (decision[- ]maker|one (who|that) (decides|signs|approves|makes)|person (who|that) (decides|signs|approves)|right person|buyer|budget (holder|owner))",
      `${EN_DECIDERS}( \\S+){0,2} (decides?|has to (approve|sign|sign off|agree|decide|okay|ok|weigh in|look|review|see)|needs to (approve|sign|sign off|see|agree|decide|look|review|weigh in|be involved)|will (decide|need to|have to|want to)|would (need|have|want) to|signs? off|has (the )?(final say|last word|final word|budget)|approves?|makes (the |all the |those )?(decisions?|call)|handles? (that|this|purchasing|buying|those)|is the decision[- ]maker|controls? the budget|owns? the budget|holds? the (budget|purse))`,
      "(need|needs|have|has|got|gotta|will need|would need|require~) (to )?(get )?(approval|sign-?off|buy-?in|a sign-?off|the green light|the ok|the okay|permission|authorization|consensus)",
      "(needs?|has|have) to (be )?(approved|signed off|cleared|vetted)",
      `(loop|looping|bring|bringing) (in|on) (my|our|the) (\\S+ )?${EN_PEOPLE}`,
      `(loop|looping|bring|bringing) (my|our|the) (\\S+ )?${EN_PEOPLE} in`,
      "above my pay grade",
      "(procurement|legal|security|vendor|approval) (process|review|sign-?off|questionnaire)",
      "(decision|decisions) (is|are|gets?|will be|would be) (made|taken) (by|at|above|higher)",
      "(committee|board) (meeting|decision|review|approval)",
      `(present|take|bring|pitch|show) (it|this|that) to (my|our|the) (\\S+ )?${EN_PEOPLE}`,
      `(ask|asking) (my|our) (\\S+ )?${EN_PEOPLE}`,
    ]),
    need: compileAny([
      "(we|i) (don't|didn't|really don't|just don't|honestly don't|won't|wouldn't) (really |actually |even |currently |particularly )?(need|want|require|see the (need|point|value|benefit)|have (a|any|the) (need|use|problem|issue|pain))",
      "(don't|doesn't) (really )?(need|want) (it|this|that|one|any|anything|such|more|another)",
      "(not sure|don't think|doubt) (we|i) (really )?(need|want|require)",
      "(not sure|don't think|doubt) (it's|this is|that's|it would be|this would be) (worth|for us|a fit|needed|necessary|relevant|useful)",
      "no (real )?(need|use|point|interest|requirement) (for|in|to)",
      "(not|aren't|isn't|i'm not|we're not|no longer) (really |particularly |that |very |currently |at all )?(interested|in the market)",
      "(not|no longer) (really |currently )?looking (for|to buy|to change|to switch|at (new|other|any))",
      "(i'm|we're) (good|fine|all set|set|ok|okay|covered|sorted|all good)( \\S+)? (for now|thanks|thank you|as is|as we are|with (what|how|our|the current))",
      "(i'm|we're) (all set|covered)$",
      "(not|isn't|aren't) (a|really a|our|the|high on our|on our|much of a|that much of a) (priority|focus|need|pain point|top priority)",
      "(low|lower) (on the )?priority",
      "(doesn't|don't|wouldn't|won't) (really )?(apply|fit|make sense|work) (to|for) (us|me|our|my|a company like)",
      "not (for us|for me|a (good )?fit|relevant|applicable|something (we|i) (need|want|use|do))",
      "(don't|can't|fail to) see (how|why|the (value|point|benefit|need|use|reason))",
      "(what's|where's) the (point|value|benefit|use)",
      "why (would|do|should|does) (we|i|anyone|our team)( \\S+){0,2} (need|want|use|bother|change|care)",
      "(never|haven't|don't|didn't) (had|have|really have|really had|got|gotten) (that|this|that kind of|this kind of|such a|any) (problem|issue|pain|need)",
      "(not|isn't|that's not|it's not) (really )?(a |an )?(problem|issue|pain( point)?|challenge) (for|at|in) (us|me|our)",
      "(can't|won't|not going to|will never|not willing to|don't want to|refuse to|unable to|not able to|decided not to|decline to|prefer not to) (buy|purchase|donate|give|commit|move forward|proceed|sign|go ahead|do (it|this|that|business)|participate|take part|help|contribute|invest|switch)",
      "(i'll|we'll|i'd|we'd|going to) (have to )?pass",
      "(no|nah|nope),? (thanks|thank you)",
      "(i|we) (would|'d) rather not",
      "(i'm|we're) (not going to|not willing|unwilling|not inclined|not comfortable|not prepared)",
      "(don't|do not) (call|contact|email) (me|us) (again|anymore)",
      "(take|remove) (me|us) off",
      "(we|i) (can|could) live without",
      "(happy|fine|good|okay|ok) (as is|the way (it is|things are|we are))",
      "(nothing|not much) (wrong|broken) with (what|how|our)",
      "(if it|it) (isn't|ain't|'s not) broke",
      "(too small|too big|not big enough) (for|to)",
      "overkill",
      "(no|not any|zero) (interest|appetite|demand)",
      "(donate|give|pay|contribute|spend|offer|say) (nothing|zero|\\$?0(\\.0+)?(?![.,]?\\s?\\d))",
    ]),
    competitor: compileAny([
      "(we|i|they)('ve| have)? (already|currently|still) (use|using|run|running|work with|working with|pay for|paying for|license|subscribe to|partner with)",
      "(we|i|they)('ve| have)? already (bought|purchased|signed|invested|chose|picked|went with|committed|got|have|selected|found|own)",
      "(we|i)('re| are| am)? (already|currently) (with|on|signed|committed|locked|partnered|set up|invested|donating|giving|a customer)",
      "(happy|satisfied|content|pleased) with (our|my|what we|how we|the current|the existing|the one|the ones|\\S+'s)",
      "(fine|good|okay|ok|comfortable) with (what we (have|use|got)|our (current|existing))",
      "(locked|tied|stuck) (in|into)( \\S+){0,2} (contract|agreement|deal)",
      "(under|in) (a |an )?(contract|agreement|deal)( \\S+){0,2} (with|until|till)",
      "(renewed|signed|extended) (with|our contract)",
      "(built|building|build|made|developed|wrote|coded|created) (our|my|it|something|an?|one|the (tool|thing|system)) ?(own|ourselves|in-house|in house|internally|myself)",
      "(in-house|in house|homegrown|home-grown|home grown|internal) (tool|solution|system|team|build|version|process)",
      "(do|does|handle|handles|manage) (it|that|this) (in-house|in house|internally|ourselves|manually|by hand)",
      "(we|i) (can|could) (do|handle|manage) (it|this|that) (ourselves|myself|internally|in-house)",
      "(spreadsheets?|excel|google sheets|a spreadsheet|pen and paper|email|the old way|our current (tool|system|process|setup|vendor|solution|way))( \\S+){0,2} (works?|is fine|are fine|do the job|does the job|is enough|are enough|is good enough|are good enough|suffices?|serves? us|gets the job done)",
      "(another|other|a different|a competing) (vendors?|providers?|company|companies|tools?|solutions?|suppliers?|offers?|quotes?|charity|charities|organization|organisation|org|platforms?|products?|agency|agencies|bids?)( \\S+){0,2} (quoted|quotes|offers?|offered|charges?|charged|gave|gives|has|have|had|is|are|was|were|does|do|did|can|could|will|would|already|for|that)",
      "(talking|speaking|looking|comparing|evaluating|considering|talked|spoke|looked) (to|at|with|into)( \\S+)? (other|another|a few other|several|some other|a couple of other|different) (vendors?|providers?|companies|tools?|solutions?|options|suppliers?|offers?|quotes?|platforms?|products?)",
      "(donate|give|go|buy|switch|move) (to|with|from) (another|other|a different)",
      "(your|a|the|one of your) (competitor|competitors|competition)",
      "(alternatives|other options|other vendors|other providers)",
      "(cheaper|for less|for free|lower price|better (deal|price|offer)) (elsewhere|somewhere else|at|from|on|online|with)",
      "(found|seen|saw|got|get|getting|can get) (a |an |one |it |the same |something )?(\\S+ )?(cheaper|for less|for free|better deal|better price|better offer|lower price)",
      "(similar|same) (one|thing|item|product|tool|model)s? (for|at|cost|costs|going for|sell|selling)",
      "how (is|are|does|do) (it|this|that|you|your (product|tool|solution|platform|offer)) (different|differ|compare|better|stack up)",
      "(what's|what is) (the )?(difference|different|better|special)( \\S+){0,3} (from|than|compared|vs|versus|between (you|your|this|it) and)",
      "(why|what makes) (you|yours|your \\S+|this|it) (better|different|special)",
      "(why|how come) (should|would) (we|i) (switch|change|move|leave|go with you|choose you|pick you)",
      "(switching|migrating|migration|moving) (costs?|is|would be|will be|over)( \\S+){0,2} (hard|pain|painful|risky|expensive|a hassle|a nightmare|too much|difficult)",
      "(i|we)('d| would)? (prefer|rather) (to )?(stick|stay|keep)( \\S+)? (with|to|our|my|local)",
      "(stick|stay|staying|sticking) with (our|what|the|my|\\S+)",
      "(i|we) (usually|normally|typically|always|regularly|tend to) (buy|use|go with|work with)",
    ]),
    trust: compileAny([
      "how (do|can|would|will|could) (i|we|you|anyone) (know|be sure|be certain|trust|verify|tell|check|confirm|prove|guarantee|make sure|ensure|be confident)",
      "(money|donations?|funds?|data)( \\S+){0,3} (actually|really|truly) (go|goes|end up|ends up|reach|reaches|used)",
      "(don't|doesn't) feel (comfortable|good|right|safe|confident)",
      "(anything|something) wrong with (it|this|that|the)",
      "(had|have|has|were there) (any|some) (trouble|problems|issues|accidents|repairs)",
      "(does|do|will|would) (it|this|that|they) (actually|really|even|still) work",
      "(damaged|defective|faulty|cracked)",
      "(i've|i|we've|we) (heard|read) (that|about|some|there (were|are|was|is))( \\S+){0,8} (bugs?|issues|problems|complaints?|outages?|breach|breaches|lawsuits?|bad|slow|crash~|down|broke|fail~|attack~|crime|unsafe|dangerous|noisy|loud)",
      "(sounds|seems|looks|feels|it's|that's|too) (too )?good to be true",
      "(security|privacy|compliance|gdpr|hipaa|soc ?2|data protection|legal|liability|reliability|uptime|stability|quality|safety)( \\S+)? (concerns?|issues?|questions?|risks?|worries|problems?)",
      "(concern~|worr~|nervous|afraid|scared|skeptical|sceptical|wary|cautious|uneasy|paranoid|suspicious|doubt~|uncomfortable)( \\S+){0,2} (about|that|if|whether|of|with|regarding|because)",
      "(i'm|we're|i'm still|we're still) (still )?(not )?(convinced|sold|skeptical|sceptical|wary|suspicious|doubtful)",
      "(not|isn't|aren't) (convinced|sold|persuaded)",
      "(got|been|were|was|have been|'ve been) burn(ed|t)",
      "(bad|negative|terrible|horrible|poor|awful|mixed) (experience|experiences|luck|reviews|feedback|reputation|track record)",
      "(what|what's|what happens|and|but) if (it|this|that|the \\S+|you|your \\S+|they|we) (doesn't|don't|fails?|breaks?|goes down|won't|can't|stops?|isn't|aren't|go out of business|goes out of business|disappear)",
      "(can|could|do) you (prove|show me|guarantee|back (that|it) up|share (some )?(references|case studies|proof))",
      "(any|some|have|got|share|see)( \\S+)? (references|case stud~|testimonials?|reviews|proof|evidence|track record|certifications?)",
      "(never|not|haven't) (heard|heard of) (of |about )?(you|your|them|this|it|that|the (company|brand|charity|organization))",
      "(legit|legitimate|scam|scams|fraud|fraudulent|shady|sketchy|fishy|trustworthy|reputable|credible|reliable|bogus|fake|rip-?off)",
      "(don't|can't|hard to|don't really) (trust|believe)",
      "(how|where) (much|many)( \\S+){0,3} (actually|really|even) (go|goes|get|gets|reach|reaches|end up|used)",
      "where (does|do|will|would) (the |my |our |all the |that |this )?(money|donations?|funds?|data)( \\S+)? (go|end up|actually go|really go|get stored|live)",
      "(overhead|admin|administrative) (costs?|expenses|fees)",
      "how long (have|has) (you|your company|the company|they|it) (been|existed)",
      "(is|are) (it|this|that|they|you) (a )?(real|legit|legitimate|genuine) (charity|organization|company|business|donation|deal|offer|thing|product)",
      "(are|is) (you|they|it|this|the company|your company) (legit|legitimate|reliable|safe|secure|real|trustworthy|stable|financially stable|a real)",
      "(i've|we've) (heard|read|seen) (bad|negative|some|mixed|that|stories|things|complaints|reports)",
      "(any|are there|is there|has it had|does it have) (any )?(damage|damages|scratches|dents|defects?|flaws?|issues|problems|bugs|stains|holes|wear|tear|repairs|leaks|rust|cracks|outages|downtime|complaints)",
      "(condition|damage|scratch~|dents?|defects?|flaws?|bugs?|wear and tear|stains?|rust|cracks?|leaks?) (on|in|with|to|of) (it|this|that|the)",
      "(what|how)( \\S+)? (about|is|'s) (the )?(condition|warranty|guarantee|security|data security|quality)",
      "(what's|is there) (the |a |any )?(guarantee|warranty|sla|refund policy|money-?back|catch)",
      "(what's|where's) the catch",
      "(risky|a risk|the risk|big risk|a gamble|leap of faith|unproven|untested|too new)",
      "(not sure|unsure|don't know) (if|whether|that|how) (it|this|that|you|your|they|the (product|tool|platform|charity|organization)) (will |would |can |could |really |actually )?(work|works|deliver|help|handle|scale|integrate|live up|legit)",
      "(it|this|that|they|you) (won't|never|didn't|doesn't) (actually |really )?(deliver|live up|pan out)",
      "(prove|proven) (it|that|yourselves)",
      "(tried|used) (something|a tool|one|it|this|that|\\S+) (like (this|that) )?before",
      "(wonder|wondering|question|questioning) how much",
      "(rather than|instead of|and not|not) (to |on |for |into |in |towards )?(the )?(salar~|overhead|admin~ (costs?|expenses|fees)|ceos?|executives|pockets)",
      "(money|donations?|funds?|dollars?|contribution)( \\S+){0,3} (won't|will not|isn't|is not|aren't|doesn't|don't|never|wouldn't) (be )?(actually |really |directly |even )?(used|going|go|goes|reach|reaching|help|helping|get|gets|spent)",
      "(will|does|do|would|did) (all|100%|most|any|every|the whole|all of)( \\S+){0,4} (money|donations?|funds?|dollars?|cents?|payment) (actually |really |directly )?(go|reach|get|be used)",
      "(actually|really|truly) (using|use|used|spend~) (the|that|this|my|our|your|their) (money|donations?|funds?|data)",
      "(money|donations?|funds?|dollars?|it|my \\S+|most of (it|the money))( \\S+){0,5} (go|goes|going|went|end up|ends up|spent|used|wasted|eaten up) (to|towards|toward|on|into|for|in|by) (the )?(salar~|overhead|admin~|administration|ceo|ceos|executives|management|marketing|advertising|fundrais~|pockets|someone's|somebody's|bonuses)",
      "lin(e|es|ing) (the |their |his |her |someone's |somebody's )?pockets",
      "(make sure|ensure|know|be sure|see|check|find out) (that |if |whether |where |how )?(my|the|our|your|their|all the|every|this) (money|donations?|funds?|dollars?|payment|contribution|data)( \\S+){0,4} (go|goes|going|is|are|gets?|will|would|really|actually|reach|reaches|used|spent|helping|help|end up|ends up)",
      "(hard|difficult|impossible|tough) to (tell|know|ensure|trust|verify|believe|be sure|say) (if|whether|who|what|where|how|that)",
      "(do|does|can|could) (you|anyone|one) (really|actually|even|honestly) (trust|believe|know)",
      "(don't|doesn't|never|won't) (do|deliver|keep|live up to) what (they|you|it|he|she) (promise~|say|said|claim~|advertise~)",
      "where (does|do|did|will) (the )?(rest|remaining|remainder|other)( \\S+){0,3} go",
      "(what|which) (percent|percentage|portion|part|share|fraction)( \\S+){0,6} (actually|really|truly|even|directly) (go|goes|reach|reaches|gets?|end up|ends up)",
      "(too|so) (good|cheap) (for|to)",
    ]),
    other: compileAny([
      "(i'm|we're) (still )?(not (really |entirely |totally |quite |too |so |100% )?(sure|certain|convinced|decided)|unsure|uncertain|undecided|hesitant|torn|on the fence|conflicted|ambivalent)",
      "not (so |too |really |entirely |quite )?sure( yet)?( about (it|this|that))?",
      "(i|we) don't know( about (it|this|that)| yet| if (we|i|it|that|this) (should|want|need|can|will|would))",
      "(i|we) don't know$",
      "(i|we) (haven't|still haven't) decided",
      "(still|yet to) (deciding|decide|thinking|undecided)",
      "(the|my|one|only|main|biggest|big|real) (concern|worry|hesitation|hang-?up|reservation|objection|sticking point|hold-?up|question mark|downside|drawback)s? (is|are|here|i have|we have|would be|with|for (me|us))",
      "(problem|issue)s? (with|about) (this|that|it|your|the (price|proposal|contract|product|tool|platform|offer|deal|terms))",
      "(i|we) (have|'ve got|got|still have) (some |a few |a couple of |real |serious |my |our )?(concerns?|reservations?|doubts?|hesitations?|objections?)",
      "(i|we)('d| would) rather",
      "(maybe|perhaps|possibly|might|probably not)$",
      "(maybe|perhaps),? (maybe|not|a (little|bit|small))",
      "(i|we) (might|may) (not|consider)",
      "(not|isn't|doesn't|wasn't) what (i|we) (need|want|had in mind|were looking for|expected)",
      "(that's|it's|this is) not (quite )?(what (i|we)|ideal|enough|a (good )?fit)",
      "(don't|doesn't) (like|love) (the|that|this|it|how|your)",
      "(too|a bit too|a little too) (complicated|complex|far|small|big|long|slow|hard|difficult|old|used)",
      "(seems|looks|sounds|it's|that's|this is)( \\S+)? (complicated|complex|confusing|hard to use|difficult to use)",
      "learning curve",
      "(that|this|it)('s| is) (a lot|too much) (to|for) (ask|take|handle|do|change)",
      "(i|we) (have to |must |would |'d )?(\\S+ )?(doubt|question)(?! (is|was|about|for|on))",
      "(not|isn't|aren't|wasn't) (a fan|big on|keen|crazy about|thrilled|excited)",
      "(take it or leave it|final offer|my final|last offer|deal breaker|dealbreaker|non-negotiable|non negotiable)",
      "(far apart|a stalemate|no deal|can't agree|can't make it work|(doesn't|won't|wouldn't) work for (me|us))",
      "(i|we) (would|'d|will|'ll) (have|need) to (spend|buy|pay|replace|change|fix|repair)",
      "(should|shouldn't|can't|won't) (be|fall on) (my|our|me|us) (responsibility|job|problem|burden)",
      "(why|how come) (me|us|should i|should we|do i|do we)",
      "(i|we) (don't|doesn't) think (it|this|that)('s| is| would| will)( \\S+){0,2} (work|help|fit|worth|right|necessary|a (good )?fit|for us)",
      ...EN_BID,
      ...EN_DEFLECT,
      ...EN_PERSONAL_CHOICE,
      ...EN_HEDGE,
    ]),
  },
  askedCommitment: compile([
    "(would|will|could|can|do|are|shall) (you|we) (like|want|be (willing|interested|open|able)|consider|care|commit|agree|move forward|go ahead|sign|donate|give|buy|start|try|proceed|schedule|book)",
    "(are|were) you (interested|open|willing|ready|in)",
    "(how much|how about|what about) (would|will|can|could|do) you",
    "(can|could) (i|we) (count on|count you in|sign you up|get you|book|schedule|set up)",
    "(shall|should) (we|i) (go ahead|proceed|move forward|start|sign|book|schedule)",
    "(let's|lets) (do|get|start|schedule|book|sign|move)",
    "(deal|sound good|sounds good|does that work|work for you)",
  ]),
  mentionedPrice: compile([
    "#",
    "(price|pricing|cost|costs|quote|fee|rate|per (seat|user|month|year)|dollars|bucks|euros|pounds|investment|subscription|license|licence|offer|deal|asking|sell|selling|sold|lowest|pay)",
  ]),
  shortRefusal: compile([
    "^(no|nope|nah|not really|not today|no thanks|no thank you|i'm good|we're good|i'll pass|pass|sorry,? no|no sorry|sorry|i can't|we can't|i don't think so|unfortunately not|unfortunately no|i'd rather not|not for me)( thanks| thank you| sorry)?[.!]*$",
  ]),
  shortPriceReaction: compile([
    "^(wow|whoa|ouch|yikes|hmm|hm|ugh|oof|geez|jeez)?[ ,.!]*(that's|it's|this is)? ?(a lot|quite a lot|a lot of money|a lot of cash|steep|high|much|a bit much|a bit high|a bit steep|pricey|hefty|more than i thought|more than we thought|too high|too much)[.!]*$",
  ]),
  counterOffer: compile([
    "(how about|what about|would you (take|accept|consider|do|go for|go to|go down to|come down to)|can you do|could you do|could you go to|can you go to|will you (take|do|accept)|can i get (it|this|that|them) for|i'll (take|do|pay|give you|offer)|i (can|could) (do|pay|offer|give you|spend|go to|go up to)|i'd (do|pay|offer|give you)|would you be (ok|okay|willing|open)( with| to)?|meet (me )?(in the middle|halfway) at|more (like|in the range of|around|in the ballpark of)|(settle|split the difference) (at|on|for)|(offer|pay|give you|spend|get it for|go for|go as low as|settle for|accept|willing to pay)( you)?( around| about| maybe| only| just)?) #",
    "^(\\S+ )?#( dollars| bucks| cash)?[?.!]*$",
    "(would|will|does|is|could) # (work|do|be (ok|okay|agreeable|acceptable|fine|possible|good))",
    "(how about|what about|would you (take|do|accept)|can you do|could you do|i'll (take|do|pay|give you)|i (can|could) (do|pay|offer)|i'd (do|pay|offer)) #(?=[.!?,]|$| (for|and|if|dollars|bucks|cash|instead|then|today|tonight|now))",
    "#( dollars| bucks)? (is|would be|sounds|seems) (my|our|the) (max|maximum|limit|best|final|top|budget|offer)",
  ]),
};

// ---------------------------------------------------------------- Russian

const RU_DECIDERS = `(?:руководств~|начальств~|начальник~|директор~|гендиректор~|шеф~|босс~|собственник~|владел~|учредител~|партнер~|совет~ директоров|правлени~|бухгалтери~|финансов~ (директор~|отдел~)|финдиректор~|юрист~|юридическ~ (отдел~|служб~)|закупк~|отдел~ закупок|служб~ безопасности|руководител~|генеральн~|жен~|муж~)`;
const RU_PEOPLE = `(?:${RU_DECIDERS}|безопасност~|айти|it|ит|команд~|коллег~|семь~)`;

export const RU: CategoryLexicon = {
  neutral: compile(
    [
      "без проблем",
      "не проблема",
      "не вопрос",
      "не волнуйтесь",
      "не страшно",
      "(цена|стоимость|бюджет|деньги|время|сроки)( \\S+)? не (проблема|вопрос|препятствие|помеха)",
      "(бюджет|деньги|средства) (есть|выделен~|утвержден~|заложен~|согласован~|одобрен~)",
      "(есть|выделили|заложили|утвердили|согласовали) (бюджет|деньги|средства)",
      "не (так|очень|слишком) дорог~",
      "(?<!не )(очень|крайне|весьма) интересно",
      "нам (это )?интересно",
    ],
    "g",
  ),
  pain: compile([
    "(наши|мои|у нас|у меня)( \\S+){0,2} (затраты|расходы|издержки|траты|счета|косты|потери|отток)( \\S+){0,3} (слишком |очень |сильно |сейчас )?(высок~|больш~|растут|выросли|зашкалива~|огромн~|съедают)",
    "(мы|я) (тратим|теряем|переплачиваем|платим)( \\S+)? (слишком|очень|кучу|огромн~|много|миллион~|тысяч~)",
    "(текущ~|нынешн~|старый|прошлый|прежн~|другой) (подрядчик|поставщик|вендор|сервис|система|инструмент|провайдер)( \\S+){0,3} (слишком |очень )?(дорог~|дерет|берет много)",
    "(нужно|надо|хотим|пытаемся) (сократить|снизить|урезать|оптимизировать) (\\S+ )?(затраты|расходы|издержки)",
  ]),
  offer: compile([
    "ваш~",
    "у вас",
    "вы (просите|хотите|предлагаете|берете)",
    "(эта|это|такая|ваша|данная|указанная|названная) (цена|стоимость|сумма|предложени~|лицензи~|подписк~|тариф~)",
    "за (место|пользователя|лицензию|месяц|год|сотрудника)",
  ]),
  cues: {
    price: compileAny([
      "(слишком |очень |как-то |немного |несколько |чересчур |довольно |весьма |безумно |сильно )?дорог(о|овато|ой|ая|ое|ие|ова)",
      "дороговат~",
      "(не|нам не) по (карману|силам|бюджету|деньгам)",
      "(нет|не хватает|не осталось|закончил~|кончил~|мало|маловато) (у нас |у меня )?(денег|бюджета|средств|финансов|финансирования)",
      "(денег|бюджета|средств|финансов)( \\S+)? (нет|не хватает|не осталось|не предусмотрено|не заложено|не запланировано|недостаточно|мало)",
      "бюджет~( \\S+){0,2} (нет|ограничен~|исчерпан~|закончил~|урезал~|урезан~|заморожен~|сокращ~|маленьк~|небольш~|скромн~|расписан~|освоен~|уже распределен~)",
      "(вне|сверх|выше|за пределами|за рамками|вылеза~|выход~ за (рамки|пределы)|превыша~|не (укладыва~|влеза~|вписыва~|помеща~) в|не в) (наш~ |мой |моего |нашего |этого |годов~ )?(бюджет~|смет~)",
      "не (можем|могу|сможем|смогу|готовы|готов|готова) (себе )?(позволить|заплатить|платить|тратить|потратить|столько|такие деньги|такую сумму|потянуть)",
      "не (потянем|потяну|осилим|вытянем)",
      "(цена|стоимость|ценник|сумма|прайс|расценки|тариф~)( \\S+){0,3} (высок~|завышен~|большая|большой|кусается|кусаются|неподъемн~|космическ~|конск~|заоблачн~|неадекватн~|не радует|не устраивает|не подходит|смущает|пугает|великовата|высоковата)",
      "(смущает|пугает|напрягает|не устраивает|не нравится) (\\S+ )?(цена|стоимость|ценник|сумма|прайс)",
      "(высок~|завышен~|большая|неподъемн~|космическ~|конск~|заоблачн~) (цена|стоимость|ценник|сумма|расценки)",
      "дешевле",
      "(скидк~|уступ~|подешевле|торг~|снизить (цену|стоимость)|сбросить|сбавить|подвинуться по цене)",
      "(лучш~|последн~|минимальн~|окончательн~) (цен~|предложени~|услови~)",
      "(за|по) (такие|эти) деньги",
      "(столько|такие деньги|такую сумму) (мы |я )?(не|никто не) (заплатим|заплачу|платим|дадим|готовы)",
      "не (стоит|стоят) (своих |этих |таких )?(денег|того)",
      "(переплачивать|переплата)",
      "зачем (нам |мне )?(платить|переплачивать|тратить)",
      "(максимум|не больше|не более) ¤",
      "(могу|можем|готов~) (заплатить|дать|предложить) (только|максимум|не больше|не более)",
      "(сократили|урезали|заморозили) (бюджет~|расходы|траты|затраты)",
      "режим экономии",
      "(финансов~|денежн~) (трудност~|проблем~|сложност~)",
    ]),
    timing: compileAny([
      "не сейчас",
      "(сейчас|пока|в данный момент|на данный момент|в этом (году|квартале|месяце)) (не|нам не|мне не) (до (этого|того)|время|актуально|готовы|готов|готова|планируем|успеем|ко времени)",
      "не (до (этого|того)|ко времени|вовремя|время|тот момент|лучшее время|подходящее время|самое (лучшее|подходящее|удачное) время)",
      "(неудачн~|неподходящ~|неудобн~|плох~|горяч~|загруженн~) (время|момент|период|сезон|квартал|месяц)",
      "(позже|попозже|позднее|в другой раз|в следующий раз|как-нибудь потом|на потом|когда-нибудь)",
      "потом[.!]*$",
      "(в|на) (следующ~|будущ~|новом|другом) (квартал~|году|год|месяц~|сезон~|полугоди~|финансов~ год~)",
      "через (месяц|полгода|квартал|год|пару (месяцев|недель|кварталов)|несколько (месяцев|недель)|какое-то время)",
      "(после|к концу|до конца) (миграци~|внедрени~|переезд~|реорганизаци~|нового года|праздник~|отпуск~|квартал~|года|сезона|запуск~|проекта|аудита|слияния)",
      "(надо|нужно|дайте|дай|хочу|хотим|мне нужно|нам нужно) (\\S+ )?(подумать|обдумать|переварить|взвесить|время)",
      "(подумаем|подумаю|обдумаем|обдумаю|поразмыслю|взвесим|рассмотрим)",
      "(?<!давайте )посмотрим[.!,]*$",
      "(вернемся|вернусь|вернитесь|возвращайтесь|свяжемся|свяжусь|созвонимся|перезвоните|напишите|спишемся)( \\S+){0,3} (позже|потом|через|в следующ~|после|осенью|весной|летом|зимой|в новом году|когда-нибудь)",
      "(отложим|отложить|откладываем|на паузе|подождем|подождать|повременим|поставим на паузу|заморозим)",
      "(сейчас|пока) (мы |я )?(очень |сильно |слишком )?(заняты|занят|занята|загружены|загружен|завалены|в запаре)",
      "(очень |сильно |слишком )?(заняты|загружены|завалены) (сейчас|пока|другим|другими|проектом|миграцией)",
      "(пока|еще|ещё) (рано|не готовы|не готов|не созрели|не время)",
      "(рано|преждевременно) (об этом|говорить|обсуждать)",
      "нет (времени|ресурса|ресурсов|рук|людей) (на|для|сейчас)",
      "(у нас|сейчас) (идет|в разгаре) (миграци~|внедрени~|переезд~|реорганизаци~|аудит~)",
    ]),
    authority: compileAny([
      "согласова(ть|ние|ния|нию|ем|ю|нно|вать)",
      "(не я|не мне) (решаю|решать|принимаю|подписываю|утверждаю)",
      "я (сам~ )?не (решаю|принимаю (такие )?решени~|подписываю|утверждаю|распоряжаюсь)",
      "(решение|решения|вопрос) (принимаю|принимает|принимают|решает|решают|остается|за|будет (принимать|решать))( \\S+)? (не я|руководств~|директор~|начальств~|совет~|собственник~|шеф~|владел~|правлени~|комитет~|генеральн~|наверху|выше)",
      `${RU_DECIDERS}( \\S+){0,2} (решает|решают|решит|решат|принимает|принимают|утверждает|утверждают|утвердит|подписывает|подпишет|должен~ (одобрить|утвердить|согласовать|посмотреть|решить)|одобр~|дает добро|даст добро|против|не одобрит|не согласует)`,
      `(обсудить|обсужу|обсудим|посоветоваться|посоветуюсь|посоветуемся|спросить|спрошу|уточнить|уточню|показать|покажу|поговорить|поговорю|согласую|свериться|сверюсь|проконсультироваться|обговорить|обговорю)( \\S+){0,3} (с|у) (\\S+ )?${RU_PEOPLE}`,
      "(без|нужно|нужна|нужен|требуется|получить) (одобрени~|согласовани~|разрешени~|визы|добро|подписи|утверждени~|санкци~)",
      "(не|это не) в (моей|моих) (компетенции|полномочиях|власти)",
      "не (могу|вправе|уполномочен~) (сам~ )?(решать|решить|принять решение|подписать|утвердить)",
      "(наверх|наверху|вышестоящ~)",
      "(тендер~|конкурсн~ процедур~|закупочн~ процедур~|через закупки)",
    ]),
    need: compileAny([
      "(нам|мне|сейчас|пока|нам пока|нам сейчас|нам это|мне это|это нам|это мне)( \\S+)? не (нужно|нужен|нужна|нужны|надо|требуется|интересно|интересен|интересна|актуально|актуален|подходит|подходят)",
      "(не|совсем не|вообще не) (нужно|надо|интересно|актуально|интересует|требуется)",
      "(нет|не видим|не вижу|не видно) (смысла|ценности|необходимости|потребности|пользы|интереса|нужды)",
      "(у нас|у меня) (нет|не было|не стоит) (\\S+ )?(такой |такого |этой |этого )?(потребности|проблемы|задачи|боли|необходимости|нужды)",
      "неинтересно",
      "не интересует",
      "(не|нет) в (приоритете|приоритетах|планах)",
      "не (приоритет|наш приоритет|первоочередн~)",
      "зачем (нам|мне|это)( \\S+)? (нужно|надо|это|нужен|менять)",
      "(обойдемся|обойдусь|справимся сами|справляемся сами|сами справимся|сами справляемся|справляемся и так)",
      "(откажемся|отказываемся|откажусь|отказываюсь)",
      "(не будем|не буду|не станем) (покупать|брать|подключать|внедрять|подписывать|менять|переходить|участвовать|жертвовать|работать)",
      "нет,? спасибо",
      "(спасибо,? )?не (надо|нужно)",
      "(нас|меня) (все|всё|пока все|пока всё|в целом все|в целом всё) (устраивает|устраивают)",
      "(у нас|у меня) (и так |и так уже )?(все|всё) (хорошо|нормально|в порядке|работает)",
      "(маленьк~|небольш~) (компани~|команд~|бизнес) для (этого|такого)",
    ]),
    competitor: compileAny([
      "(уже|давно) (используем|пользуемся|работаем|сотрудничаем|платим|купили|внедрили|подключили|заключили|стоит|есть|выбрали|перешли|сидим)",
      "(используем|пользуемся|работаем с|сотрудничаем с|сидим на) (\\S+ ){0,2}(уже|давно|много лет|годами)",
      "у нас (уже )?(есть|стоит|работает|внедрен~|имеется) (сво~|собственн~|другой|другая|другое|похож~|аналог~|подобн~)",
      "(свое|своё|свою|свой|собственн~) (решение|разработк~|систем~|инструмент~|продукт~)",
      "(сделали|написали|разработали|собрали|построили) (сами|свое|своё|свою|свой|собственн~)",
      "сами (делаем|справляемся|пишем|разработали|сделали|ведем|ведём)",
      "(нас|меня) устраивает (текущ~|наш~|нынешн~|имеющ~|действующ~|\\S+)",
      "(довольны|доволен|довольна) (текущ~|нашим|нашей|нынешн~|своим|своей)",
      "(конкурент~|аналог~|альтернатив~|другие варианты|другое предложение|другие предложения)",
      "(у|от) (конкурентов|других|другого|соседей) (дешевле|лучше|выгоднее|быстрее|есть)",
      "(в|через) (excel|экселе|таблиц~|гугл-таблиц~|1с)( \\S+){0,2} (хватает|нормально|справляемся|работает|устраивает|ведем|ведём)",
      "(таблиц~|эксель|excel)( \\S+){0,2} (хватает|хватит|достаточно|устраивает|справля~)",
      "(чем|в чем|в чём) (вы|ваш~|это|оно)( \\S+)? (лучше|отлича~|отличие|разница)",
      "(контракт|договор)( \\S+){0,3} (действует|до конца|еще на|ещё на)",
      "(связаны|связан~) (контрактом|договором|обязательствами)",
      "(переход|переезд|миграция|перейти|переехать|мигрировать)( \\S+){0,2} (сложн~|больно|дорог~|рискованно|долго|тяжело|проблем~)",
    ]),
    trust: compileAny([
      "(не уверен~|не уверены) (в|что (вы|ваш~|это|оно|система|продукт|сервис|решение) (сработает|работает|поможет|подойдет|подойдёт|справится|потянет|даст|надежн~|окупится))",
      "(как|откуда) (мы|я)( \\S+)? (узнаем|знаем|узнаю|знаю|можем быть уверены|могу быть уверен~|поймем|проверим|проверю)",
      "(где|какие) (гаранти~|доказательств~)",
      "(гаранти~|гарантируете|гарантирует)",
      "(слишком|звучит|выглядит) (хорошо|красиво|сладко),? чтобы",
      "(опасаемся|опасаюсь|боимся|боюсь|переживаем|переживаю|беспокоимся|беспокоюсь|беспокоит|смущает|настораживает|пугает|тревожит)",
      "(есть|имеются|остаются|остались|у меня|у нас) (\\S+ )?(сомнени~|опасени~|вопросы (к|по) (безопасност~|надежност~|качеств~))",
      "(сомневаюсь|сомневаемся|сомнительно|сомнени~|скептическ~|скептич~|недоверие|не доверя~|не верю|не верим|верится с трудом)",
      "(риск~|рискованно|рисково)",
      "(безопасност~|утечк~|персональн~ данн~|152-фз|gdpr|защит~ данных)",
      "(плох~|негативн~|неудачн~|горьк~) (опыт~|отзыв~|истори~)",
      "(обжеглись|обожглись|обожгл~|обжегся|наступали на грабли)",
      "(а )?(что|вдруг) если (\\S+ )?(не (сработает|получится|заработает|взлетит|подойдет|подойдёт|окупится)|сломается|упадет|упадёт|откажет|пропадет|пропадёт|закроетесь)",
      "(отзывы|кейсы|рекомендации|референс~|примеры внедрени~)",
      "(никогда |впервые |не )слыш~ (о|про) (вас|вашей|вашем|эту|этой)",
      "(точно|реально|правда) (работает|поможет|сработает|надежн~)",
      "(надежн~|надёжн~) (ли|вы)",
    ]),
    other: compileAny([
      "не (уверен~|знаю|знаем)( пока| еще| ещё| точно)?[.!]*$",
      "(пока|еще|ещё) (не (решил~|знаю|знаем|уверен~|определил~)|думаем|думаю|сомневаемся|сомневаюсь)",
      "(загвоздка|вопрос|нюанс|минус|смущает) (в том|лишь в|только в|вот в чем|вот в чём)",
      "(не нравится|не нравятся|не устраивает|не устраивают|не подходит|не подходят|не совсем то|не совсем подходит)",
      "(есть|у меня|у нас) (пара |несколько |некоторые |кое-какие )?(возражени~|оговорк~)",
      "(слишком|очень|чересчур) (сложн~|сложно|долго|мудрено|непонятно)",
      "(может быть|возможно|может|наверное)[.!]*$",
      "(я|мы) (бы )?(предпочел~|предпочли|лучше бы)",
    ]),
  },
  askedCommitment: compile([
    "(готовы|хотите|хотели бы|будете|можем|давайте|согласны|интересно ли|интересно вам|подходит ли|договоримся|запишем|назначим|оформим|начнем|начнём|попробуем|подключим)",
  ]),
  mentionedPrice: compile(["#", "(цен~|стоимост~|руб~|тысяч~|долл~|евро|тариф~|лицензи~|подписк~|оплат~)"]),
  shortRefusal: compile([
    "^(нет|неа|нет,? спасибо|спасибо,? нет|не надо|не нужно|не готовы|не готов|вряд ли|пожалуй,? нет|наверное,? нет|не думаю|увы|к сожалению,? нет)[.!]*$",
  ]),
  shortPriceReaction: compile([
    "^(ого|ох|ух|ничего себе|ну|хм)?[ ,.!]*(это )?(много|дорого|дороговато|кусается|недешево|недёшево|многовато|ощутимо)[.!]*$",
  ]),
  counterOffer: compile([
    "(а )?(если|давайте|может|могу|можем|готов~|предлагаю|как насчет|как насчёт|за) ¤",
    "(давайте|может|как насчет|как насчёт|предлагаю) (за )?#",
  ]),
};

// ---------------------------------------------------------------- handling cues

export interface HandlingLexicon {
  acknowledge: RegExp;
  /** A closed check that the answer landed ("does that address it?"). */
  confirm: RegExp;
  /** A general value cue: numbers, proof, capability, ROI, trial… */
  value: RegExp;
  /** Per category: words that show the reply addresses that kind of concern. */
  relevant: Record<ObjectionCategory, RegExp | null>;
  /** The customer accepts ("okay that works", "fair enough"). */
  accept: RegExp;
  /** The customer rejects or repeats ("still", "no", "that doesn't help"). */
  reject: RegExp;
  /** Backchannels that neither reply nor move on ("mm-hmm", "yeah", "ok"). */
  backchannel: RegExp;
  /** Function words ignored when comparing the content of two sentences. */
  stop: ReadonlySet<string>;
}

export const EN_HANDLING: HandlingLexicon = {
  acknowledge: compile([
    "i (totally |completely |fully |really |definitely |absolutely )?(understand|hear you|hear that|hear what you|get (it|that|you|where you're coming from|why|the concern)|appreciate (that|it|you|the|your)|see (where you're coming from|what you mean|your point|why|the concern))",
    "(totally|completely|fully) (understand|get it|fair|get that|makes sense|valid|agree)",
    "(that's|that is|it's|it is|this is|what a|such a) (a )?(totally |completely |very |really |perfectly )?(fair|valid|great|good|reasonable|legitimate|understandable|common|important|real|important|natural)( point| question| concern| thing to ask| ask)?",
    "(makes|make) (total |complete |perfect |a lot of )?sense",
    "(understandable|understood|fair enough|fair point|good point|great point|good question|great question|valid point|valid concern|i hear you|i get it|got it|gotcha)",
    "(you're|you are) (absolutely |totally |completely )?(right|not (the )?(alone|first|only))",
    "(many|lots of|a lot of|most|other|plenty of|some of our|several) (of our )?(customers|clients|people|teams|companies|folks|buyers|ceos|cfos|managers) (felt|feel|said|say|tell us|told us|had|have had|raised|asked|ask|worried|were worried|had the same|had that|thought|think|came to us|started)",
    "(sorry|sad|sorry to hear|i'm sorry) (to hear|about that|that)",
    "thank~ (you )?for (sharing|being (honest|upfront|candid|open|transparent)|raising|telling|bringing|flagging|asking|that)",
    "i can (see|understand|imagine) (why|how|that|where)",
    "(so|if) (what )?(i'm hearing|you're saying|i understand (you )?correctly|i hear you (right|correctly))",
    "(it|that) sounds (like|frustrating|tough|hard|difficult|painful|reasonable)",
    "(i|we) (hear|get) (that|this) (a lot|often|all the time)",
    "(absolutely|of course|no doubt|sure)[,.]? (that|i|it)",
    "i agree",
    "(budget|timing|price|security|that)( \\S+)? is (a )?(real|big|common|fair|valid|legitimate) (concern|question|issue|thing)",
  ]),
  confirm: compile([
    "(does|did|would|will|could|can) (that|this|it|what i (said|described|shared)) (help|address|answer|work|make sense|sound|solve|cover|resolve|ease|alleviate|clarify|change|take care of|settle|handle|fix|clear|address~|meet|fit|remove)",
    "(does|did|would) (that|this) (sound|seem|feel|look) (fair|good|reasonable|okay|ok|right|better|like)",
    "(how|what) (does|do) (that|this) (sound|look|feel)",
    "(what|how) do you think( about| of)? (that|this)",
    "(is|was|would) (that|this|it) (fair|helpful|okay|ok|reasonable|acceptable|enough|better|clearer|clear|good|useful|something)",
    "(are|would|will) you (be )?(ok|okay|good|comfortable|happy|alright|fine) with (that|this)",
    "(did|have) i (answer|address|cover|clear up|resolve|handle)",
    "(did|does) (that|this) answer (your|the)",
    "(any|do you have any|still|are there any) (other )?(concerns|questions|hesitations|doubts|reservations|objections)( (about|on|there|left|around) (that|this|it))?",
    "(are|is) (we|that|this) (good|aligned|on the same page|clear)( there| on that)?",
    "make sense\\?",
    "(sound|sounds) (good|fair|reasonable|okay|ok)\\?",
    "(fair|right|okay|ok|reasonable)\\?$",
  ]),
  value: compile([
    "#",
    "\\d+ ?(%|percent|x|times|days|weeks|hours|minutes|months|seats|users|customers|clients)",
    "(customers?|clients?|companies|teams|firms|organizations|businesses|users) (like|such as|including|similar to|in your|who|that|use|used|saw|see|got|get|report~|reduced|increased|save|saved|cut|grew|switched|moved|trust|rely)",
    "(case stud~|testimonial~|reference~|references|success stor~|proof|benchmark~|study|studies|data shows|on average|average)",
    "(roi|return on investment|pays? (for )?itself|payback|break even|breakeven|total cost|tco|cost of (not|doing nothing|inaction))",
    "(save~|saving~|reduc~|increas~|improv~|boost~|grow~|cut~|lower~|faster|quicker|fewer|less time|more time)",
    "(free )?(trial|pilot|proof of concept|poc|sandbox|demo environment|test drive)",
    "(guarantee~|money-?back|refund|no risk|risk-?free|cancel (at )?any ?time|month-to-month|out clause|opt out|sla|uptime)",
    "(discount~|payment (plan|terms)|annual (plan|billing)|pricing (tier|plan|options)|starter (plan|tier)|phased|quarterly (payments|billing)|financing|net \\d+)",
    "(we|it|the (platform|tool|product|system|software|app|team)|our (platform|tool|product|team|system|software|support)|you) (can|will|'ll|integrates?|includes?|handles?|offers?|supports?|automates?|gives?|lets|helps?|provides?|comes with|connects?|syncs?|works with|replaces?|takes care)",
    "(integrat~|api|sso|single sign-?on|soc ?2|iso ?27001|gdpr|hipaa|encrypt~|audit log~|compliance|certified|penetration test~|pen test~)",
    "(onboard~|implementation|set ?up|go live|up and running|migration (support|service|team)|white-?glove|dedicated (csm|manager|support|team)|customer success|24/7|support team)",
    "(unlike|compared (to|with)|different from|difference is|versus|vs|on top of|alongside|instead of|rather than)",
    "(for example|for instance|e\\.g|which means|that means|so you (get|can|save|don't|won't|only)|in other words|the reason is|because)",
    "(only|just) (takes?|costs?|requires?|needs?)",
    "(i|we) (can|could) (send|share|show|set up|arrange|introduce|connect|put together|prepare|join|walk|loop|offer|include|start|do|hold|lock)",
    "(happy|glad) to (send|share|show|set up|arrange|join|walk|help|put together|prepare|talk|jump)",
  ]),
  relevant: {
    price: compile([
      "(cost~|price~|pricing|roi|return|save~|saving~|pay|pays|paying|payback|discount~|budget~|invest~|value|worth|cheap~|afford~|spend~|per (seat|user|month|year)|plan|plans|tier~|payment~|terms|financ~|money|dollar~|\\$|expens~|fee|fees|quote|deal|license|licence|subscription|contract|#)",
    ]),
    timing: compile([
      "(quick~|fast~|days?|weeks?|minutes?|hours?|set ?up|onboard~|implement~|migrat~|go live|timeline~|start~|now|later|wait~|quarter~|q[1-4]|lock~|schedule~|calendar|when|time|timing|month~|year|effort|light|bandwidth|help you|handle|lift|busy)",
    ]),
    authority: compile([
      "(cfo|ceo|cto|boss|manager|management|team|board|decision~|stakeholder~|approv~|sign~|deck|one-?pager|summary|join|present~|meeting|intro~|loop~|business case|leadership|director|vp|procurement|legal|security|finance|materials?|send|share|together|call with|both)",
    ]),
    need: compile([
      "(problem~|pain~|challeng~|teams like yours|companies like yours|use case~|result~|benefit~|help~|need~|goal~|priorit~|currently|today|impact|cost of|lose|losing|miss~|risk|grow~|scale)",
    ]),
    competitor: compile([
      "(unlike|different|differ~|difference|compared|compare|switch~|migrat~|import~|replac~|alongside|integrat~|vs|versus|better|faster|on top of|instead|existing|current|keep|works with|connect~|move|moving|spreadsheet~|excel|built|build|maintain~|in-house)",
    ]),
    trust: compile([
      "(reference~|case stud~|customer~|client~|secur~|soc ?2|iso|gdpr|hipaa|encrypt~|guarantee~|pilot|trial|proof|track record|years|review~|refund~|sla|uptime|certif~|audit~|compliance|data|risk|safe~|transparen~|report~|legit~|register~|rating~|verified|independent|publicly|proven)",
    ]),
    other: null,
  },
  accept: compile([
    "(okay|ok|alright|all right|sure|yes|yeah|yep|great|perfect|cool|fine|good|excellent|awesome|fair enough|right)[,.!]? ?(that|this|it|let's|then|we|i|sounds|works|makes|so|thanks|go|deal|you)",
    "^(okay|ok|alright|all right|sure|yes|yeah|yep|great|perfect|cool|fine|excellent|awesome|deal|agreed|absolutely|definitely|of course|understood|got it|i see)[.!]*$",
    "(that|this|it) (works|would work|will work|could work|should work|helps|helped|makes sense|sounds (good|great|fair|reasonable|right|better|interesting|promising|like a plan)|is (fair|reasonable|helpful|good|great|fine|better))",
    "(makes|make) (sense|sence)",
    "(fair|good) (enough|point)",
    "(let's|let us|lets) (do|go|try|start|move|set|book|schedule|get|proceed|run)",
    "(sounds|sound) (good|great|fair|reasonable|like a plan|interesting|promising|better)",
    "(i'm|we're|i am|we are) (in|convinced|sold|comfortable|happy|fine|good) ?(with)?",
    "(deal|agreed|i agree|we agree|you convinced me|convinced|i'm convinced)",
    "(i'll|we'll|i will|we will|i'd|we'd|i can|we can) (take|do|try|sign|go|donate|give|buy|book|schedule|send|start|move|set|loop|share)",
    "(good|great|nice) to know",
    "(that's|thats|that is) (helpful|great|good|fair|reasonable|fine|good to know|reassuring|a relief)",
    "(thanks|thank you)( for| that)",
  ]),
  reject: compile([
    "^(no|nope|nah|not really)[,.!]? ",
    "^(no|nope|nah|not really)[.!]*$",
    "(still|again|as i said|like i said|i told you|doesn't (help|change|solve|address)|didn't (help|answer)|not (convinced|sold|sure)|don't think so|doesn't work|won't work|not what i)",
  ]),
  backchannel: compile([
    "^(mm+|m+-?hm+|uh-?huh|uh+|um+|hmm+|yeah|yes|yep|ok|okay|right|sure|i see|got it|ah|oh|aha|wow|huh|true|exactly|interesting)( (yeah|yes|ok|okay|right|sure|mm+|mhm|i see))?[.!?,]*$",
  ]),
  stop: new Set(
    `the a an and or but so to of in on at for with by from is are was were be been being it this that these those
    we you i they he she our your my their its me us them what which who how why when where there here not no do does
    did have has had will would can could should may might just really very too also more some any all about than then
    into out up down over only even still yet well like get got make think know going want need because if it's that's
    we're i'm don't can't won't isn't thing things lot`.split(/\s+/),
  ),
};

export const RU_HANDLING: HandlingLexicon = {
  acknowledge: compile([
    "понима(ю|ем)",
    "(я|мы) (вас )?(слышу|слышим|понял~|поняли)",
    "(это|вполне|абсолютно|совершенно) (логично|справедливо|резонно|разумно|нормально|понятно|обоснованно|естественно|правильный вопрос|хороший вопрос)",
    "(справедлив~|резонн~|хорош~|правильн~|важн~|отличн~|законн~) (вопрос|замечание|опасение|момент|поинт)",
    "(согласен|согласна|согласны)",
    "(вы|ты) (абсолютно |совершенно )?(правы|прав|права)",
    "(многие|часто|другие|наши) (клиенты|компании|заказчики|партнеры)( \\S+)? (говорят|говорили|так|спрашивают|спрашивали|сомневались|сомневаются|переживали|думали|опасались|начинали)",
    "спасибо,? что (сказали|поделились|честно|подняли|спросили|обозначили)",
    "(понятное дело|понятно|ясно|разумеется|конечно)[,.!]",
    "если я (правильно )?(понял~|понимаю)",
    "(да, )?(это )?(важный|частый|резонный) (момент|вопрос)",
  ]),
  confirm: compile([
    "(это|такой вариант|такое решение|так)( \\S+)? (снимает|снимет|отвечает|ответил~|решает|решит|закрывает|закроет|помогает|поможет|подойдет|подойдёт|подходит|устроит|устраивает|работает|убеждает)( \\S+)?( вопрос| опасения| сомнения| возражение)?",
    "(вас|тебя) (это )?(устраивает|устроит|убедил~)",
    "(подходит|подойдет|подойдёт|устраивает|логично|понятно|согласны|убедил~|ок|нормально|годится)\\?",
    "как вам (такой|такое|это|этот|эта|идея|вариант)",
    "(остались|есть (еще|ещё)|еще есть|ещё есть) (\\S+ )?(вопрос~|сомнени~|опасени~)",
    "(я )?(ответил~|снял~) (на )?(ваш~ )?(вопрос|опасени~|сомнени~)",
    "(что|как) (скажете|думаете)",
  ]),
  value: compile([
    "#",
    "\\d+ ?(%|процент~|раз|дн~|недел~|час~|минут~|месяц~|клиент~|компани~)",
    "(клиент~|заказчик~|компани~|партнер~)( \\S+)? (использу~|работа~|сократил~|увеличил~|сэкономил~|получил~|перешл~|выбрал~|как у вас|вроде|такие как|например)",
    "(кейс~|отзыв~|рекомендац~|референс~|исследовани~|в среднем|статистик~)",
    "(окупа~|окупит~|окупаемост~|roi|эконом~|сэконом~|выгод~|сокра~|увелич~|рост~|быстрее|дешевле)",
    "(пилот~|тестов~|пробн~|триал|бесплатн~|демо)",
    "(гаранти~|возврат~|без риска|отказаться в любой момент|sla)",
    "(скидк~|рассрочк~|оплат~ (частями|поэтапно|по)|тариф~|помесячн~|годов~ (оплат~|контракт~))",
    "(мы|система|платформа|продукт|сервис|решение|команда)( \\S+)? (можем|может|позволяет|умеет|поддерживает|включает|дает|даёт|даст|помогает|поможет|интегрируется|берет на себя|настроим|подключим|внедрим|обеспечивает|сделаем|возьмем)",
    "(интеграц~|интегрир~|безопасн~|шифрован~|сертифик~|152-фз|соответств~|аудит~)",
    "(внедрени~|настройк~|запуск~|поддержк~|менеджер~|сопровожд~|обучени~)",
    "(в отличие|по сравнению|в сравнении|отлича~|разница)",
    "(например|к примеру|то есть|это значит|значит|потому что|поэтому)",
    "(могу|можем|готов~) (прислать|отправить|показать|организовать|подготовить|провести|подключиться|познакомить|предложить|зафиксировать|сделать)",
  ]),
  relevant: {
    price: compile([
      "(цен~|стоимост~|бюджет~|окуп~|эконом~|скидк~|рассроч~|тариф~|платеж~|платёж~|оплат~|вложени~|инвестиц~|выгод~|дешев~|дорог~|деньг~|руб~|тысяч~|лиценз~|подписк~|#)",
    ]),
    timing: compile([
      "(быстр~|дн~|недел~|час~|минут~|внедрени~|запуск~|настрой~|сейчас|срок~|подожд~|зафиксир~|квартал~|месяц~|когда|время|нагрузк~|усили~|возьмем|возьмём)",
    ]),
    authority: compile([
      "(руковод~|директор~|начальств~|презентаци~|встреч~|согласов~|решени~|материал~|обосновани~|кп|коммерческ~|подключ~|вместе|команд~|отправ~|пришл~)",
    ]),
    need: compile([
      "(проблем~|задач~|бол~|результат~|польз~|эффект~|помог~|помож~|теря~|потер~|риск~|рост~|сейчас)",
    ]),
    competitor: compile([
      "(в отличие|отлича~|разниц~|сравн~|переход~|переезд~|миграц~|перенес~|перенос~|импорт~|замен~|интегр~|вместе|параллельно|лучше|быстрее|таблиц~|excel|свое|своё)",
    ]),
    trust: compile([
      "(кейс~|клиент~|отзыв~|рекоменд~|безопасн~|гарант~|пилот~|тест~|пробн~|лет|год~|сертиф~|аудит~|данн~|риск~|надежн~|надёжн~|реестр~|договор~|sla)",
    ]),
    other: null,
  },
  accept: compile([
    "(хорошо|ладно|понятно|ясно|отлично|договорились|согласен|согласна|согласны|убедили|подходит|устраивает|годится|идет|идёт|принято|супер|давайте|окей|ок|логично|резонно|разумно|справедливо)",
    "(это|так) (работает|подходит|подойдет|подойдёт|снимает|помогает|помогло|убедительно|логично|меняет дело)",
    "(да|ага),? (это|так|давайте|хорошо|понятно|конечно)",
    "^(да|ага|конечно|верно)[.!]*$",
  ]),
  reject: compile([
    "^(нет|не)[,.!]? ",
    "^(нет|неа)[.!]*$",
    "(все равно|всё равно|всё-таки|все-таки|по-прежнему|опять|как я (уже )?сказал~|не убедили|не помогает|не снимает|не решает)",
  ]),
  backchannel: compile([
    "^(угу|ага|да|ну|так|ясно|понятно|ок|окей|хм+|м+|ммм+|ладно)( (да|угу|ага|понятно|ясно))?[.!?,]*$",
  ]),
  stop: new Set(
    `и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее её мне было вот от
    меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам
    ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз
    тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее
    сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про
    всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более
    всегда конечно всю между это наш наша наши нам`.split(/\s+/),
  ),
};
