/**
 * A per-host circuit breaker. After `failureThreshold` consecutive failures (network
 * errors, 5xx, 429/430, bot walls: research §1.4 "back off, never retry in a tight loop")
 * the host is left alone for a cool-down; then one trial request goes (half-open). A
 * success closes it; a failed trial opens it again for twice as long (capped).
 * Answers from a healthy server (404, password page, bad JSON) are not failures here.
 */
import type { LookupStatus } from '../model';

export interface BreakerOptions {
  failureThreshold: number;
  coolDownMs: number;
  /** Longest cool-down after repeated failed trials. */
  maxCoolDownMs: number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';
export interface BreakerFailure {
  status: LookupStatus;
  detail: string;
}

export interface HostBreaker {
  /** May a request go out now? In half-open state exactly one trial goes; every `true` must be followed by `success` or `failure`. */
  tryAcquire(now: number): boolean;
  success(): void;
  failure(failure: BreakerFailure, now: number): void;
  state(now: number): BreakerState;
  /** The failure that opened it, to answer with while open. */
  lastFailure(): BreakerFailure | null;
  /** When the next trial may go (0 when closed). */
  retryAt(): number;
}

export function createHostBreaker(options: BreakerOptions): HostBreaker {
  let failures = 0;
  let openedUntil = 0;
  let coolDown = options.coolDownMs;
  let trialInFlight = false;
  let last: BreakerFailure | null = null;

  const isOpen = () => failures >= options.failureThreshold;

  return {
    tryAcquire(now) {
      if (!isOpen()) return true;
      if (now < openedUntil || trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    success() {
      failures = 0;
      openedUntil = 0;
      coolDown = options.coolDownMs;
      trialInFlight = false;
      last = null;
    },
    failure(failure, now) {
      last = failure;
      const wasTrial = trialInFlight;
      trialInFlight = false;
      failures += 1;
      if (wasTrial) coolDown = Math.min(coolDown * 2, options.maxCoolDownMs);
      if (isOpen()) openedUntil = now + coolDown;
    },
    state(now) {
      if (!isOpen()) return 'closed';
      return now < openedUntil ? 'open' : 'half-open';
    },
    lastFailure: () => last,
    retryAt: () => (isOpen() ? openedUntil : 0),
  };
}
