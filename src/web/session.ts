import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Actor } from "../auth/actor.js";
import { hashKey, newId } from "../auth/keys.js";
import { type Database, perDatabase } from "../db/database.js";
import { apiKeys, organizations, users, webSessions } from "../db/schema/index.js";

/**
 * Dashboard sessions. The cookie holds a random token; the database holds only its SHA-256, the
 * user, the organization and the API key the session was made from (null for magic links). The
 * actor a session yields is the same `Actor` the API builds from a key, so every operation applies
 * the same authorization rules to the dashboard as to the API.
 */
export const SESSION_COOKIE = "debrief_session";
/** Absolute lifetime of a dashboard session. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface WebUser {
  actor: Actor;
  sessionId: string;
  name: string;
  email: string;
  orgName: string;
  /** The session's synchronizer token for forms (see csrf.ts). */
  csrf: string;
}

/** A fresh 256-bit token, hex. */
export function randomToken(): string {
  return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Create a session for a user; returns the token to put in the cookie (never stored). */
export async function createSession(
  db: Database,
  input: { orgId: string; userId: string; apiKeyId: string | null; now: Date },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = randomToken();
  const id = newId("ws");
  const expiresAt = new Date(input.now.getTime() + SESSION_TTL_MS);
  await db.insert(webSessions).values({
    id,
    tokenHash: hashKey(token),
    orgId: input.orgId,
    userId: input.userId,
    apiKeyId: input.apiKeyId,
    createdAt: input.now,
    expiresAt,
  });
  return { id, token, expiresAt };
}

// Every dashboard request runs this: prepared once per database.
const sessionLookup = perDatabase((db) =>
  db
    .select({
      id: webSessions.id,
      orgId: webSessions.orgId,
      userId: webSessions.userId,
      apiKeyId: webSessions.apiKeyId,
      role: users.role,
      name: users.name,
      email: users.email,
      operator: users.isOperator,
      orgName: organizations.name,
    })
    .from(webSessions)
    .innerJoin(users, eq(users.id, webSessions.userId))
    .innerJoin(organizations, eq(organizations.id, webSessions.orgId))
    .leftJoin(apiKeys, eq(apiKeys.id, webSessions.apiKeyId))
    .where(
      and(
        eq(webSessions.tokenHash, sql.placeholder("hash")),
        isNull(webSessions.revokedAt),
        gt(webSessions.expiresAt, sql.placeholder("now")),
        // A session made from an API key ends when the key is revoked.
        or(isNull(webSessions.apiKeyId), isNull(apiKeys.revokedAt)),
      ),
    )
    .limit(1)
    .prepare("web_session_lookup"),
);

/** The signed-in user for a session token, or null (unknown, expired, signed out, key revoked). */
export async function loadSession(
  db: Database,
  token: string,
  now: Date,
  csrfFor: (token: string) => string,
): Promise<WebUser | null> {
  if (!/^[0-9a-f]{64}$/.test(token)) return null;
  const [row] = await sessionLookup(db).execute({ hash: hashKey(token), now: now.toISOString() }); // postgres-js binds strings, not Dates, in prepared placeholders
  if (!row) return null;
  return {
    actor: {
      orgId: row.orgId,
      userId: row.userId,
      role: row.role,
      // Rate limits and audit key off this: the originating key, or the session itself.
      keyId: row.apiKeyId ?? row.id,
      operator: row.operator && row.role === "admin",
    },
    sessionId: row.id,
    name: row.name,
    email: row.email,
    orgName: row.orgName,
    csrf: csrfFor(token),
  };
}

/** End a session (sign-out). */
export async function revokeSession(db: Database, sessionId: string, now: Date): Promise<void> {
  await db
    .update(webSessions)
    .set({ revokedAt: now })
    .where(and(eq(webSessions.id, sessionId), isNull(webSessions.revokedAt)));
}

/** Cookies are Secure everywhere but on a loopback address (local development over plain HTTP). */
export function isLocalRequest(c: Context): boolean {
  const host = new URL(c.req.url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host.endsWith(".localhost");
}

export function setSessionCookie(c: Context, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: !isLocalRequest(c),
    sameSite: "Lax",
    path: "/",
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: !isLocalRequest(c) });
}

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}
