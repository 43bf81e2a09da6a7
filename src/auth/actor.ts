import { and, eq, isNull, sql } from "drizzle-orm";
import { type Database, perDatabase } from "../db/database.js";
import { apiKeys, type UserRole, users } from "../db/schema/index.js";
import { DebriefError } from "../errors.js";
import { hashKey } from "./keys.js";

/** Who is calling: resolved from the API key on every request. */
export interface Actor {
  orgId: string;
  userId: string;
  role: UserRole;
  keyId: string;
  /** The instance's operator (the user created at bootstrap): may create organizations. */
  operator: boolean;
}

// Every request runs this: prepared once per database.
const keyLookup = perDatabase((db) =>
  db
    .select({
      keyId: apiKeys.id,
      orgId: apiKeys.orgId,
      userId: apiKeys.userId,
      role: users.role,
      lastUsedAt: apiKeys.lastUsedAt,
      operator: users.isOperator,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.hash, sql.placeholder("hash")), isNull(apiKeys.revokedAt)))
    .limit(1)
    .prepare("auth_key_lookup"),
);

/** Minimum interval between `last_used_at` writes, so reads stay reads. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolve a bearer key to its actor; `null` for unknown or revoked keys.
 *
 * @example
 * const actor = await authenticate(db, "dbf_…", new Date());
 */
export async function authenticate(db: Database, key: string, now: Date): Promise<Actor | null> {
  const rows = await keyLookup(db).execute({ hash: hashKey(key) });
  const row = rows[0];
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.keyId));
  }
  return {
    orgId: row.orgId,
    userId: row.userId,
    role: row.role,
    keyId: row.keyId,
    operator: row.operator && row.role === "admin",
  };
}

/** Throws 403 unless the actor has one of `roles`. */
export function requireRole(actor: Actor, ...roles: UserRole[]): void {
  if (!roles.includes(actor.role)) {
    throw new DebriefError(
      "auth.forbidden",
      `this needs the ${roles.join(" or ")} role; your key's user is a ${actor.role}`,
    );
  }
}
