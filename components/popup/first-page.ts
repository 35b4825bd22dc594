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

type NativeApi = { runtime: { sendMessage(message: unknown): Promise<unknown> }; i18n: { getUILanguage(): string } };

/** The browser's own extension API: Firefox pages have `browser`; Chrome's MV3 `chrome` returns promises too. */
function nativeApi(): NativeApi {
  const global = globalThis as { browser?: NativeApi; chrome?: NativeApi };
  return (global.browser ?? global.chrome)!;
}

/** Sends `popup/saved-list` for the first page through the browser's own runtime (no polyfill: it is in the later chunk). */
export function askFirstSavedPage(): EarlyMessage {
  const message = { type: 'popup/saved-list', data: { limit: PAGE } };
  return { ...message, reply: nativeApi().runtime.sendMessage(message) };
}

/**
 * Builds the popup's first Intl formatters (money, then dates) in the UI language and drops
 * them. The first formatter a renderer process builds loads ICU's locale data: 11–15 ms in
 * Chromium, once per process (docs/performance.md), and the popup's process is new whenever
 * the browser had stopped the idle worker. Called while the first page and the UI's code are
 * on their way, so that load overlaps them instead of the first draw.
 */
export function warmIntlData(): void {
  const locale = nativeApi().i18n.getUILanguage();
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(1);
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
}
