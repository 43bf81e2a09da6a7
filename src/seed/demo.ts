import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { type AdminCtx, createUser, listUsers } from "../admin/operations.js";
import type { Actor } from "../auth/actor.js";
import { createTranscriptCall } from "../calls/operations.js";
import { CRM_KINDS } from "../crm/kinds.js";
import { saveCrmRecords } from "../crm/operations.js";
import { USER_ROLES, users } from "../db/schema/index.js";
import { DebriefError } from "../errors.js";
import type { Services } from "../services.js";
import { demoCrm } from "./demo-crm.js";

/**
 * The demo organization: a manifest (`fixtures/demo/manifest.json`) of users and hand-written sales
 * calls, seeded on a fresh install so a newcomer sees real-looking data. Node only (reads files).
 * Every call goes through `createTranscriptCall`, so it is parsed and analysed exactly like an upload.
 */

const STAGES = ["discovery", "demo", "negotiation", "renewal"] as const;
const OUTCOMES = ["won", "lost", "open"] as const;

const DemoUserSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, "a short lowercase key"),
  name: z.string().trim().min(1).max(200),
  email: z.email(),
  role: z.enum(USER_ROLES),
});

const DemoCallSchema = z.object({
  file: z
    .string()
    .regex(/^calls\/[A-Za-z0-9][A-Za-z0-9._-]*\.(?:txt|vtt)$/, "a calls/<name>.txt or calls/<name>.vtt path"),
  title: z.string().trim().min(1).max(300),
  stage: z.enum(STAGES),
  rep: z.string().min(1),
  repSpeaker: z.string().trim().min(1).max(200),
  occurredAt: z.iso.datetime({ offset: true }),
  crm: z.object({
    dealId: z.string().min(1).max(200),
    contactId: z.string().min(1).max(200),
    outcome: z.enum(OUTCOMES),
  }),
});

export const DemoManifestSchema = z
  .object({
    organization: z.object({ name: z.string().trim().min(1).max(200) }),
    users: z.array(DemoUserSchema).min(1),
    calls: z.array(DemoCallSchema),
  })
  .superRefine((m, ctx) => {
    const keys = new Map<string, z.infer<typeof DemoUserSchema>>();
    const emails = new Set<string>();
    m.users.forEach((u, i) => {
      if (keys.has(u.key))
        ctx.addIssue({ code: "custom", path: ["users", i, "key"], message: "duplicate key" });
      keys.set(u.key, u);
      const email = u.email.toLowerCase();
      if (emails.has(email))
        ctx.addIssue({ code: "custom", path: ["users", i, "email"], message: "duplicate email" });
      emails.add(email);
    });
    const files = new Set<string>();
    m.calls.forEach((c, i) => {
      if (files.has(c.file))
        ctx.addIssue({ code: "custom", path: ["calls", i, "file"], message: "duplicate file" });
      files.add(c.file);
      const rep = keys.get(c.rep);
      if (!rep)
        ctx.addIssue({ code: "custom", path: ["calls", i, "rep"], message: `no user with key ${c.rep}` });
      else if (rep.role !== "rep")
        ctx.addIssue({ code: "custom", path: ["calls", i, "rep"], message: `${c.rep} is not a rep` });
    });
  });
export type DemoManifest = z.infer<typeof DemoManifestSchema>;
export type DemoCall = DemoManifest["calls"][number];

/**
 * `fixtures/demo` of the installed package, found by walking up from this module (it sits at
 * `src/seed/` in the repository and `dist/src/seed/` once built).
 */
export function defaultDemoDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "fixtures", "demo");
    if (existsSync(join(candidate, "manifest.json"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new DebriefError("not_found", "fixtures/demo/manifest.json not found next to the Debrief package");
}

/**
 * Read and validate `<dir>/manifest.json`.
 *
 * @example
 * const manifest = await loadDemoManifest(defaultDemoDir());
 * manifest.calls.length // 30
 */
export async function loadDemoManifest(dir: string): Promise<DemoManifest> {
  const path = join(dir, "manifest.json");
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DebriefError("validation_failed", `demo manifest ${path}: ${reason}`);
  }
  const parsed = DemoManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new DebriefError(
      "validation_failed",
      `demo manifest ${path}: ${first ? `${first.path.join(".")}: ${first.message}` : "invalid"}`,
    );
  }
  return parsed.data;
}

/** The transcript text of one manifest call. */
export function readDemoCall(dir: string, call: Pick<DemoCall, "file">): Promise<string> {
  return readFile(resolve(dir, call.file), "utf8");
}

export interface SeededUser {
  key: string;
  name: string;
  email: string;
  role: DemoManifest["users"][number]["role"];
  id: string;
}

/**
 * The manifest's call dates moved by whole weeks (weekdays and times of day kept) so the newest
 * call falls in the seven days before `now`: the post-call team window (90 days) and recent
 * report periods hold the demo's calls whenever it is seeded. Pure.
 *
 * @example
 * demoDateShift(manifest, new Date("2027-01-15T08:00:00Z"))("2026-11-24T18:00:00Z"); // "2027-01-12T18:00:00.000Z"
 */
export function demoDateShift(manifest: Pick<DemoManifest, "calls">, now: Date): (iso: string) => string {
  const DAY = 86_400_000;
  const newest = Math.max(...manifest.calls.map((c) => Date.parse(c.occurredAt)));
  const yesterday = Math.floor(now.getTime() / DAY) * DAY - DAY;
  const days = Math.floor(Math.round((yesterday - Math.floor(newest / DAY) * DAY) / DAY) / 7) * 7;
  return (iso) => new Date(Date.parse(iso) + days * DAY).toISOString();
}

/**
 * Seed the demo content into an existing organization (the one `bootstrap()` created): the manifest's
 * users are added (existing emails are reused) and every call is uploaded as `adminUserId` with
 * `repUserId` set. Idempotent: a second run creates nothing (users by email, calls by content hash).
 *
 * @returns every manifest user with its id, and how many calls this run created.
 *
 * @example
 * const boot = await bootstrap(db, { orgName: manifest.organization.name });
 * if (boot) await seedDemo(services, { dir: defaultDemoDir(), orgId: boot.orgId, adminUserId: boot.adminUserId });
 */
export async function seedDemo(
  services: Services,
  input: { dir: string; orgId: string; adminUserId: string },
): Promise<{ users: SeededUser[]; calls: number }> {
  const manifest = await loadDemoManifest(input.dir);
  const [admin] = await services.db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.id, input.adminUserId), eq(users.orgId, input.orgId)));
  if (admin?.role !== "admin") {
    throw new DebriefError("not_found", `no admin ${input.adminUserId} in organization ${input.orgId}`);
  }
  const actor: Actor = {
    orgId: input.orgId,
    userId: input.adminUserId,
    role: "admin",
    keyId: "demo-seed",
    operator: false,
  };

  const adminCtx: AdminCtx = { services, actor };
  const existing = new Map((await listUsers(adminCtx)).map((u) => [u.email.toLowerCase(), u]));
  const seeded: SeededUser[] = [];
  for (const u of manifest.users) {
    const found =
      existing.get(u.email.toLowerCase()) ??
      (await createUser(adminCtx, { email: u.email, name: u.name, role: u.role }));
    seeded.push({ key: u.key, name: found.name, email: found.email, role: found.role, id: found.id });
  }
  const idOf = new Map(seeded.map((u) => [u.key, u.id]));

  // Calls dated from today like the CRM records, so every report has numbers on first start.
  const shifted = demoDateShift(manifest, services.now());
  let created = 0;
  for (const call of manifest.calls) {
    const content = await readDemoCall(input.dir, call);
    const result = await createTranscriptCall(
      { services, actor },
      {
        content,
        fileName: call.file.slice(call.file.lastIndexOf("/") + 1),
        meta: {
          title: call.title,
          occurredAt: shifted(call.occurredAt),
          repUserId: idOf.get(call.rep)!,
          speakerRoles: { rep: [call.repSpeaker] },
          // Each stage has a built-in playbook of the same id (fixtures/playbooks).
          playbook: call.stage,
          crmDealId: call.crm.dealId,
          crmContactId: call.crm.contactId,
        },
      },
    );
    if (result.created) created++;
  }
  // CRM records behind the calls, dated from today, so the outcome report has numbers at once.
  const crm = demoCrm(manifest, services.now());
  for (const kind of CRM_KINDS) await saveCrmRecords({ services, actor }, kind, crm[kind]);
  services.logger.info("demo organization seeded", {
    orgId: input.orgId,
    users: seeded.length,
    callsCreated: created,
  });
  return { users: seeded, calls: created };
}
