import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { requireRole } from "../auth/actor.js";
import { newId } from "../auth/keys.js";
import type { Playbook } from "../coaching/contract.js";
import { BUILTIN_DEFAULT_PLAYBOOK, loadDefaultPlaybooks } from "../coaching/playbook/builtins.js";
import { parsePlaybook } from "../coaching/playbook/parse.js";
import type { OperationCtx } from "../context.js";
import type { Database } from "../db/database.js";
import { playbooks } from "../db/schema/index.js";
import { DebriefError } from "../errors.js";

export { BUILTIN_DEFAULT_PLAYBOOK };

/**
 * The playbook to judge a call against: the call's choice (an org playbook, else a built-in one
 * with that id), else the organization's default, else the built-in discovery playbook.
 */
export async function resolvePlaybook(db: Database, orgId: string, slug: string | null): Promise<Playbook> {
  const [own] = await db
    .select({ definition: playbooks.definition })
    .from(playbooks)
    .where(and(eq(playbooks.orgId, orgId), slug ? eq(playbooks.slug, slug) : eq(playbooks.isDefault, true)));
  return choosePlaybook(slug, own?.definition ?? null);
}

/**
 * `resolvePlaybook`'s look-up of the organization's own candidate as a subquery, for a caller that
 * reads it in the same statement as the call (the `coach` job): the playbook with the call's slug,
 * or the default when the call names none; its definition as JSON text, or null. Pass the result,
 * parsed, to `choosePlaybook`.
 */
export function ownPlaybookCandidate(orgId: AnyPgColumn, slug: AnyPgColumn): SQL<string | null> {
  return sql<string | null>`(select ${playbooks.definition}::text from ${playbooks}
    where ${playbooks.orgId} = ${orgId} and case when ${slug} is null
    then ${playbooks.isDefault} else ${playbooks.slug} = ${slug} end)`;
}

/**
 * `resolvePlaybook` once the organization's own candidate is known (`own`: its playbook with
 * `slug`, or its default when there is no slug; null when it has none) — for a caller that reads
 * that candidate with other data in one statement (the `coach` job).
 */
export function choosePlaybook(slug: string | null, own: Playbook | null): Playbook {
  if (own) return own;
  const builtins = loadDefaultPlaybooks();
  if (slug) {
    const builtin = builtins.find((p) => p.id === slug);
    if (builtin) return builtin;
    throw new DebriefError("not_found", `no playbook '${slug}' in this organization`);
  }
  const fallback = builtins.find((p) => p.id === BUILTIN_DEFAULT_PLAYBOOK) ?? builtins[0];
  if (!fallback) throw new DebriefError("internal", "no built-in playbooks are available");
  return fallback;
}

/** Whether `slug` names a playbook of the organization or a built-in one. */
export async function playbookExists(db: Database, orgId: string, slug: string): Promise<boolean> {
  if (loadDefaultPlaybooks().some((p) => p.id === slug)) return true;
  const own = await db
    .select({ slug: playbooks.slug })
    .from(playbooks)
    .where(and(eq(playbooks.orgId, orgId), eq(playbooks.slug, slug)));
  return own.length > 0;
}

/** A playbook as the API lists it. */
export interface PlaybookEntry {
  id: string;
  name: string;
  stage: string;
  version: string;
  /** Shipped with Debrief (fixtures/playbooks) rather than defined by the organization. */
  builtin: boolean;
  isDefault: boolean;
  definition: Playbook;
}

export type PlaybookCtx = OperationCtx;

/** The organization's playbooks, then the built-in ones it has not overridden. */
export async function listPlaybooks(ctx: PlaybookCtx): Promise<PlaybookEntry[]> {
  const own = await ctx.services.db
    .select()
    .from(playbooks)
    .where(eq(playbooks.orgId, ctx.actor.orgId))
    .orderBy(asc(playbooks.slug));
  const hasDefault = own.some((p) => p.isDefault);
  const entries: PlaybookEntry[] = own.map((p) => entry(p.definition, false, p.isDefault));
  for (const b of loadDefaultPlaybooks()) {
    if (!own.some((p) => p.slug === b.id))
      entries.push(entry(b, true, !hasDefault && b.id === BUILTIN_DEFAULT_PLAYBOOK));
  }
  return entries;
}

export async function getPlaybook(ctx: PlaybookCtx, slug: string): Promise<PlaybookEntry> {
  const found = (await listPlaybooks(ctx)).find((p) => p.id === slug);
  if (!found) throw new DebriefError("not_found", `no playbook '${slug}'`);
  return found;
}

/**
 * Create or replace a playbook from its YAML or JSON text (managers and admins). The id in the
 * path must be the definition's id; an organization's playbook overrides a built-in one of that id.
 */
export async function putPlaybook(
  ctx: PlaybookCtx,
  slug: string,
  text: string,
  now: Date,
): Promise<PlaybookEntry> {
  requireRole(ctx.actor, "admin", "manager");
  const definition = parsePlaybook(text, `playbook '${slug}'`);
  if (definition.id !== slug) {
    throw new DebriefError(
      "validation_failed",
      `id: the definition's id '${definition.id}' differs from '${slug}' in the path`,
      {
        details: { errors: [{ path: "id", message: `must be '${slug}'` }] },
      },
    );
  }
  const [row] = await ctx.services.db
    .insert(playbooks)
    .values({ id: newId("pb"), orgId: ctx.actor.orgId, slug, definition, updatedAt: now })
    .onConflictDoUpdate({ target: [playbooks.orgId, playbooks.slug], set: { definition, updatedAt: now } })
    .returning();
  return entry(row!.definition, false, row!.isDefault);
}

export async function deletePlaybook(ctx: PlaybookCtx, slug: string): Promise<void> {
  requireRole(ctx.actor, "admin", "manager");
  const gone = await ctx.services.db
    .delete(playbooks)
    .where(and(eq(playbooks.orgId, ctx.actor.orgId), eq(playbooks.slug, slug)))
    .returning({ id: playbooks.id });
  if (gone.length === 0)
    throw new DebriefError("not_found", `no playbook '${slug}' defined by this organization`);
}

/** Make a playbook the organization's default (a built-in one is copied into the organization). */
export async function setDefaultPlaybook(ctx: PlaybookCtx, slug: string, now: Date): Promise<PlaybookEntry> {
  requireRole(ctx.actor, "admin", "manager");
  const target = await getPlaybook(ctx, slug);
  return ctx.services.db.transaction(async (tx) => {
    await tx
      .update(playbooks)
      .set({ isDefault: false, updatedAt: now })
      .where(and(eq(playbooks.orgId, ctx.actor.orgId), eq(playbooks.isDefault, true)));
    const [row] = await tx
      .insert(playbooks)
      .values({
        id: newId("pb"),
        orgId: ctx.actor.orgId,
        slug,
        definition: target.definition,
        isDefault: true,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [playbooks.orgId, playbooks.slug],
        set: { isDefault: true, updatedAt: now },
      })
      .returning();
    return entry(row!.definition, target.builtin, true);
  });
}

function entry(p: Playbook, builtin: boolean, isDefault: boolean): PlaybookEntry {
  return { id: p.id, name: p.name, stage: p.stage, version: p.version, builtin, isDefault, definition: p };
}
