/**
 * Whether a database error (or one it wraps: Drizzle wraps driver errors in `cause`) is a unique
 * constraint violation, SQLSTATE 23505 — the same code from postgres.js and PGlite.
 *
 * @example
 * try { await db.insert(users).values(row); } catch (e) { if (isUniqueViolation(e)) throw conflict(); throw e; }
 */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    if (typeof e === "object" && "code" in e && (e as { code: unknown }).code === "23505") return true;
    e = typeof e === "object" && "cause" in e ? (e as { cause: unknown }).cause : undefined;
  }
  return false;
}
