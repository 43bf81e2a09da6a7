/**
 * Transcript texts an upload leaves on the thread that analysed it, for the call's coach job: when
 * every CPU task runs on one thread (inline, or a pool of one thread), the job finds the text here
 * and neither reads it back from the database (PostgreSQL renders a 350 KB jsonb as text, the
 * driver decodes it) nor sends it across to the thread. Bounded in count, size and age; a text not
 * found (evicted, another process, a restart) is read from the database as before. Each text is
 * taken once, under a random token that only the upload's own coach job carries.
 */

/** At most this many texts are kept… */
export const MAX_RETAINED_TEXTS = 64;
/** …of at most this many characters together… */
export const MAX_RETAINED_CHARS = 48_000_000;
/** …each at most this long (a longer one is not kept)… */
export const MAX_RETAINED_TEXT_CHARS = 4_000_000;
/** …for at most this long (ms). */
export const RETAINED_TTL_MS = 120_000;

interface Entry {
  text: string;
  at: number;
}

const kept = new Map<string, Entry>();
let chars = 0;

function drop(token: string, entry: Entry): void {
  kept.delete(token);
  chars -= entry.text.length;
}

/** Drops the oldest texts until the bounds hold; `now`: also those past their age. */
function evict(now: number): void {
  for (const [token, entry] of kept) {
    const over = kept.size > MAX_RETAINED_TEXTS || chars > MAX_RETAINED_CHARS;
    if (!over && now - entry.at <= RETAINED_TTL_MS) return;
    drop(token, entry);
  }
}

/**
 * Keep `text` on this thread; the token to take it with, or null when it is too long to keep.
 *
 * @example
 * const token = retainText(transcriptJson); // "3b6f…" (stored in the coach job's payload)
 */
export function retainText(text: string, now: number = Date.now()): string | null {
  if (text.length > MAX_RETAINED_TEXT_CHARS) return null;
  const token = crypto.randomUUID();
  kept.set(token, { text, at: now });
  chars += text.length;
  evict(now);
  return token;
}

/**
 * The text kept under `token`, removed from this thread; undefined when it is not here.
 *
 * @example
 * takeText(token) ?? (await readFromDatabase())
 */
export function takeText(token: string, now: number = Date.now()): string | undefined {
  evict(now);
  const entry = kept.get(token);
  if (!entry) return undefined;
  drop(token, entry);
  return entry.text;
}

/** How many texts and characters this thread keeps (tests). */
export function retainedSize(): { texts: number; chars: number } {
  return { texts: kept.size, chars };
}
