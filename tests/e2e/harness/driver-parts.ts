/** What the two browsers' drivers share: the quiet reader page, and the reads and messages made through it. */
import type { Driver } from './driver';
import { readLocal, sendMessage } from './extension-scripts';
import { readTable } from './idb';

/** The permission page with a host it refuses: our origin (IndexedDB, runtime), and it sends no message. */
export const QUIET_PAGE = '/permissions.html?host=-';
/** The toolbar popup's size, for screenshots of the popup as a person sees it. */
export const POPUP_SIZE = { width: 404, height: 600 };

/** An extension page the driver can evaluate in (Playwright's and puppeteer's pages both fit). */
export interface Evaluator {
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
}

/** Reads and messages through `reader` (a quiet page: reading never wakes the background), page text through `open`. */
export function readerControls(reader: Evaluator, open: Driver['openExtensionPage']): Pick<Driver, 'extensionPageText' | 'rows' | 'readStorage' | 'sendFromPage'> {
  return {
    async extensionPageText(path, selector) {
      const page = await open(path, selector);
      const text = await page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', selector);
      await page.close();
      return text;
    },
    rows: async (table) => (await reader.evaluate(readTable, table)) as Record<string, unknown>[],
    readStorage: (key) => reader.evaluate(readLocal, key),
    sendFromPage: (type, data) => reader.evaluate(sendMessage, { type, data }),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `ok`, for harness internals that run outside an `expect.poll`. */
export async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await sleep(50);
  }
}
