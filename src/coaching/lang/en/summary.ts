/**
 * English word lists of the rules summary (next steps, competitors), as regular-expression
 * alternations where the rules build patterns from them.
 */

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
