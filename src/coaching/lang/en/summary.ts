/**
 * English patterns of the rules summary (next steps with their dates, CRM fields).
 */
import type { SummaryRules } from "../types.js";

/** Hours people say: "at two", "at 10:30", "noon". */
export const TIME_NUMBERS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midday|\\d{1,2}(?::\\d{2})?";

/** Weekday names and abbreviations, lower case. */
export const WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri";

/** Month names and abbreviations, lower case. */
export const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";

/** Capitalised words that follow "use"/"switch to"… but are not products (pronouns, dates, generic tools). */
export const NOT_PRODUCTS: readonly string[] = `
  I We You They He She It The A An This That Our My Your Their Monday Tuesday Wednesday Thursday
  Friday Saturday Sunday January February March April May June July August September October November
  December Android iOS Excel Google Microsoft Teams Zoom Slack Word PDF SMS IT`
  .trim()
  .split(/\s+/);

export const SUMMARY: SummaryRules = {
  due: new RegExp(
    [
      `\\b(?:(?:by|on|before|until|next|this|from)\\s+)?(?:${WEEKDAYS})\\b(?:\\s+(?:morning|afternoon|evening))?(?:\\s+(?:at\\s+)?(?:${TIME_NUMBERS})(?:\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|o'clock|thirty|fifteen|forty-five))?)?`,
      `\\b(?:by\\s+|before\\s+|on\\s+)?(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:day|week|month|quarter|year|${MONTHS})\\b`,
      `\\b(?:by\\s+)?(?:eod|eow|eom)\\b`,
      `\\b(?:by\\s+|on\\s+)?(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`,
      `\\b(?:by\\s+|on\\s+)?(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b`,
      `\\b\\d{4}-\\d{2}-\\d{2}\\b`,
      `\\b(?:next|this)\\s+(?:week|month|quarter)\\b`,
      `\\bin\\s+(?:a|one|two|three|four|a couple of|\\d+)\\s+(?:days?|weeks?|months?)\\b`,
      `\\b(?:today|tomorrow|tonight|after the call|later today|this afternoon|this morning)\\b`,
    ].join("|"),
    "iu",
  ),
  dueLead: /^(?:(?:by|on|before|until|next|this|from)\s+)+/iu,
  dueHasTime: /\d|at\s/i,
  commitSelf: [
    /\b(?:i'll|i’ll|i will|i'm going to|i’m going to|i can|let me)\s+(?:also\s+|then\s+|just\s+)?(?:send|share|book|schedule|set up|follow up|email|get|put together|loop|intro|introduce|invite|draft|circle back|check|call|prepare|confirm|forward|write up|reach out)\b/iu,
    /\b(?:we'll|we’ll|we will|we're going to|we’re going to|let's|let’s|let us)\s+(?:also\s+|then\s+)?(?:book|schedule|set up|get|meet|talk|reconvene|loop|regroup|send|review|plan|start|run|do|follow up|circle back|sync|reconnect|pick|aim|go)\b/iu,
  ],
  commitOther:
    /\b(?:you'll|you’ll|you will|can you|could you|would you mind)\s+(?:also\s+|please\s+)?(?:send|share|check|confirm|loop|get|talk|forward|invite|intro|introduce|book)\b/iu,
  nextStepLead: /\bnext steps?\s+(?:is|are|would be|will be)\b/iu,
  named:
    /\b([A-Z][a-z]+)\s+(?:will|is going to|'ll|’ll)\s+(?:send|share|book|schedule|set up|confirm|check|review|join|get|follow up|loop)\b/u,
  notNames: /^(?:i|we|you|it|that|this|there)$/i,
  commitSplits: [
    /,?\s+(?:and|then)\s+(?=(?:i'll|i’ll|i will|we'll|we’ll|let's|let’s|i can)\b)/iu,
    /,?\s+and\s+(?=\p{Lu}\p{Ll}+\s+(?:will|is going to)\s)/u,
  ],
  clauseSplit: /(?:,\s*(?:and|but|so|then)\s+|;\s*)/iu,
  meeting: /\b(?:book|schedule|meet|meeting|call|invite|demo|review|pilot|workshop|session)\b/iu,
  painStrong:
    /\b(?:problems?|issues?|struggl\w*|painful|manual(?:ly)?|by hand|spreadsheets?|late|lose|losing|lost|penalt\w*|frustrat\w*|errors?|mistakes?|churn\w*|takes? hours|wasted?)\b|excel/giu,
  painWeak:
    /\b(?:hard|difficult|whiteboard|delays?|delayed|credits?|paid|cost(?:s|ing)?|worr\w*|risk|slow|behind|drop(?:ped|s)?|complain\w*|flagged|longer hours|redo|bad day)\b/giu,
  number: /\d|\b(?:percent|hours?|dollars?|thousand|million|hundred|twice|half)\b/iu,
  decisionCue:
    /\b(?:decide|decides|decision|decisions|sign(?:s)? off|sign-off|approve|approves|approval|final say|budget|weigh in|confirm|needs? to see|show the|asking|buy-in|veto)\b/iu,
  titles: [
    /\b(the board|my boss|my manager|our owner|the owner|the founder|(?:our|the|my)\s+(?:VP|vice president|head|director|chief)\s+of\s+[A-Za-z]+|(?:our|the|my)\s+(?:finance|procurement|legal|IT|security|purchasing)\s+(?:team|department))\b/gi,
  ],
  roleName:
    /\b(?:[Oo]ur|[Mm]y|[Tt]he)\s+((?:[A-Za-z]+\s+){0,2}(?:lead|manager|director|head|VP|owner|officer|controller|architect))\s*,\s*([A-Z][a-z]+)\b/g,
  namedDecider:
    /\b([A-Z][a-z]+)\s+(?:would|will|has to|needs to|must|should)\s+(?:have to\s+)?(?:sign off|decide|approve|confirm|sign)\b/u,
  competitorCue:
    /\b(?:use|uses|using|used|tried|trying|trial of|pilot of|switch(?:ing|ed)? (?:from|to)|mov(?:e|ed|ing) (?:from|to)|compared to|comparing|versus|vs\.?|looked at|looking at|evaluat(?:e|ed|ing)|demo(?:ed)? of|replac(?:e|ed|ing))\s+((?:[A-Z][\p{L}\p{N}.&+-]*)(?:\s+[A-Z][\p{L}\p{N}.&+-]*){0,2})/gu,
  notProducts: NOT_PRODUCTS,
  money:
    /[$€£₽¥]\s?\d|\d\s?(?:k|m)\b|\b(?:dollars?|euros?|pounds|bucks|thousand|million|per seat|per user|per month|a year)\b/iu,
  budget: /\b(?:budget|budgeted|spend|funding|price range|set aside|allocated)\b/iu,
  budgetVerb: /\b(?:pay|spend|budget|afford|cost|price|invest|approv)\w*/iu,
  notBudget: /\b(?:credit|penalt\w*|lose|lost|fine)\b/iu,
  deadline:
    /\b(?:deadline|renewal|renews|go[- ]live|launch|rollout|roll out|cut-?over|due|expires?|contract ends|until|by then|before)\b/iu,
  date: new RegExp(
    `\\b(?:${MONTHS}|q[1-4]|quarter|next year|this year|end of (?:the )?(?:year|month|quarter)|\\d{4})\\b`,
    "iu",
  ),
  invitation:
    /^(?:[\p{L}]+,\s*)?(?:walk me through|tell me|talk me through|help me understand|describe|explain)\b/iu,
};
