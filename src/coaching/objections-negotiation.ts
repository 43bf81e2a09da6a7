/**
 * Negotiation turns (English): is the customer's price talk a price objection or a bid?
 *
 * A haggling turn — a counter-offer ("how about 300?") or a request to come down ("can you go
 * lower?") — is the customer's hesitation expressed as a move, and is `other` like any bid, even
 * when it grumbles that the price is high ("that's steep, how about 300?"). It is `price` when the
 * customer gives a reason the price is a problem: their own means ("I'm on a tight budget", "I
 * only have $200") or the item's value ("it's 8 years old", "since it's used", "with 120k miles").
 * Persuasion-resistance research draws the same line (ResPer, Dutt et al. 2021: hesitance versus
 * self-pity and counter-argumentation), and coaching answers them differently: a bid with a trade,
 * a stated reason with value. A turn that offers a trade or asks for extras ("I'll pick it up
 * today", "could you throw in the pump?") bargains, and stays a bid whatever reason it gives. A need
 * cue in a haggling turn ("I don't need the extras, how about 500?") is no refusal either.
 * See docs/objections.md, "Categories".
 *
 * The turn is read whole: the reason and the offer are often in different sentences ("It's five
 * years old. Would you take 200?").
 */
import type { ObjectionCategory } from "./contract.js";
import { EN_BID, EN_DISCOUNT, EN_VALUE_ARGUMENT } from "./lang/en/objections.js";
import { compileAny } from "./objections-lexicon.js";

/**
 * A trade: the customer offers something in return for a lower price, or asks for extras ("I'll
 * pick it up", "cash today", "if I do the repairs", "throw in a pump"). A turn that bargains this
 * way is a move, answered with a trade, even when it mentions money being tight.
 */
const TRADE_CUES = [
  "(i'll|i will|i can|i could|i'd|and|i'm willing to|i am willing to|i would) (also )?(come )?(pick (it|them|this|that|those|these) up|come (and )?(get|grab|collect) (it|them))",
  "(pay|paying|have it in|in|with|all) cash",
  "if (i|we) (also )?(pick~|come (get|pick|grab)|pay|paid|do|did|take|took|bring|brought|mow~|help~|cover~|handle~|sign~|haul~|move~|clean~)",
  "(throw|toss) (\\S+ ){0,3}(in|into)",
  "(any|some|the|other) (accessories|extras|add-ons)",
  "(i could|i can|i'll|i will|i'd) (also )?(mow|help (you )?out with|do (some|the) (repairs|maintenance|work|labor)|supply|provide)",
];
const TRADE = compileAny(TRADE_CUES);

/**
 * A negotiation move: a counter-offer or a request to lower the price. "Discount" counts only as
 * something asked for ("any discount?", "can you give us a discount"): "I'd discount that figure"
 * doubts a number and is no haggling.
 */
const NEGOTIATION = compileAny([
  ...EN_BID,
  ...EN_DISCOUNT.filter((p) => p !== "discount~"),
  "(get|give (me|us)|offer (me|us)|any|a|some|bigger|better|the) discount~",
  // A ceiling stated as a number is an offer: "the best I can do is $32", "I can't go above 138".
  "(highest|most|max|maximum|best|top) (i|we) (can|could|would|am able to|'m able to)( \\S+){0,2} (do|go|offer|pay|spend|manage|come up with)( \\S+){0,3} #",
  "(can't|cannot|couldn't|won't|wouldn't) (go|pay|spend|do) (more than|above|over|higher than|beyond) #",
  ...TRADE_CUES,
  // A final stance closes the haggling; it is a move, not a complaint ("not paying more, take it
  // or leave it").
  "(take it or leave it|(my|our|a) (final|last) offer)",
]);

/** The customer's own means are the problem (self-pity in ResPer's terms). */
const HARDSHIP = [
  "budget~",
  "afford~",
  "(price|my|our) range",
  "(out of|beyond) (my|our) reach",
  "(only|just) (have|got)",
  "all (i|we) (have|got)",
  "(don't|do not) have (that|so|this) much",
  "(don't|do not) have (a lot of|much|enough|that much|so much|the) (money|cash)",
  "(money|cash|funds|things|budget) (is|are|'s) (\\S+ )?(tight|short|low)",
  "tight",
  "broke",
  "student",
  "paycheck",
  "income",
  "unemployed",
  "divorc~",
  "not working",
  "savings",
  "(low|short) on (cash|money|funds)",
  "a penny more",
  "single (mom|dad|mother|father|parent)",
  "lost my job",
  "laid off",
  "bills",
  "(i|we) (can't|cannot|couldn't|am not able to|'m not able to|'m unable to|am unable to) (pay|afford|spend|do) (that|this|so|the|more|#|¤)",
  // A ceiling on what one can pay is a limit of means, not a position ("the most I can spend is
  // $185", "I can only pay 36"); "the best I can do is 150" stays a bid.
  "(i|we) (can|could) only (pay|afford|spend|come up with)",
  "(highest|most|max|maximum|top) (i|we) (can|could|am able to|'m able to)( \\S+){0,2} (go|pay|spend|afford|manage|come up with)",
];

/** Weaker signs of an argued price: a stated cause, the item's age, wear or size, a comparison. */
const ARGUMENT = [
  "since",
  "considering",
  "given (that|the|its|it's|how)",
  "because",
  "(as|so) (it|they|the \\S+) (is|are|has|have|was)",
  "(\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|few|couple of|many) (years?|yrs?|months?) (old|ago)",
  "(\\d+k?|lot of|lots of|high|many|low) (miles|mileage|hours)",
  "(used|damage~|scratch~|dent~|rust~|wear|worn|broken|missing|repair~|fix~|condition|warranty|refurbish~|older|outdated|small|smaller|tiny|cramped|comps|blue book|market value|worth|brand new|not new|new one|across the street|elsewhere|online|retail)",
];

/** Reasons that make an offer a price objection on their own. */
const STRONG_REASON = compileAny([...EN_VALUE_ARGUMENT, ...HARDSHIP]);
/** …and the wider set that keeps a grumble-plus-offer a price objection. */
const ANY_REASON = compileAny([...EN_VALUE_ARGUMENT, ...HARDSHIP, ...ARGUMENT]);
/** The bid cues alone, to tell a bid sentence from other hesitation. */
const BID = compileAny(EN_BID);

/** What one customer turn says about negotiation, computed once per turn. */
export interface NegotiationReading {
  /** The turn makes an offer or asks for a lower price. */
  negotiates: boolean;
  /** …and gives a reason the price is a problem (the wider set, for price cues). */
  anyReason: boolean;
  /** …and offers a trade or asks for extras: a bid even with a reason. */
  trade: boolean;
  /** …and a strong reason (hardship or the item's value), which turns a bare bid into price. */
  strongReason: boolean;
}

/**
 * Read a normalised customer turn for negotiation.
 * @example readNegotiation("that's steep. how about 300?").negotiates // true
 */
export function readNegotiation(turnNorm: string): NegotiationReading {
  const negotiates = NEGOTIATION.test(turnNorm);
  if (!negotiates) return { negotiates, anyReason: false, strongReason: false, trade: false };
  const trade = TRADE.test(turnNorm);
  const strongReason = !trade && STRONG_REASON.test(turnNorm);
  return {
    negotiates,
    trade,
    strongReason,
    anyReason: strongReason || (!trade && ANY_REASON.test(turnNorm)),
  };
}

/**
 * The category of one sentence of a negotiating turn: a price cue without a reason is a bid
 * (`other`); a bid whose turn gives a strong reason is `price`. Everything else is unchanged.
 * @example negotiationCategory("price", "that's steep", readNegotiation("that's steep. how about 300?")) // "other"
 */
export function negotiationCategory(
  category: ObjectionCategory | null,
  sentenceNorm: string,
  reading: NegotiationReading,
): ObjectionCategory | null {
  if (!reading.negotiates) return category;
  if (category === "price" && !reading.anyReason) return "other";
  // A buyer who makes an offer still wants the item: "I don't need the extras, how about 500?"
  // haggles and is no refusal for lack of need.
  if (category === "need") return reading.anyReason ? "price" : "other";
  if (category === "other" && reading.strongReason && BID.test(sentenceNorm)) return "price";
  return category;
}
