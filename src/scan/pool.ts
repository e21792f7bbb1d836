/** Runs `work` over `items` with at most `limit` in flight, keeping results in input order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Which requests go first when several wait for a slot: the listing feeds everything, then apps (their rows), then plans. */
export const PRIORITY = { listing: 0, app: 1, plan: 2 } as const;
export type Priority = (typeof PRIORITY)[keyof typeof PRIORITY];

/**
 * The scan's one bound on requests in flight, shared by Resource Graph pages, ARM lists, plan
 * reads and app reads, so the phases overlap (plan reads start as plan pages arrive, app reads
 * as a plan shows a gateway-required connection) without more than `limit` on the wire. A waiter
 * whose signal aborts leaves the queue (its subscription was cut short, or Ctrl-C).
 */
export class RequestSlots {
  private active = 0;
  private readonly queues: Array<Array<() => void>> = [[], [], []];

  constructor(readonly limit: number) {}

  /** Resolves with true once a slot is held (release it), or false when a signal aborted first. */
  acquire(priority: Priority, signals: readonly (AbortSignal | undefined)[] = []): Promise<boolean> {
    if (signals.some((signal) => signal?.aborted)) return Promise.resolve(false);
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const queue = this.queues[priority]!;
      const onAbort = () => {
        const index = queue.indexOf(grant);
        if (index >= 0) queue.splice(index, 1);
        done(false);
      };
      const done = (held: boolean) => {
        for (const signal of signals) signal?.removeEventListener('abort', onAbort);
        resolve(held);
      };
      const grant = () => done(true);
      queue.push(grant);
      for (const signal of signals) signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(): void {
    for (const queue of this.queues) {
      const next = queue.shift();
      if (next) return next(); // the slot passes on, still counted as active
    }
    this.active -= 1;
  }
}
