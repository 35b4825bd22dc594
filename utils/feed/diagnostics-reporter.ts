/** Sends the content script's counter deltas every few seconds and when the page goes away. */
import { countersSince, flattenCounters, type Counters } from '../diagnostics-counters';

export function reportCountersPeriodically(
  read: () => Record<string, unknown>,
  send: (delta: Counters) => void,
  signal: AbortSignal,
  everyMs = 5_000,
): void {
  let reported: Counters = {};
  const report = () => {
    const now = flattenCounters(read());
    const delta = countersSince(now, reported);
    if (Object.keys(delta).length === 0) return;
    reported = now;
    send(delta);
  };
  // Cheap when nothing changed: a few small objects compared, no message sent.
  const timer = setInterval(report, everyMs);
  window.addEventListener('pagehide', report, { signal });
  signal.addEventListener('abort', () => clearInterval(timer));
}
