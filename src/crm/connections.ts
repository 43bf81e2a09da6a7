import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { requireRole } from "../auth/actor.js";
import { newId } from "../auth/keys.js";
import type { OperationCtx } from "../context.js";
import { type CrmConnection, crmConnections } from "../db/schema/index.js";
import { DebriefError } from "../errors.js";
import { line } from "../input.js";
import { assertPublicUrl, urlGuardOptions } from "../net/public-url.js";
import { toBase64Url } from "../security/bytes.js";
import { secretBoxFromConfig } from "../security/secret-box.js";
import type { Services } from "../services.js";
import { generateWebhookSecret } from "../webhooks/standard-webhooks.js";
import { CALL_METRICS } from "./writeback/call-result.js";

/**
 * CRM connections (admins only): what Debrief needs to read a vendor's webhooks and write back to
 * it. Secrets are sealed at rest and returned once, at creation, with the receiver URL.
 */

const owners = z
  .record(line().max(100), line().trim().max(320).pipe(z.email()))
  .optional()
  .describe("vendor owner id → the Debrief user's e-mail");
const common = {
  name: line().trim().min(1).max(200).optional(),
  writeBack: z.boolean().optional(),
  owners,
};
const Secret = line().min(1).max(4000);

export const CreateConnectionSchema = z.discriminatedUnion("vendor", [
  z.object({
    vendor: z.literal("hubspot"),
    ...common,
    portalId: z.number().int().positive(),
    clientSecret: Secret,
    accessToken: Secret.optional(),
    stageMap: z
      .object({
        won: z.array(line().max(100)).max(100).optional(),
        lost: z.array(line().max(100)).max(100).optional(),
      })
      .optional(),
    dealProperties: z
      .record(
        z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, "a HubSpot property's internal name"),
        z.enum(CALL_METRICS),
      )
      .refine((r) => Object.keys(r).length <= 20, "at most 20 deal properties")
      .optional()
      .describe("deal property internal name → the call metric written to it on write-back"),
  }),
  z.object({
    vendor: z.literal("pipedrive"),
    ...common,
    companyId: z.number().int().positive(),
    companyDomain: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/i, "the `acme` of acme.pipedrive.com"),
    apiToken: Secret.optional(),
  }),
  z.object({
    vendor: z.literal("salesforce"),
    ...common,
    organizationId: z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, "a 15 or 18 character org id"),
    instanceUrl: z.url().optional(),
    accessToken: Secret.optional(),
  }),
  z.object({ vendor: z.literal("generic"), ...common }),
]);
export type CreateConnectionInput = z.infer<typeof CreateConnectionSchema>;

/** The decrypted secrets of a connection (only what its vendor uses is set). */
export interface ConnectionSecrets {
  clientSecret?: string;
  accessToken?: string;
  apiToken?: string;
  basicUser?: string;
  basicPassword?: string;
  urlToken?: string;
  signingSecret?: string;
}

const secretsContext = (id: string) => `crm_connection:${id}:secrets`;

/** A connection as the API shows it: never a secret. */
export interface ConnectionView {
  id: string;
  vendor: CrmConnection["vendor"];
  name: string | null;
  writeBack: boolean;
  config: Record<string, unknown>;
  webhookUrl: string;
  createdAt: string;
}

function webhookUrl(base: string, row: Pick<CrmConnection, "id" | "vendor">, token?: string): string {
  const url = `${base.replace(/\/+$/, "")}/v1/crm/webhooks/${row.id}`;
  return row.vendor === "salesforce" && token ? `${url}?token=${encodeURIComponent(token)}` : url;
}

function view(row: CrmConnection, base: string): ConnectionView {
  return {
    id: row.id,
    vendor: row.vendor,
    name: row.name,
    writeBack: row.writeBack,
    config: row.config,
    webhookUrl: webhookUrl(base, row),
    createdAt: row.createdAt.toISOString(),
  };
}

const randomToken = (bytes = 24) => toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));

/**
 * Create a connection; the answer carries, once, what to paste at the vendor (the receiver URL and
 * the credentials Debrief generated for it).
 *
 * @example
 * await createConnection(ctx, { vendor: "hubspot", portalId: 62515, clientSecret: "…" }, "https://debrief.example.com");
 */
export async function createConnection(
  ctx: OperationCtx,
  input: CreateConnectionInput,
  baseUrl: string,
): Promise<ConnectionView & { credentials: Record<string, string> }> {
  requireRole(ctx.actor, "admin");
  const { services, actor } = ctx;
  const box = await secretBoxFromConfig(services.config);
  const id = newId("conn");
  const secrets: ConnectionSecrets = {};
  const shown: Record<string, string> = {};
  const config: Record<string, unknown> = { ...(input.owners ? { owners: input.owners } : {}) };
  switch (input.vendor) {
    case "hubspot":
      secrets.clientSecret = input.clientSecret;
      if (input.accessToken) secrets.accessToken = input.accessToken;
      config.portalId = input.portalId;
      if (input.stageMap) config.stageMap = input.stageMap;
      if (input.dealProperties) config.dealProperties = input.dealProperties;
      break;
    case "pipedrive":
      if (input.apiToken) secrets.apiToken = input.apiToken;
      secrets.basicUser = "debrief";
      secrets.basicPassword = randomToken();
      shown.httpAuthUser = secrets.basicUser;
      shown.httpAuthPassword = secrets.basicPassword;
      config.companyId = input.companyId;
      config.companyDomain = input.companyDomain;
      break;
    case "salesforce":
      if (input.accessToken) secrets.accessToken = input.accessToken;
      if (input.instanceUrl) {
        await assertPublicUrl(input.instanceUrl, urlGuardOptions(services.config, services.resolve));
        config.instanceUrl = input.instanceUrl;
      }
      secrets.urlToken = randomToken();
      config.organizationId = input.organizationId;
      break;
    case "generic":
      secrets.signingSecret = generateWebhookSecret();
      shown.signingSecret = secrets.signingSecret;
      break;
  }
  if (input.writeBack && !secrets.accessToken && !secrets.apiToken) {
    throw new DebriefError(
      "validation_failed",
      `writeBack needs ${input.vendor === "pipedrive" ? "apiToken" : "accessToken"} (the generic connection cannot write back)`,
    );
  }
  const now = services.now();
  const [row] = await services.db
    .insert(crmConnections)
    .values({
      id,
      orgId: actor.orgId,
      vendor: input.vendor,
      name: input.name ?? null,
      config,
      secrets: await box.seal(JSON.stringify(secrets), secretsContext(id)),
      writeBack: input.writeBack ?? false,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const v = view(row!, baseUrl);
  return { ...v, webhookUrl: webhookUrl(baseUrl, row!, secrets.urlToken), credentials: shown };
}

export async function listConnections(ctx: OperationCtx, baseUrl: string): Promise<ConnectionView[]> {
  requireRole(ctx.actor, "admin");
  const rows = await ctx.services.db
    .select()
    .from(crmConnections)
    .where(eq(crmConnections.orgId, ctx.actor.orgId))
    .orderBy(desc(crmConnections.createdAt));
  return rows.map((r) => view(r, baseUrl));
}

async function ownConnection(ctx: OperationCtx, id: string): Promise<CrmConnection> {
  requireRole(ctx.actor, "admin");
  const [row] = await ctx.services.db
    .select()
    .from(crmConnections)
    .where(and(eq(crmConnections.id, id), eq(crmConnections.orgId, ctx.actor.orgId)));
  if (!row) throw new DebriefError("not_found", `no CRM connection ${id}`);
  return row;
}

export async function getConnection(ctx: OperationCtx, id: string, baseUrl: string): Promise<ConnectionView> {
  return view(await ownConnection(ctx, id), baseUrl);
}

export async function deleteConnection(ctx: OperationCtx, id: string): Promise<void> {
  const row = await ownConnection(ctx, id);
  await ctx.services.db.delete(crmConnections).where(eq(crmConnections.id, row.id));
}

/** A connection's secrets, decrypted (receiver, write-back). */
export async function openConnectionSecrets(
  services: Services,
  row: Pick<CrmConnection, "id" | "secrets">,
): Promise<ConnectionSecrets> {
  const box = await secretBoxFromConfig(services.config);
  return JSON.parse(await box.open(row.secrets, secretsContext(row.id))) as ConnectionSecrets;
}
