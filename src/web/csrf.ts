import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { hashKey } from "../auth/keys.js";
import { isLocalRequest, randomToken } from "./session.js";

/**
 * CSRF protection for every dashboard form.
 *
 * - Signed-in forms carry a synchronizer token bound to the session: SHA-256 of a fixed label and
 *   the session token. Only a page holding the session cookie's value (our server) can compute it;
 *   nothing extra is stored, and it changes with every session.
 * - Signed-out forms (sign-in, magic links) use a double-submit token: a random value both in an
 *   HttpOnly SameSite=Strict cookie and in the form; a cross-site form cannot read or set the cookie.
 *
 * A missing or wrong token is refused with 403 before the action runs.
 */
export const CSRF_FIELD = "csrf";
export const CSRF_HEADER = "x-csrf-token";
const PRE_SESSION_COOKIE = "debrief_csrf";

/** The synchronizer token of a session token. */
export function sessionCsrfToken(sessionToken: string): string {
  return hashKey(`debrief-csrf:${sessionToken}`);
}

/** Constant-time string comparison (both sides are hex of equal length when valid). */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The signed-out form token: the cookie's value, set when missing. */
export function preSessionCsrfToken(c: Context): string {
  const existing = getCookie(c, PRE_SESSION_COOKIE);
  if (existing && /^[0-9a-f]{64}$/.test(existing)) return existing;
  const token = randomToken();
  setCookie(c, PRE_SESSION_COOKIE, token, {
    httpOnly: true,
    secure: !isLocalRequest(c),
    sameSite: "Strict",
    path: "/",
  });
  return token;
}

/** Does a signed-out form's token match its cookie? */
export function checkPreSessionCsrf(c: Context, given: unknown): boolean {
  const cookie = getCookie(c, PRE_SESSION_COOKIE);
  return typeof given === "string" && !!cookie && /^[0-9a-f]{64}$/.test(cookie) && safeEqual(given, cookie);
}
