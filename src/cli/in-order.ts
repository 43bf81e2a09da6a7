/**
 * A helper that takes items off a batch beside the calling thread (a worker thread, say). `ready`
 * settles when it can take work (false: it never will, and the batch goes on without it). `depth`:
 * how many items it holds at once (default 1); a worker thread whose replies wait for this
 * thread's turn keeps busy with a second.
 */
export interface Helper<I, O> {
  ready: Promise<boolean>;
  depth?: number;
  run(item: I): Promise<O>;
  close(): Promise<void>;
}

/** When to start the helpers: at once, or once the items left would take this thread `ms`. */
export type HelpersWhen = "now" | { ms: number };

/** Results held for in-order delivery at most: a slow item makes the others wait, not pile up. */
const WINDOW = 64;

/**
 * Runs every item through `local` (this thread) and, once started, the helpers, each taking the
 * next item when it is free, and hands the results to `deliver` in the items' order. Helpers cost
 * a start-up, so with `when: { ms }` they start only when the items left, at the pace of this
 * thread's latest item (from its second on: the first pays its own warm-up), would take that
 * long; a helper joins once ready. A rejection (a bug, not bad input) stops the batch and is
 * thrown; the helpers are closed either way.
 *
 * @example
 * await inOrder(files, { local: analyzeHere, helpers: { start: threads, when: { ms: 3000 } }, deliver: print });
 */
export async function inOrder<I, O>(
  items: readonly I[],
  opts: {
    local: (item: I) => Promise<O>;
    helpers?: { start: () => Helper<I, O>[]; when: HelpersWhen } | undefined;
    deliver: (result: O) => void;
    window?: number;
  },
): Promise<void> {
  const window = opts.window ?? WINDOW;
  const done = new Map<number, O>();
  let next = 0; // the next item to take
  let delivered = 0; // the next item to deliver
  let failed = false;
  let error: unknown;
  let wake: Array<() => void> = [];
  const wakeAll = () => {
    const waiting = wake;
    wake = [];
    for (const w of waiting) w();
  };
  let settle = () => {};
  // Settles when every item is delivered or the batch failed: a helper still starting is not awaited.
  const over = new Promise<false>((r) => {
    settle = () => r(false);
  });
  if (items.length === 0) settle();

  const take = async (): Promise<number> => {
    while (!failed && next < items.length && next - delivered >= window)
      await new Promise<void>((r) => wake.push(r));
    return !failed && next < items.length ? next++ : -1;
  };
  const finish = (index: number, result: O) => {
    done.set(index, result);
    while (done.has(delivered)) {
      const r = done.get(delivered)!;
      done.delete(delivered);
      delivered++;
      opts.deliver(r);
    }
    if (delivered === items.length) settle();
    wakeAll();
  };
  // Every lane's rejection is caught at once (a helper's may come while this thread is busy).
  const guard = (lane: Promise<void>) =>
    lane.catch((err: unknown) => {
      if (!failed) error = err;
      failed = true;
      settle();
      wakeAll();
    });

  let toStart = opts.helpers; // undefined once started
  const helpers: Helper<I, O>[] = [];
  const helperLanes: Promise<void>[] = [];
  const startHelpers = () => {
    if (!toStart) return;
    const started = toStart.start();
    toStart = undefined;
    for (const h of started) {
      helpers.push(h);
      helperLanes.push(
        guard(
          (async () => {
            if (!(await Promise.race([h.ready, over]))) return;
            await Promise.all(Array.from({ length: h.depth ?? 1 }, () => lane((item) => h.run(item))));
          })(),
        ),
      );
    }
  };
  const lane = async (run: (item: I) => Promise<O>) => {
    for (let i = await take(); i >= 0; i = await take()) finish(i, await run(items[i]!));
  };
  const localLane = async () => {
    let ran = 0;
    for (let i = await take(); i >= 0; i = await take()) {
      const t0 = performance.now();
      finish(i, await opts.local(items[i]!));
      const when = toStart?.when;
      if (when && when !== "now" && ++ran >= 2 && (performance.now() - t0) * (items.length - next) >= when.ms)
        startHelpers();
    }
  };

  try {
    if (toStart?.when === "now") startHelpers();
    await guard(localLane());
    await Promise.all(helperLanes);
  } finally {
    await Promise.all(helpers.map((h) => h.close()));
  }
  if (failed) throw error;
}
