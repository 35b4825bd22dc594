/**
 * Sending again a message the background never answered because it was gone. An MV3 service
 * worker (Firefox: the event page) can stop at any moment, also with a message in flight; the
 * browser starts it again for the next message, so a second try a moment later usually lands.
 * Only messages the background handles idempotently are sent again: a sighting is keyed by
 * its item id and carries a report id, a click and a save carry the id made at the click, so
 * a retry of a message that was in fact handled writes nothing twice (utils/sightings.ts,
 * utils/clicks.ts, utils/saved.ts).
 */

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  firstDelayMs: number;
  factor: number;
  maxDelayMs: number;
}

/** 6 tries over about 4 s: a worker woken by a message starts in tens of milliseconds, a busy machine's in a second or two. */
export const SEND_RETRY: RetryPolicy = { attempts: 6, firstDelayMs: 100, factor: 2.5, maxDelayMs: 1500 };

/**
 * What `runtime.sendMessage` rejects with when the background went away around the message
 * (Chromium's and Firefox's wording). "Extension context invalidated" is not among them: the
 * extension was reloaded or removed, this content script is an orphan and nothing will answer.
 */
const WORKER_GONE = [
  /could not establish connection/i, // no listener yet: the worker is starting (Chromium, Firefox)
  /message port closed before a response/i, // Chromium: the worker stopped before answering
  /message channel closed before a response/i, // Chromium: the same, for a listener that answered asynchronously
  /message manager disconnected/i, // Firefox: the background page went away
  /destroyed before query/i, // Firefox: "Actor 'Conduits' destroyed before query 'RuntimeMessage' was resolved"
];

export function isWorkerGone(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (/context invalidated/i.test(message)) return false;
  return WORKER_GONE.some((pattern) => pattern.test(message));
}

/** The wait before try `n + 1` (n ≥ 1): exponential, capped. */
export function delayBefore(n: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * policy.factor ** (n - 1));
}

export interface RetryDeps {
  /** Message types that are safe to send twice. */
  idempotent: ReadonlySet<string>;
  policy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  /** The content script's lifetime: once aborted, no more tries. */
  signal?: AbortSignal;
  /** Counts each try made again, for the diagnostics. */
  onRetry?: (type: string, error: unknown) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Wraps `send` (runtime.sendMessage): an idempotent message the background was not there for is sent again, a few times, with backoff. */
export function retryingSend(send: (message: unknown) => Promise<unknown>, deps: RetryDeps): (message: unknown) => Promise<unknown> {
  const policy = deps.policy ?? SEND_RETRY;
  const sleep = deps.sleep ?? defaultSleep;
  return async (message) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !deps.idempotent.has(type)) return send(message);
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await send(message).then(
        (reply) => ({ reply }),
        (error: unknown) => ({ error }),
      );
      // An answer; or no answer at all, which here means the background stopped with the message in hand (our handlers always answer).
      if ('reply' in outcome && outcome.reply !== undefined) return outcome.reply;
      if ('error' in outcome && !isWorkerGone(outcome.error)) throw outcome.error;
      const giveUp = () => {
        if ('error' in outcome) throw outcome.error;
        return undefined;
      };
      if (attempt >= policy.attempts || deps.signal?.aborted) return giveUp();
      deps.onRetry?.(type, 'error' in outcome ? outcome.error : 'no answer');
      await sleep(delayBefore(attempt, policy));
      if (deps.signal?.aborted) return giveUp();
    }
  };
}
