import { sql } from "drizzle-orm";
import { APPLY_KIND } from "../crm/sync.js";
import { WRITEBACK_KIND } from "../crm/writeback/job.js";
import { resultRows } from "../db/database.js";
import { describeError } from "../errors.js";
import { enqueue, type QueuedJob } from "../jobs/store.js";
import type { Services } from "../services.js";
import { DELIVER_KIND } from "./endpoints.js";
import { DISPATCH_KIND } from "./jobs.js";

/**
 * The sync sweep: work that the outbox says is due but that no job will do — because the job that
 * should carry it was never written, or died for good (its retries spent on a database outage), or
 * a dispatch kick was skipped while another dispatcher was finishing (`scheduleDispatch` writes
 * none when one is queued; if that one had already read the outbox, the new event waits). Finds
 * and re-enqueues, each once:
 *
 * - `webhooks.dispatch` for an organization with somewhere to send (an enabled endpoint or a
 *   write-back connection) whose outbox has events after its cursor;
 * - `webhooks.deliver` for a pending delivery;
 * - `crm.writeback` for a pending or retrying write-back;
 * - `crm.apply` for a connection with pending inbound changes;
 *
 * in every case only when no job of that kind for that subject is queued or running. Every row
 * and its job are written in one transaction elsewhere, so one statement's snapshot cannot see a
 * row "between" its write and its job: what it finds is really orphaned. Idempotent (a second
 * sweep finds the jobs the first wrote) and single-flight across processes (a transaction-level
 * advisory lock; a sweep that cannot take it does nothing). Run on an interval by the Node server
 * and from the Worker's cron.
 */

/** Advisory lock key of the sweep (any constant unique to it). */
const SWEEP_LOCK = 0x5e_ee_b0_01;

export interface SweepResult {
  dispatch: number;
  deliver: number;
  writeback: number;
  apply: number;
}

const LIVE = sql.raw("('queued', 'running')");

/**
 * One sweep; how many jobs of each kind it enqueued (and notified the queue of).
 *
 * @example
 * const swept = await sweepSync(services); // { dispatch: 0, deliver: 1, writeback: 0, apply: 0 }
 */
export async function sweepSync(services: Services, options: { limit?: number } = {}): Promise<SweepResult> {
  const limit = options.limit ?? 500;
  const result: SweepResult = { dispatch: 0, deliver: 0, writeback: 0, apply: 0 };
  const queued = await services.db.transaction(async (tx) => {
    const [lock] = resultRows<{ ok: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as ok`),
    );
    if (!lock?.ok) return [];
    const now = services.now();
    const out: QueuedJob[] = [];
    const add = async (
      kind: string,
      key: keyof SweepResult,
      orgId: string,
      subject: string,
      payload = {},
    ) => {
      out.push(await enqueue(tx, services.jobs, { kind, orgId, subject, payload, runAt: now }));
      result[key] += 1;
    };

    const orgs = resultRows<{ org_id: string }>(
      await tx.execute(sql`select o.id as org_id from organizations o
        where (exists (select 1 from webhook_endpoints w where w.org_id = o.id and w.enabled)
            or exists (select 1 from crm_connections c where c.org_id = o.id and c.write_back))
          and exists (select 1 from events e where e.org_id = o.id
            and (e.seq is null
              or e.seq > coalesce((select k.after_seq from webhook_cursors k where k.org_id = o.id), 0)))
          and not exists (select 1 from jobs j where j.subject = o.id and j.kind = ${DISPATCH_KIND}
            and j.status in ${LIVE})
        limit ${limit}`),
    );
    for (const { org_id } of orgs) await add(DISPATCH_KIND, "dispatch", org_id, org_id);

    const deliveries = resultRows<{ id: string; org_id: string }>(
      await tx.execute(sql`select d.id, d.org_id from webhook_deliveries d
        where d.status = 'pending'
          and not exists (select 1 from jobs j where j.subject = d.id and j.kind = ${DELIVER_KIND}
            and j.status in ${LIVE})
        order by d.next_attempt_at limit ${limit}`),
    );
    for (const d of deliveries) await add(DELIVER_KIND, "deliver", d.org_id, d.id, { deliveryId: d.id });

    const writebacks = resultRows<{ id: string; org_id: string }>(
      await tx.execute(sql`select w.id, w.org_id from crm_writebacks w
        where w.status in ('pending', 'retrying')
          and not exists (select 1 from jobs j where j.subject = w.id and j.kind = ${WRITEBACK_KIND}
            and j.status in ${LIVE})
        order by w.updated_at limit ${limit}`),
    );
    for (const w of writebacks) await add(WRITEBACK_KIND, "writeback", w.org_id, w.id, { writebackId: w.id });

    const connections = resultRows<{ connection_id: string; org_id: string }>(
      await tx.execute(sql`select distinct i.connection_id, i.org_id from inbound_events i
        where i.status = 'pending'
          and not exists (select 1 from jobs j where j.subject = i.connection_id and j.kind = ${APPLY_KIND}
            and j.status in ${LIVE})
        limit ${limit}`),
    );
    for (const c of connections) await add(APPLY_KIND, "apply", c.org_id, c.connection_id);
    return out;
  });
  for (const job of queued) await services.queue.notify(job);
  return result;
}

export interface SweepTimer {
  stop(): Promise<void>;
}

/**
 * Run `sweepSync` every `intervalMs` (Node server), never two at once in this process; a failed
 * sweep is logged and the next one tries again.
 *
 * @example
 * const sweeper = startSyncSweep(services, 60_000);
 * await sweeper.stop();
 */
export function startSyncSweep(services: Services, intervalMs: number): SweepTimer {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = sweepSync(services)
      .then((r) => {
        const total = r.dispatch + r.deliver + r.writeback + r.apply;
        if (total > 0) services.logger.warn("sync sweep re-enqueued orphaned work", { ...r });
      })
      .catch((err: unknown) => {
        services.logger.error("sync sweep failed", { error: describeError(err).message });
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  // An interval alone must not keep a process alive (the server's socket does).
  (timer as { unref?: () => void }).unref?.();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
