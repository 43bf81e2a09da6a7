import { and, asc, desc, eq, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type CallCtx, visibleTo } from "../calls/operations.js";
import { CALL_STATUSES, type CallStatus, calls, DEAL_STATUSES, type DealStatus } from "../db/schema/index.js";

/**
 * The dashboard's call list: the API's visibility rule (`visibleTo`), plus what a list page needs
 * and the API does not offer — metric columns read from the stored analysis, sorting by them,
 * the outcome of the call's CRM deal, search in titles, file names and what was said, numbered
 * pages.
 */
export const SORTS = ["occurredAt", "duration", "talkRatio", "questions", "monologue", "playbook"] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZE = 25;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const CallListQuerySchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  rep: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  status: z.preprocess(blankToUndefined, z.enum(CALL_STATUSES).optional()),
  playbook: z.preprocess(blankToUndefined, z.string().max(60).optional()),
  outcome: z.preprocess(blankToUndefined, z.enum(DEAL_STATUSES).optional()),
  from: z.preprocess(blankToUndefined, day.optional()),
  to: z.preprocess(blankToUndefined, day.optional()),
  sort: z.preprocess(blankToUndefined, z.enum(SORTS).default("occurredAt")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).default("desc")),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type CallListQuery = z.infer<typeof CallListQuerySchema>;

export interface CallRow {
  id: string;
  title: string | null;
  fileName: string | null;
  occurredAt: Date;
  status: CallStatus;
  coachingStatus: string;
  repUserId: string | null;
  playbook: string | null;
  durationSec: number | null;
  talkRatio: number | null;
  questions: number | null;
  monologueSec: number | null;
  playbookScore: number | null;
  /** The status of the call's CRM deal (null: no deal, or a deal not imported). */
  outcome: DealStatus | null;
}

const num = (expr: SQL) => sql<number | null>`(${expr})::float8`;
const COLUMNS: Record<Exclude<Sort, "occurredAt">, SQL<number | null>> = {
  duration: num(sql`${calls.analysis}->>'durationSec'`),
  talkRatio: num(sql`${calls.analysis}->'metrics'->>'talkRatio'`),
  questions: num(
    sql`(${calls.analysis}->'metrics'->'questions'->'rep'->>'open')::int + (${calls.analysis}->'metrics'->'questions'->'rep'->>'closed')::int`,
  ),
  monologue: num(sql`${calls.analysis}->'metrics'->>'longestMonologueSec'`),
  playbook: num(sql`${calls.coaching}->'playbook'->>'score'`),
};
/** The playbook a call was judged against, else the one asked for at upload. */
const playbookOf = sql<string | null>`coalesce(${calls.coaching}->'playbook'->>'id', ${calls.playbook})`;

/** The call's deal, by the crm_deals primary key (org_id, id). */
const dealStatus = sql<DealStatus | null>`(select d.status from crm_deals d where d.org_id = ${calls.orgId} and d.id = ${calls.crmDealId})`;

/**
 * Calls whose title or file name holds `q`, or whose transcript has an utterance that does. The
 * stored transcript is JSON text (`jsonAsText`): a plain ILIKE on that text rules out most calls
 * without parsing them, then only the survivors' utterances are read. (A query with a quote or a
 * backslash, which JSON escapes, skips that shortcut.)
 */
function searchCondition(q: string): SQL {
  const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const said = sql`exists (select 1 from json_array_elements(${calls.transcript}::json->'utterances') u where u->>'text' ilike ${like})`;
  // JSON escapes quotes, backslashes and control characters: the raw text would not hold them as typed.
  const escaped = [...q].some((ch) => ch === '"' || ch === "\\" || ch.charCodeAt(0) < 0x20);
  const inTranscript = escaped ? said : sql`(${calls.transcript} ilike ${like} and ${said})`;
  return or(ilike(calls.title, like), ilike(calls.fileName, like), inTranscript)!;
}

/** One page of calls visible to the actor, filtered and sorted. */
export async function listCallRows(
  ctx: CallCtx,
  query: CallListQuery,
): Promise<{ rows: CallRow[]; hasNext: boolean }> {
  const conds: SQL[] = [visibleTo(ctx.actor)];
  if (query.rep) conds.push(eq(calls.repUserId, query.rep));
  if (query.status) conds.push(eq(calls.status, query.status));
  if (query.playbook) conds.push(sql`${playbookOf} = ${query.playbook}`);
  if (query.from) conds.push(gte(calls.occurredAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) conds.push(lt(calls.occurredAt, new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)));
  if (query.outcome) conds.push(sql`${dealStatus} = ${query.outcome}`);
  if (query.q) conds.push(searchCondition(query.q));
  const order = query.dir === "asc" ? asc : desc;
  const orderBy =
    query.sort === "occurredAt"
      ? [order(calls.occurredAt), order(calls.id)]
      : [
          sql`${COLUMNS[query.sort]} ${sql.raw(query.dir === "asc" ? "asc" : "desc")} nulls last`,
          desc(calls.occurredAt),
          desc(calls.id),
        ];
  const rows = await ctx.services.db
    .select({
      id: calls.id,
      title: calls.title,
      fileName: calls.fileName,
      occurredAt: calls.occurredAt,
      status: calls.status,
      coachingStatus: calls.coachingStatus,
      repUserId: calls.repUserId,
      playbook: playbookOf,
      durationSec: COLUMNS.duration,
      talkRatio: COLUMNS.talkRatio,
      questions: COLUMNS.questions,
      monologueSec: COLUMNS.monologue,
      playbookScore: COLUMNS.playbook,
      outcome: dealStatus,
    })
    .from(calls)
    .where(and(...conds))
    .orderBy(...orderBy)
    .limit(PAGE_SIZE + 1)
    .offset((query.page - 1) * PAGE_SIZE);
  return { rows: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}
