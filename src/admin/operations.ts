import { and, asc, count, eq, inArray, isNull, or } from "drizzle-orm";
import { requireRole } from "../auth/actor.js";
import { generateApiKey, hashKey, keyStart, newId } from "../auth/keys.js";
import type { OperationCtx } from "../context.js";
import type { Database } from "../db/database.js";
import { isUniqueViolation } from "../db/errors.js";
import { type ApiKey, apiKeys, organizations, type User, type UserRole, users } from "../db/schema/index.js";
import { DebriefError } from "../errors.js";

/**
 * Organizations, users and API keys: operation functions shared by the HTTP API and the CLI.
 * Every query is scoped to the actor's organization; the CLI acts as the org's admin.
 */
export type AdminCtx = OperationCtx;

export interface CreatedKey {
  id: string;
  /** The only time the key is ever shown. */
  key: string;
  start: string;
  userId: string;
  name: string;
}

async function insertKey(
  db: Database,
  orgId: string,
  userId: string,
  name: string,
  key = generateApiKey(),
): Promise<CreatedKey> {
  const id = newId("key");
  await db.insert(apiKeys).values({ id, orgId, userId, name, start: keyStart(key), hash: hashKey(key) });
  return { id, key, start: keyStart(key), userId, name };
}

/**
 * A new organization with its first admin and that admin's key. Operators only (or the CLI).
 *
 * @example
 * const { orgId, adminUserId, key } = await createOrganization(db, { name: "Acme", adminEmail: "ops@acme.test" });
 */
export async function createOrganization(
  db: Database,
  input: { name: string; adminEmail: string; adminName?: string; operator?: boolean; adminKey?: string },
): Promise<{ orgId: string; adminUserId: string; key: CreatedKey }> {
  return db.transaction(async (tx) => {
    const orgId = newId("org");
    await tx
      .insert(organizations)
      .values({ id: orgId, name: input.name, isOperator: input.operator ?? false });
    const adminUserId = newId("user");
    await tx.insert(users).values({
      id: adminUserId,
      orgId,
      email: input.adminEmail.toLowerCase(),
      name: input.adminName ?? "Admin",
      role: "admin",
      // Operator rights belong to this one user (bootstrap), never to the organization's admins.
      isOperator: input.operator ?? false,
    });
    const key = await insertKey(tx, orgId, adminUserId, "initial admin key", input.adminKey);
    return { orgId, adminUserId, key };
  });
}

/**
 * Databases bootstrapped before operator rights moved from the organization to its bootstrap user:
 * make that user (admin@debrief.local, an admin of the operator organization) the operator. Runs on
 * every start; does nothing once any user is an operator.
 */
export async function backfillOperatorUser(db: Database): Promise<number> {
  const [any] = await db.select({ id: users.id }).from(users).where(eq(users.isOperator, true)).limit(1);
  if (any) return 0;
  const operatorOrgs = db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.isOperator, true));
  const updated = await db
    .update(users)
    .set({ isOperator: true })
    .where(
      and(
        eq(users.email, BOOTSTRAP_ADMIN_EMAIL),
        eq(users.role, "admin"),
        inArray(users.orgId, operatorOrgs),
      ),
    )
    .returning({ id: users.id });
  return updated.length;
}

const BOOTSTRAP_ADMIN_EMAIL = "admin@debrief.local";

export async function createOrganizationAs(
  ctx: AdminCtx,
  input: { name: string; adminEmail: string; adminName?: string },
) {
  if (!ctx.actor.operator) {
    throw new DebriefError(
      "auth.forbidden",
      "only the instance's operator (the admin created at first start) can create organizations",
    );
  }
  return createOrganization(ctx.services.db, input);
}

export async function createUser(
  ctx: AdminCtx,
  input: { email: string; name: string; role: UserRole },
): Promise<User> {
  requireRole(ctx.actor, "admin");
  const email = input.email.toLowerCase();
  try {
    // The unique index decides (a check first would race with a concurrent create).
    const [user] = await ctx.services.db
      .insert(users)
      .values({ id: newId("user"), orgId: ctx.actor.orgId, email, name: input.name, role: input.role })
      .returning();
    return user!;
  } catch (err) {
    if (isUniqueViolation(err))
      throw new DebriefError("conflict", `a user with email ${email} already exists in this organization`);
    throw err;
  }
}

export async function listUsers(ctx: AdminCtx): Promise<User[]> {
  requireRole(ctx.actor, "admin", "manager");
  return ctx.services.db
    .select()
    .from(users)
    .where(eq(users.orgId, ctx.actor.orgId))
    .orderBy(asc(users.createdAt), asc(users.id));
}

/** Admins create keys for anyone in their org; everyone else only for themselves. */
export async function createKey(
  ctx: AdminCtx,
  input: { userId?: string; name: string },
): Promise<CreatedKey> {
  const userId = input.userId ?? ctx.actor.userId;
  if (userId !== ctx.actor.userId) requireRole(ctx.actor, "admin");
  const owner = await ctx.services.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.orgId, ctx.actor.orgId)));
  if (owner.length === 0) throw new DebriefError("not_found", `no user ${userId} in this organization`);
  // A cap on active keys: keys are cheap to mint, and each one used to be its own rate limit.
  const cap = ctx.services.config.DEBRIEF_MAX_KEYS_PER_USER;
  const [active] = await ctx.services.db
    .select({ n: count() })
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)));
  if ((active?.n ?? 0) >= cap)
    throw new DebriefError(
      "conflict",
      `a user may hold at most ${cap} active API keys (DEBRIEF_MAX_KEYS_PER_USER); revoke one first`,
    );
  return insertKey(ctx.services.db, ctx.actor.orgId, userId, input.name);
}

export type KeyInfo = Omit<ApiKey, "hash">;

export async function listKeys(ctx: AdminCtx): Promise<KeyInfo[]> {
  const scope =
    ctx.actor.role === "admin"
      ? eq(apiKeys.orgId, ctx.actor.orgId)
      : and(eq(apiKeys.orgId, ctx.actor.orgId), eq(apiKeys.userId, ctx.actor.userId));
  const rows = await ctx.services.db
    .select()
    .from(apiKeys)
    .where(scope)
    .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
  return rows.map(({ hash: _hash, ...rest }) => rest);
}

/** Revoke a key (idempotent). Admins revoke any key of their org, others only their own. */
export async function revokeKey(ctx: AdminCtx, keyId: string, now: Date): Promise<KeyInfo> {
  const [row] = await ctx.services.db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.orgId, ctx.actor.orgId)));
  if (!row || (ctx.actor.role !== "admin" && row.userId !== ctx.actor.userId)) {
    throw new DebriefError("not_found", `no API key ${keyId} in this organization`);
  }
  if (!row.revokedAt) {
    await ctx.services.db
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)));
    row.revokedAt = now;
  }
  const { hash: _hash, ...info } = row;
  return info;
}

/**
 * First start on an empty database: create the operator organization and its admin, whose key is
 * DEBRIEF_ADMIN_KEY when set, else a generated one (returned so the caller prints it once).
 * Returns null when the database already has an organization.
 */
export async function bootstrap(
  db: Database,
  input: { adminKey?: string | undefined; orgName?: string },
): Promise<{ orgId: string; adminUserId: string; key: string; generated: boolean } | null> {
  const any = await db.select({ id: organizations.id }).from(organizations).limit(1);
  if (any.length > 0) return null;
  const created = await createOrganization(db, {
    name: input.orgName ?? "Debrief",
    adminEmail: BOOTSTRAP_ADMIN_EMAIL,
    adminName: "Administrator",
    operator: true,
    ...(input.adminKey ? { adminKey: input.adminKey } : {}),
  });
  return {
    orgId: created.orgId,
    adminUserId: created.adminUserId,
    key: created.key.key,
    generated: !input.adminKey,
  };
}

/**
 * Every organization (operators only: the CLI).
 *
 * @example
 * const orgs = await listOrganizations(ctx); // oldest first
 */
export async function listOrganizations(ctx: AdminCtx) {
  if (!ctx.actor.operator) throw new DebriefError("auth.forbidden", "only operators can list organizations");
  return ctx.services.db
    .select()
    .from(organizations)
    .orderBy(asc(organizations.createdAt), asc(organizations.id));
}

/** A user of the actor's organization by id or e-mail. */
export async function findUser(ctx: AdminCtx, idOrEmail: string): Promise<User> {
  requireRole(ctx.actor, "admin", "manager");
  const [user] = await ctx.services.db
    .select()
    .from(users)
    .where(
      and(
        eq(users.orgId, ctx.actor.orgId),
        or(eq(users.id, idOrEmail), eq(users.email, idOrEmail.toLowerCase())),
      ),
    );
  if (!user) throw new DebriefError("not_found", `no user '${idOrEmail}' in organization ${ctx.actor.orgId}`);
  return user;
}

/** The organization an API key belongs to (operators only: the CLI revokes keys by id alone). */
export async function organizationOfKey(ctx: AdminCtx, keyId: string): Promise<string> {
  if (!ctx.actor.operator)
    throw new DebriefError("auth.forbidden", "only operators can look keys up across organizations");
  const [row] = await ctx.services.db
    .select({ orgId: apiKeys.orgId })
    .from(apiKeys)
    .where(eq(apiKeys.id, keyId));
  if (!row) throw new DebriefError("not_found", `no API key ${keyId}`);
  return row.orgId;
}
