/**
 * The Saved tab's first page, asked before the popup's code is loaded. Parsing and running
 * the popup's scripts took 57–90 ms and the list's round trip to the worker 40–65 ms, one
 * after the other (docs/performance.md); asked from a tiny entry, the worker reads the list
 * while the page loads the rest. No imports: this module must not pull the popup's chunks
 * into the entry. The answer is validated where it is used, by the popup's sender (env.ts).
 */

/** A popup shows three or four items at once: twenty is a page to scroll, and cheap to read, check and draw. */
export const PAGE = 20;

export interface EarlyMessage {
  type: string;
  data: unknown;
  /** The raw answer of runtime.sendMessage, not yet validated. */
  reply: Promise<unknown>;
}

type Runtime = { sendMessage(message: unknown): Promise<unknown> };

/** Sends `popup/saved-list` for the first page through the browser's own runtime (no polyfill: it is in the later chunk). */
export function askFirstSavedPage(): EarlyMessage {
  // Firefox pages have `browser`; Chrome's MV3 `chrome.runtime.sendMessage` returns a promise too.
  const global = globalThis as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };
  const runtime = (global.browser ?? global.chrome)!.runtime;
  const message = { type: 'popup/saved-list', data: { limit: PAGE } };
  return { ...message, reply: runtime.sendMessage(message) };
}
