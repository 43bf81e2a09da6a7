import { and, count, eq, gt, isNull } from "drizzle-orm";
import { hashKey, newId } from "../auth/keys.js";
import type { Database } from "../db/database.js";
import { magicLinks, users } from "../db/schema/index.js";
import type { Logger } from "../services.js";
import { randomToken } from "./session.js";

/** An e-mail to send (plain text). */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/** How the dashboard sends mail (magic links). Plug in SMTP or an e-mail API at the composition root. */
export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

/**
 * The default on a machine without mail: the message (with its sign-in link) goes to the log at
 * info level, so whoever runs the server can copy the link. Meant for local use only.
 */
export function logEmailSender(logger: Logger): EmailSender {
  return {
    async send(message) {
      logger.info("e-mail not sent (no mail transport configured); its content follows", {
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
  };
}

export const MAGIC_LINK_TTL_MS = 15 * 60 * 1000;
/** At most this many links per e-mail address per window. */
export const MAGIC_LINK_MAX_PER_WINDOW = 3;
export const MAGIC_LINK_WINDOW_MS = 15 * 60 * 1000;

/**
 * Send a sign-in link to every account with this e-mail address (one per organization). Unknown
 * addresses, and addresses over the rate limit, get no mail — and the caller answers the same way
 * in every case, so the form does not reveal who has an account.
 */
export async function requestMagicLink(
  deps: { db: Database; email: EmailSender; now: Date; baseUrl: string },
  rawEmail: string,
): Promise<{ sent: number }> {
  const email = rawEmail.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320) return { sent: 0 };
  const { db, now } = deps;
  const [recent] = await db
    .select({ n: count() })
    .from(magicLinks)
    .where(
      and(
        eq(magicLinks.email, email),
        gt(magicLinks.createdAt, new Date(now.getTime() - MAGIC_LINK_WINDOW_MS)),
      ),
    );
  if ((recent?.n ?? 0) >= MAGIC_LINK_MAX_PER_WINDOW) return { sent: 0 };
  const accounts = await db
    .select({ id: users.id, orgId: users.orgId })
    .from(users)
    .where(eq(users.email, email));
  let sent = 0;
  for (const account of accounts) {
    const token = randomToken();
    await db.insert(magicLinks).values({
      id: newId("ml"),
      tokenHash: hashKey(token),
      orgId: account.orgId,
      userId: account.id,
      email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + MAGIC_LINK_TTL_MS),
    });
    const link = `${deps.baseUrl}/login/magic?token=${token}`;
    await deps.email.send({
      to: email,
      subject: "Your Debrief sign-in link",
      text: `Sign in to Debrief: ${link}\n\nThe link works once, within 15 minutes. If you did not ask for it, ignore this e-mail.`,
    });
    sent++;
  }
  return { sent };
}

/**
 * Use a magic link: marks it used (atomically — a second use fails) and returns its account, or
 * null when the token is unknown, used or expired.
 */
export async function consumeMagicLink(
  db: Database,
  token: string,
  now: Date,
): Promise<{ orgId: string; userId: string } | null> {
  if (!/^[0-9a-f]{64}$/.test(token)) return null;
  const [row] = await db
    .update(magicLinks)
    .set({ usedAt: now })
    .where(
      and(eq(magicLinks.tokenHash, hashKey(token)), isNull(magicLinks.usedAt), gt(magicLinks.expiresAt, now)),
    )
    .returning({ orgId: magicLinks.orgId, userId: magicLinks.userId });
  return row ?? null;
}
