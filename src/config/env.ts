import { z } from "zod";
import { postgresConnection } from "../db/postgres-url.js";
import { DebriefError } from "../errors.js";
import { parseAesKey, splitKeyList } from "../security/secret-box.js";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));
const aesKey = (name: string) =>
  optionalString.refine((v) => v === undefined || parseAesKey(v) !== undefined, {
    message: `${name} must be base64 of 32 random bytes (e.g. \`openssl rand -base64 32\`)`,
  });
const url = (name: string) =>
  optionalString.refine((v) => v === undefined || URL.canParse(v), { message: `${name} must be a URL` });

/**
 * Every setting Debrief reads from the environment, validated once at start-up.
 * The README's configuration table documents the same variables.
 */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  DEBRIEF_DATA_DIR: z.string().min(1).default("./.debrief"),
  /** A TCP URL, or a local Unix socket in libpq's form (`postgres://user@/db?host=/var/run/postgresql`). */
  DATABASE_URL: optionalString.superRefine((v, ctx) => {
    if (v === undefined) return;
    try {
      const { url } = postgresConnection(v);
      if (URL.canParse(url) && /^postgres(ql)?:$/.test(new URL(url).protocol)) return;
      ctx.addIssue({ code: "custom", message: "DATABASE_URL must be a postgres:// URL" });
    } catch (err) {
      ctx.addIssue({ code: "custom", message: (err as Error).message });
    }
  }),
  DEBRIEF_ADMIN_KEY: optionalString.refine((v) => v === undefined || v.length >= 24, {
    message: "DEBRIEF_ADMIN_KEY must be at least 24 characters",
  }),
  DEEPGRAM_API_KEY: optionalString,
  DEEPGRAM_BASE_URL: url("DEEPGRAM_BASE_URL"),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: url("OPENAI_BASE_URL"),
  OPENAI_MODEL: z.string().min(1).default("gpt-4.1-mini"),
  DEBRIEF_MAX_TRANSCRIPT_MB: z.coerce.number().positive().max(1024).default(25),
  /** Cost caps of one transcript's analysis (a million one-word lines is only 5 MB). */
  DEBRIEF_MAX_UTTERANCES: z.coerce.number().int().positive().default(20_000),
  DEBRIEF_MAX_WORDS: z.coerce.number().int().positive().default(500_000),
  DEBRIEF_MAX_AUDIO_MB: z.coerce.number().positive().max(10_240).default(2048),
  DEBRIEF_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** Requests per minute of one user over all their keys (0 turns it off). */
  DEBRIEF_RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  /** Requests per minute of one organization over all its users (0 turns it off). */
  DEBRIEF_RATE_LIMIT_ORG_PER_MINUTE: z.coerce.number().int().min(0).default(6000),
  /** Failed authentications per minute from one client address before 429s (0 turns it off). */
  DEBRIEF_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  /** Active (unrevoked) API keys one user may hold. */
  DEBRIEF_MAX_KEYS_PER_USER: z.coerce.number().int().min(1).default(10),
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  DEBRIEF_TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  DEBRIEF_WORKERS: z.coerce.number().int().min(0).max(64).default(2),
  /**
   * Threads of the Node server's CPU pool (uploads' analysis and coaching); 0: one per core on
   * Linux, below the event loop's priority, one core fewer elsewhere (src/cpu/worker-pool.ts).
   * Set it where the cores the process may use are fewer than the machine's (a CPU quota).
   */
  DEBRIEF_CPU_THREADS: z.coerce.number().int().min(0).max(256).default(0),
  /** Seconds between sync sweeps on Node (orphaned webhook, write-back and CRM-apply work; 0 turns it off). */
  DEBRIEF_SYNC_SWEEP_SEC: z.coerce.number().int().min(0).max(86_400).default(60),
  DEBRIEF_SEED_DEMO: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  /** AES-256-GCM key for CRM and webhook secrets at rest; features storing secrets refuse to run without it. */
  DEBRIEF_SECRETS_KEY: aesKey("DEBRIEF_SECRETS_KEY"),
  /** Keys of before a rotation, comma-separated: still decrypt, never encrypt. */
  DEBRIEF_SECRETS_KEY_PREVIOUS: optionalString.refine(
    (v) => v === undefined || splitKeyList(v).every((k) => parseAesKey(k) !== undefined),
    { message: "DEBRIEF_SECRETS_KEY_PREVIOUS must be comma-separated base64 keys of 32 bytes each" },
  ),
  /** Allow outbound requests (webhooks, CRM) to private and loopback addresses: self-hosted or tests only. */
  DEBRIEF_ALLOW_PRIVATE_URLS: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /** The dashboard's public origin (https://debrief.example.com): magic-link e-mails point there. */
  DEBRIEF_PUBLIC_URL: url("DEBRIEF_PUBLIC_URL"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});
export type Config = z.infer<typeof EnvSchema>;

/**
 * Parse the environment; a bad value stops start-up with a message naming the variable.
 *
 * @example
 * const config = loadConfig(process.env); // throws DebriefError("config.invalid", "PORT: …")
 */
export function loadConfig(env: Readonly<Record<string, unknown>>): Config {
  const result = EnvSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `${i.path.join(".") || "(environment)"}: ${i.message}`);
  throw new DebriefError("config.invalid", `invalid configuration:\n  ${lines.join("\n  ")}`);
}
