/**
 * Timestamp parsing shared by the line-based formats (WebVTT, SRT, plain text).
 * Hand-written instead of a regex so that adversarial input stays linear and the error
 * reporting can say exactly which token was wrong.
 */

/** Longest integer component we accept; keeps every result a finite, exactly representable number. */
const MAX_INT_DIGITS = 9;
/** Longest fractional part we accept ("5.123456789"). */
const MAX_FRACTION_DIGITS = 9;

function isDigits(s: string, max: number): boolean {
  if (s.length === 0 || s.length > max) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Parses a clock timestamp into seconds, or returns `null` when `token` is not one.
 *
 * Accepts `hh:mm:ss(.fff)`, `mm:ss(.fff)`, unpadded components (`0:0:5.320`) and `,` as the
 * decimal separator (SRT style). When a higher unit is present, minutes and seconds must be
 * below 60; the leading component is unbounded so `75:12` (minutes) works for long calls.
 *
 * @example
 * parseTimestamp("00:01:05.320"); // 65.32
 * parseTimestamp("0:0:5,5");      // 5.5
 * parseTimestamp("1:05");         // 65
 * parseTimestamp("00:61:00.000"); // null (61 minutes)
 */
export function parseTimestamp(token: string): number | null {
  const parts = token.split(":");
  if (parts.length < 2 || parts.length > 3) return null;
  const last = parts[parts.length - 1] ?? "";
  let sep = last.indexOf(".");
  if (sep === -1) sep = last.indexOf(",");
  const secPart = sep === -1 ? last : last.slice(0, sep);
  const fraction = sep === -1 ? "" : last.slice(sep + 1);
  if (!isDigits(secPart, MAX_INT_DIGITS)) return null;
  if (sep !== -1 && !isDigits(fraction, MAX_FRACTION_DIGITS)) return null;
  const secs = Number(secPart);
  if (secs >= 60) return null;
  let whole = secs;
  if (parts.length === 3) {
    const [h = "", m = ""] = parts;
    if (!isDigits(h, MAX_INT_DIGITS) || !isDigits(m, MAX_INT_DIGITS)) return null;
    const minutes = Number(m);
    if (minutes >= 60) return null;
    whole += Number(h) * 3600 + minutes * 60;
  } else {
    const m = parts[0] ?? "";
    if (!isDigits(m, MAX_INT_DIGITS)) return null;
    whole += Number(m) * 60;
  }
  // Going through the decimal string gives the correctly rounded double ("5.32" → 5.32),
  // which `whole + fraction / 1000` does not always do.
  return fraction === "" ? whole : Number(`${whole}.${fraction}`);
}

/**
 * Formats seconds as `hh:mm:ss.mmm` (used in error messages and tests).
 *
 * @example
 * formatTimestamp(65.32); // "00:01:05.320"
 */
export function formatTimestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const f = ms % 1000;
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(f, 3)}`;
}
