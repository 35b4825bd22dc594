/**
 * One small driver per browser, so each e2e scenario is written once and run in both
 * Chromium (Playwright) and Firefox ESR (puppeteer over BiDi).
 */
import type { World } from '../../fixtures/world';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { readTable } from './idb';

export type Row = Record<string, unknown>;

export interface FeedTab {
  /** Scrolls the feed down by `px` (default: several cards), as a person would with the wheel. */
  scroll(px?: number): Promise<void>;
  /** Runs `fn` in the page (the page's own world, not the extension's). */
  evaluate<T, A = undefined>(fn: (arg: A) => T, arg?: A): Promise<T>;
  /** A real mouse click at page coordinates (a user gesture, unlike element.click()). */
  clickAt(x: number, y: number): Promise<void>;
  goto(url: string): Promise<void>;
  goBack(): Promise<void>;
  /** Uncaught page errors seen so far. */
  errors: string[];
}

export interface Driver {
  browser: 'chromium' | 'firefox';
  openFeed(url: string): Promise<FeedTab>;
  /** Every row of one table of ScrollCart's IndexedDB, read inside the extension. */
  rows(table: string): Promise<Row[]>;
  /** Opens an extension page and returns the text of `selector` once it is there. */
  extensionPageText(path: string, selector: string): Promise<string>;
  close(): Promise<void>;
}

export async function chromiumDriver(world: World): Promise<Driver> {
  const session = await launchChromium({ world });
  return {
    browser: 'chromium',
    async openFeed(url) {
      const page = await session.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      return {
        errors,
        scroll: (px = 4000) => page.mouse.wheel(0, px),
        evaluate: (fn, arg) => page.evaluate(fn, arg as never),
        clickAt: (x, y) => page.mouse.click(x, y),
        goto: async (next) => void (await page.goto(next)),
        goBack: async () => void (await page.goBack()),
      };
    },
    rows: async (table) => (await (await session.worker()).evaluate(readTable, table)) as Row[],
    async extensionPageText(path, selector) {
      const page = await session.context.newPage();
      await page.goto(`chrome-extension://${session.extensionId}${path}`);
      const text = (await page.locator(selector).textContent()) ?? '';
      await page.close();
      return text;
    },
    close: () => session.close(),
  };
}

export async function firefoxDriver(world: World): Promise<Driver> {
  const session = await launchFirefox(world);
  // Firefox's background page can't be evaluated: IndexedDB is read from our popup, same origin.
  const reader = await session.openExtensionPage('/popup.html', 'main');
  return {
    browser: 'firefox',
    async openFeed(url) {
      const page = await session.browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
      await page.goto(url);
      return {
        errors,
        async scroll(px = 4000) {
          await page.bringToFront();
          await page.mouse.wheel({ deltaY: px });
        },
        evaluate: (fn, arg) => page.evaluate(fn as never, arg) as Promise<never>,
        clickAt: (x, y) => page.mouse.click(x, y),
        goto: async (next) => void (await page.goto(next)),
        goBack: async () => void (await page.goBack()),
      };
    },
    rows: async (table) => (await reader.evaluate(readTable, table)) as Row[],
    async extensionPageText(path, selector) {
      const page = await session.openExtensionPage(path, selector);
      const text = await page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', selector);
      await page.close();
      return text;
    },
    close: () => session.close(),
  };
}

export const drivers = { chromium: chromiumDriver, firefox: firefoxDriver } as const;
