/** Escaping and small formatting shared by the Markdown and HTML renderers. Pure. */

/** HTML text and attribute escaping (user content: titles, names, quotes from transcripts). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Markdown escaping for user content in tables and lines: the characters that start formatting,
 * links or HTML, pipes (table cells) and newlines.
 */
export function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, " ");
}

export const pct = (v: number | null): string => (v === null ? "—" : `${(v * 100).toFixed(0)}%`);

/** 75 → "1:15". */
export function clockOf(sec: number | null): string {
  if (sec === null) return "—";
  const s = Math.round(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** `n calls` with the right plural. */
export const calls = (n: number): string => `${n} call${n === 1 ? "" : "s"}`;

/** A signed relative change: 0.25 → "+25%". */
export const change = (v: number): string => `${v >= 0 ? "+" : "−"}${Math.abs(v * 100).toFixed(0)}%`;

/** "none raised" → "None raised". */
export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
