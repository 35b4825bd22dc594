/**
 * Drivers that can also *use* ScrollCart's extension pages (the popup), not just read
 * them: the Driver of driver.ts plus `openExtensionPage`, in Chromium and Firefox ESR.
 * Their sessions are private to driver.ts, so this file launches its own, with the same
 * launchers; `inBothBrowsersWithPages` mirrors suite.ts's `inBothBrowsers` on top of them.
 * Everything run inside a page goes through plain evaluations (self-contained functions
 * returning plain values), which BiDi in Firefox ESR answers reliably on moz-extension pages.
 */
import { expect, test } from '@playwright/test';
import { startWorld, type World } from '../../fixtures/world';
import { launchChromium } from './chromium';
import type { Driver, FeedTab } from './driver';
import { launchFirefox } from './firefox';
import { readTable } from './idb';
import { requireFile } from './paths';

const POPUP_SIZE = { width: 404, height: 600 };

export interface PageDriverOptions {
  /** The browser's UI language, which is what `i18n.getUILanguage()` and the extension's catalogue follow. */
  locale?: 'ar';
}

// What each browser needs to run in Arabic, from Debian (no downloads): Chromium reads its UI
// language from LANGUAGE/LC_ALL on Linux (it ignores --lang there) and needs the locale's .pak
// from chromium-l10n; the pages' locale must say Arabic too, or @playwright/test emulates en-US
// in them (tried: that emulation alone gives getUILanguage() 'ar' but the English catalogue and
// ltr; the environment alone is overridden by the emulation). Firefox takes `intl.locale.requested` once the langpack is installed
// (firefox-esr-l10n-ar puts it among the app's own add-ons).
const CHROMIUM_AR_PAK = '/usr/lib/chromium/locales/ar.pak';
const FIREFOX_AR_LANGPACK = '/usr/lib/firefox-esr/browser/extensions/langpack-ar@firefox-esr.mozilla.org.xpi';
const chromiumEnv = (o: PageDriverOptions) =>
  o.locale === 'ar' ? (requireFile(CHROMIUM_AR_PAK, 'apt-get install -y chromium-l10n'), { LANGUAGE: 'ar', LC_ALL: 'ar_EG.UTF-8', LANG: 'ar_EG.UTF-8' }) : undefined;
const firefoxPrefs = (o: PageDriverOptions): Record<string, string> => (o.locale === 'ar' ? (requireFile(FIREFOX_AR_LANGPACK, 'apt-get install -y firefox-esr-l10n-ar'), { 'intl.locale.requested': 'ar' }) : {});

export interface ExtensionPage {
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /**
   * Runs a script's source in the page through the automation protocol, which the page's
   * Content-Security-Policy (no inline scripts, no eval) does not govern: how axe-core gets in.
   */
  runScript(source: string): Promise<void>;
  /** A PNG of the page as drawn in a popup-sized viewport (404 × 600, like the toolbar popup), written to `path`. */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface PageDriver extends Driver {
  /** Opens one of our pages (e.g. `/popup.html`) in a tab and waits for `readySelector`. */
  openExtensionPage(path: string, readySelector: string): Promise<ExtensionPage>;
}

export async function chromiumPageDriver(world: World, options: PageDriverOptions = {}): Promise<PageDriver> {
  const session = await launchChromium({ world, env: chromiumEnv(options), locale: options.locale });
  const openExtensionPage = async (path: string, readySelector: string): Promise<ExtensionPage> => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}${path}`);
    await page.waitForSelector(readySelector, { state: 'attached' });
    return {
      evaluate: (fn, arg) => page.evaluate(fn, arg as never),
      runScript: async (source) => void (await page.evaluate(`${source};0`)),
      screenshot: async (path) => {
        await page.setViewportSize(POPUP_SIZE);
        await page.screenshot({ path });
      },
      close: () => page.close(),
    };
  };
  return {
    browser: 'chromium',
    async openFeed(url): Promise<FeedTab> {
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
    rows: async (table) => (await (await session.worker()).evaluate(readTable, table)) as Record<string, unknown>[],
    async extensionPageText(path, selector) {
      const page = await openExtensionPage(path, selector);
      const text = await page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', selector);
      await page.close();
      return text;
    },
    openExtensionPage,
    close: () => session.close(),
  };
}

export async function firefoxPageDriver(world: World, options: PageDriverOptions = {}): Promise<PageDriver> {
  const session = await launchFirefox(world, firefoxPrefs(options));
  const reader = await session.openExtensionPage('/popup.html', 'main');
  const openExtensionPage = async (path: string, readySelector: string): Promise<ExtensionPage> => {
    const page = await session.openExtensionPage(path, readySelector);
    return {
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as Promise<never>,
      runScript: async (source) => void (await page.evaluate(`${source};0`)),
      screenshot: async (path) => {
        await page.setViewport(POPUP_SIZE);
        await page.screenshot({ path: path as `${string}.png` });
      },
      close: () => page.close(),
    };
  };
  return {
    browser: 'firefox',
    async openFeed(url): Promise<FeedTab> {
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
    rows: async (table) => (await reader.evaluate(readTable, table)) as Record<string, unknown>[],
    async extensionPageText(path, selector) {
      const page = await openExtensionPage(path, selector);
      const text = await page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', selector);
      await page.close();
      return text;
    },
    openExtensionPage,
    close: () => session.close(),
  };
}

export const pageDrivers = { chromium: chromiumPageDriver, firefox: firefoxPageDriver } as const;

export type PageScenario = (ctx: { driver: PageDriver; world: World }) => Promise<void>;

/** suite.ts's `inBothBrowsers`, with drivers that can use extension pages (in a given UI language). */
export function inBothBrowsersWithPages(scenarios: Record<string, PageScenario>, options: PageDriverOptions = {}): void {
  for (const browser of Object.keys(pageDrivers) as (keyof typeof pageDrivers)[]) {
    test.describe(browser, () => {
      let world: World;
      let driver: PageDriver;
      test.beforeEach(async () => {
        world = await startWorld();
        driver = await pageDrivers[browser](world, options);
      });
      test.afterEach(async () => {
        await driver?.close();
        await world?.close();
      });
      for (const [title, scenario] of Object.entries(scenarios)) test(title, () => scenario({ driver, world }));
    });
  }
}

// Self-contained page functions (no imports, no closures): what a person does on a page.

/** Clicks the first `selector` whose trimmed text matches `text` (a regular expression source); false if none yet. */
export function clickControl(arg: { selector: string; text?: string }): boolean {
  const match = arg.text === undefined ? null : new RegExp(arg.text);
  const el = [...document.querySelectorAll<HTMLElement>(arg.selector)].find((e) => !match || match.test(e.textContent?.trim() ?? ''));
  if (!el || (el as HTMLButtonElement).disabled) return false;
  el.focus();
  el.click();
  return true;
}

/** Sets an input's or a select's value and fires input and change, as an edit does; false if it is not there yet. */
export function setControl(arg: { selector: string; value: string }): boolean {
  const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(arg.selector);
  if (!el) return false;
  el.focus();
  el.value = arg.value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/** The text of every element matching `selector`. */
export function textsOf(selector: string): string[] {
  return [...document.querySelectorAll(selector)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Polls a page action until it reports it could be done. */
export async function until(action: () => Promise<boolean>, what: string): Promise<void> {
  await expect.poll(action, { message: what }).toBe(true);
}
