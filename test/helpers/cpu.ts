import type { CpuRunner, CpuTask } from "../../src/cpu/tasks.js";

/** A CPU runner (the worker pool) recording the tasks sent to it, in order. */
export function recording(pool: CpuRunner): CpuRunner & { tasks: CpuTask[] } {
  const tasks: CpuTask[] = [];
  return {
    tasks,
    ...(pool.oneThread === undefined ? {} : { oneThread: pool.oneThread }),
    run(task, input, transfer) {
      tasks.push(task);
      return pool.run(task, input, transfer);
    },
    close: () => pool.close(),
  };
}

/**
 * Start a slow request, ask `/health` once it had 50 ms to reach the pool, and say which answered
 * first: ["health", "slow"] when the event loop stayed free. Returns the slow request's response.
 */
export async function healthDuring(
  app: { request: (path: string) => Response | Promise<Response> },
  slow: () => Response | Promise<Response>,
): Promise<{ order: string[]; health: Response; res: Response }> {
  const order: string[] = [];
  const pending = Promise.resolve(slow()).then((res) => {
    order.push("slow");
    return res;
  });
  await new Promise((r) => setTimeout(r, 50));
  const health = await app.request("/health");
  order.push("health");
  return { order, health, res: await pending };
}
