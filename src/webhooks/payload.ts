import { and, eq } from "drizzle-orm";
import type { Database } from "../db/database.js";
import { callMetrics, calls, type DomainEvent, users } from "../db/schema/index.js";

/**
 * The body of an outbound webhook for a call event (docs/integrations.md, event catalogue): the
 * call, its rep, the CRM ids given at upload, key metrics, the summary, next steps and CRM fields.
 * Built once when the delivery is created, so every attempt sends the same bytes.
 */
export async function callEventBody(db: Database, event: DomainEvent): Promise<string> {
  const [row] = await db
    .select({
      id: calls.id,
      title: calls.title,
      occurredAt: calls.occurredAt,
      status: calls.status,
      coachingStatus: calls.coachingStatus,
      crmDealId: calls.crmDealId,
      crmContactId: calls.crmContactId,
      failure: calls.failure,
      coaching: calls.coaching,
      repId: users.id,
      repEmail: users.email,
      repName: users.name,
    })
    .from(calls)
    .leftJoin(users, eq(users.id, calls.repUserId))
    .where(and(eq(calls.id, event.subject), eq(calls.orgId, event.orgId)));
  const [m] = row ? await db.select().from(callMetrics).where(eq(callMetrics.callId, row.id)) : [undefined];
  const coaching = row?.coaching ?? null;
  const data = row
    ? {
        call: {
          id: row.id,
          title: row.title,
          occurredAt: row.occurredAt.toISOString(),
          status: row.status,
          coachingStatus: row.coachingStatus,
        },
        rep: row.repId ? { id: row.repId, email: row.repEmail, name: row.repName } : null,
        crm: { dealId: row.crmDealId, contactId: row.crmContactId },
        metrics: m
          ? {
              durationSec: m.durationSec,
              talkRatio: m.talkRatio,
              longestMonologueSec: m.longestMonologueSec,
              patienceSec: m.patienceSec,
              repQuestions: m.repQuestionsOpen + m.repQuestionsClosed,
              objections: m.objections,
              playbookScore: m.playbookScore,
            }
          : null,
        summary: coaching?.summary.text ?? null,
        nextSteps: coaching?.summary.nextSteps ?? [],
        crmFields: coaching?.crm ?? null,
        failure: event.type === "call.failed" ? (row.failure ?? null) : null,
      }
    : { call: { id: event.subject }, deleted: true };
  return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data });
}
