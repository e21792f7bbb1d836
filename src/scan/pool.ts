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
 * whose signal aborted while it waited (its subscription was cut short, or Ctrl-C) gets no slot:
 * it learns so at its turn, which comes at once, for the reads in flight end with the same signal.
 * (No abort listener per waiter: thousands of them on one signal cost O(n) each to remove.)
 */
export class RequestSlots {
  private active = 0;
  private readonly queues: Array<Array<{ readonly signals: readonly (AbortSignal | undefined)[]; readonly resolve: (held: boolean) => void }>> = [[], [], []];

  constructor(readonly limit: number) {}

  /** Resolves with true once a slot is held (release it), or false when a signal aborted first. */
  acquire(priority: Priority, signals: readonly (AbortSignal | undefined)[] = []): Promise<boolean> {
    if (signals.some((signal) => signal?.aborted)) return Promise.resolve(false);
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => { this.queues[priority]!.push({ signals, resolve }); });
  }

  release(): void {
    for (const queue of this.queues) {
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (next.signals.some((signal) => signal?.aborted)) {
          next.resolve(false);
          continue;
        }
        next.resolve(true); // the slot passes on, still counted as active
        return;
      }
    }
    this.active -= 1;
  }
}
