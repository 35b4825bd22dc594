/**
 * A per-host request limiter: at most `concurrency` requests in flight and at least
 * `minIntervalMs` between two request starts, plus a pause the whole host observes after a
 * 429 (`Retry-After`). Research §1.4/§1.10: a bot shield "trips on a low request count
 * from a single IP and then applies to the whole domain"; 2 concurrent and ≥ 500 ms apart
 * kept one crawler under it. Time comes from injected `now`/`sleep`, so tests run on fake clocks.
 */

export interface LimiterOptions {
  concurrency: number;
  minIntervalMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export interface HostLimiter {
  /**
   * Runs `task` when the host has a free slot and its spacing allows. `ahead`: the task
   * finishes work already under way, so it waits ahead of tasks that would start new work.
   */
  run<T>(task: () => Promise<T>, opts?: { ahead?: boolean }): Promise<T>;
  /** No request to this host starts before `until` (a 429's `Retry-After`). */
  pauseUntil(until: number): void;
  /** Requests running or waiting, for stats and tests. */
  load(): { active: number; waiting: number };
}

export function createHostLimiter(options: LimiterOptions): HostLimiter {
  let active = 0;
  let nextStart = 0;
  let pausedUntil = 0;
  // Tasks that go ahead first, each group in arrival order.
  const waiting: { wake: () => void; ahead: boolean }[] = [];

  // A freed slot is handed straight to the next waiter, so a newcomer can't slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next.wake();
    else active -= 1;
  };

  const queue = (ahead: boolean) =>
    new Promise<void>((wake) => {
      const at = ahead ? waiting.findIndex((w) => !w.ahead) : -1;
      waiting.splice(at === -1 ? waiting.length : at, 0, { wake, ahead });
    });

  async function acquire(ahead: boolean): Promise<void> {
    if (active >= options.concurrency) await queue(ahead);
    else active += 1;
    // Whoever wakes first claims the start; the others look again, so starts stay spaced.
    for (;;) {
      const now = options.now();
      const start = Math.max(now, nextStart, pausedUntil);
      if (start <= now) {
        nextStart = now + options.minIntervalMs;
        return;
      }
      await options.sleep(start - now);
    }
  }

  return {
    async run(task, opts) {
      await acquire(opts?.ahead ?? false);
      try {
        return await task();
      } finally {
        release();
      }
    },
    pauseUntil(until) {
      pausedUntil = Math.max(pausedUntil, until);
    },
    load: () => ({ active, waiting: waiting.length }),
  };
}
