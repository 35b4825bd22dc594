/**
 * When to try a store request again, and after how long. Research §1.4/§1.10: 5xx and
 * network errors are transient (retry with backoff); 429 carries `Retry-After` (honour it,
 * capped); 430 is Shopify's security rejection and bot walls are HTML pages (retrying soon
 * only makes them worse, so neither is retried here). Never a tight loop.
 */
import type { FetchJsonResult } from './fetch-json';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the lookup ends `rate-limited`. */
  retryAfterCapMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 30_000, retryAfterCapMs: 30_000 };

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so waits
 * grow (1 s, 2 s, 4 s …) yet clients that failed together don't retry together.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/** `attempt` counts from 0 for the request that just ended. */
export function decideRetry(result: FetchJsonResult, attempt: number, policy: RetryPolicy, random: () => number): RetryDecision {
  if (result.ok || attempt + 1 >= policy.maxAttempts) return { retry: false };
  if (result.status === 'network') return { retry: true, delayMs: backoffDelay(attempt, policy, random) };
  if (result.status === 'rate-limited' && result.httpStatus === 429) {
    const wait = result.retryAfterMs ?? backoffDelay(attempt, policy, random);
    return wait <= policy.retryAfterCapMs ? { retry: true, delayMs: wait } : { retry: false };
  }
  return { retry: false };
}

/** Does this answer say the host is struggling or pushing back (a breaker failure), rather than answering? */
export function isHostFailure(result: FetchJsonResult): boolean {
  if (result.ok) return false;
  if (result.status === 'network' || result.status === 'rate-limited') return true;
  return result.status === 'blocked' && (result.httpStatus === 403 || result.html === true);
}
