/**
 * A driver for the merchant dashboard's e2e (issue 6), in Chromium and Firefox ESR. Beyond
 * driver.ts's Driver it opens our pages in a window of their own (so the TikTok tab stays
 * the visible tab of its window, as `tabs.captureVisibleTab` needs), and acts out what
 * grants `activeTab` on the feed tab, which no page script can do:
 *
 * - Chromium: DevTools' `Extensions.triggerAction` on the feed's tab target — a click on the
 *   toolbar button (it needs `--enable-unsafe-extension-debugging` and the pipe connection
 *   Playwright uses). Chromium offers automation no way to fire an extension's keyboard command.
 * - Firefox: the parent process, over WebDriver BiDi's chrome scope (the harness's
 *   `--remote-allow-system-access`): the extension's tab manager grants activeTab as a
 *   toolbar click does, and the command's own `<key>` element runs as Alt+Shift+S would.
 *
 * driver.ts keeps its sessions private, so this file launches its own with the same launchers;
 * `inBothBrowsersForMerchant` mirrors suite.ts's `inBothBrowsers`.
 */
import { test, type Page } from '@playwright/test';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { startWorld, type World } from '../../fixtures/world';
import { launchChromium } from './chromium';
import type { FeedTab, Row } from './driver';
import { FIREFOX_ORIGIN, GECKO_ID, launchFirefox } from './firefox';
import { readTable } from './idb';

export interface ExtensionWindow {
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** A PNG of the window's viewport (for docs/screenshots). */
  screenshot(path: string): Promise<void>;
}

export interface MerchantDriver {
  browser: 'chromium' | 'firefox';
  openFeed(url: string): Promise<FeedTab>;
  rows(table: string): Promise<Row[]>;
  /** Opens one of our pages in a new window and waits for `readySelector`. */
  openWindow(path: string, readySelector: string): Promise<ExtensionWindow>;
  /** What a click on ScrollCart's toolbar button grants the feed tab: `activeTab`. */
  clickToolbarButton(): Promise<void>;
  /** Fires the snapshot command as the browser does on its shortcut; false where automation can't. */
  pressSnapshotShortcut(): Promise<boolean>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function chromiumFeedTab(page: Page): FeedTab {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    errors,
    scroll: (px = 4000) => page.mouse.wheel(0, px),
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    clickAt: (x, y) => page.mouse.click(x, y),
    goto: async (next) => void (await page.goto(next)),
    goBack: async () => void (await page.goBack()),
  };
}

export async function chromiumMerchantDriver(world: World): Promise<MerchantDriver> {
  const session = await launchChromium({ world, extraArgs: ['--enable-unsafe-extension-debugging'] });
  let feed: Page | null = null;
  return {
    browser: 'chromium',
    async openFeed(url) {
      feed = await session.context.newPage();
      const tab = chromiumFeedTab(feed);
      await feed.goto(url);
      return tab;
    },
    rows: async (table) => (await (await session.worker()).evaluate(readTable, table)) as Row[],
    async openWindow(path, readySelector) {
      const opened = session.context.waitForEvent('page', (p) => p.url().includes(path));
      await (await session.worker()).evaluate(async (url) => {
        await (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome.windows.create({ url, type: 'normal', width: 1280, height: 900 });
      }, `chrome-extension://${session.extensionId}${path}`);
      const page = await opened;
      await page.waitForSelector(readySelector, { state: 'attached' });
      return {
        evaluate: (fn, arg) => page.evaluate(fn, arg as never),
        async screenshot(file) {
          await page.setViewportSize({ width: 1280, height: 900 });
          await page.screenshot({ path: file, fullPage: true });
        },
      };
    },
    async clickToolbarButton() {
      const cdp = await session.context.browser()!.newBrowserCDPSession();
      // Tab targets are listed only when asked for with an empty filter.
      const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{}] } as never)) as { targetInfos: { targetId: string; type: string; url: string }[] };
      const tab = targetInfos.find((t) => t.type === 'tab' && t.url === feed?.url());
      if (!tab) throw new Error('the feed tab has no tab target');
      await cdp.send('Extensions.triggerAction' as never, { id: session.extensionId, targetId: tab.targetId } as never);
      await cdp.detach();
    },
    pressSnapshotShortcut: async () => false,
    close: () => session.close(),
  };
}

/** The parent-process code run over BiDi's chrome scope: the feed's window and tab, and our extension. */
const FEED_TAB = `const policy = WebExtensionPolicy.getByID('${GECKO_ID}');
const windows = [...Services.wm.getEnumerator('navigator:browser')];
const win = windows.find((w) => [...w.gBrowser.tabs].some((t) => t.linkedBrowser.currentURI.spec.startsWith('https://www.tiktok.com/')));
const tab = [...win.gBrowser.tabs].find((t) => t.linkedBrowser.currentURI.spec.startsWith('https://www.tiktok.com/'));`;

export async function firefoxMerchantDriver(world: World): Promise<MerchantDriver> {
  const session = await launchFirefox(world);
  // Opened first, so the feed tab opened next is the window's visible tab.
  const reader = await session.openExtensionPage('/popup.html', 'main');
  type Bidi = { send(method: string, params: object): Promise<{ result: { contexts?: { context: string }[]; result?: { value?: unknown }; exceptionDetails?: { text: string } } }> };
  const bidi = (session.browser as unknown as { connection: Bidi }).connection;
  const inParent = async (body: string): Promise<unknown> => {
    const tree = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const context = tree.result.contexts?.[0]?.context;
    const { result } = await bidi.send('script.evaluate', { expression: `(() => { ${FEED_TAB} ${body} })()`, target: { context }, awaitPromise: true });
    if (result.exceptionDetails) throw new Error(`parent process: ${result.exceptionDetails.text}`);
    return result.result?.value;
  };
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
    async openWindow(path, readySelector) {
      const page: FirefoxPage = await session.browser.newPage({ type: 'window' });
      const url = `${FIREFOX_ORIGIN}${path}`;
      void page.goto(url).catch(() => {});
      // Polled with plain evaluations, as firefox.ts does (BiDi element handles are unreliable on moz-extension pages).
      for (const deadline = Date.now() + 20_000; ; await sleep(200)) {
        if (await page.evaluate((s) => document.querySelector(s) !== null, readySelector).catch(() => false)) break;
        if (Date.now() > deadline) throw new Error(`${path}: ${readySelector} did not appear`);
      }
      return { evaluate: (fn, arg) => page.evaluate(fn as never, arg) as Promise<never>, screenshot: async (file) => void (await page.screenshot({ path: file as `${string}.png` })) };
    },
    async clickToolbarButton() {
      await inParent('policy.extension.tabManager.addActiveTabPermission(tab); return true;');
    },
    async pressSnapshotShortcut() {
      // The command's <key> in the feed's window: its command handler grants activeTab and fires commands.onCommand.
      const fired = await inParent(`const key = [...(policy.extension.shortcuts.keysetsMap.get(win)?.children ?? [])].find((k) => k.getAttribute('key') === 'S' && k.getAttribute('modifiers') === 'alt,shift');
        key?.doCommand();
        return !!key;`);
      return fired === true;
    },
    close: () => session.close(),
  };
}

export const merchantDrivers = { chromium: chromiumMerchantDriver, firefox: firefoxMerchantDriver } as const;

export type MerchantScenario = (ctx: { driver: MerchantDriver; world: World }) => Promise<void>;

/** suite.ts's `inBothBrowsers`, with the merchant driver. */
export function inBothBrowsersForMerchant(scenarios: Record<string, MerchantScenario>): void {
  for (const browser of Object.keys(merchantDrivers) as (keyof typeof merchantDrivers)[]) {
    test.describe(browser, () => {
      let world: World;
      let driver: MerchantDriver;
      test.beforeEach(async () => {
        world = await startWorld();
        driver = await merchantDrivers[browser](world);
      });
      test.afterEach(async () => {
        await driver?.close();
        await world?.close();
      });
      for (const [title, scenario] of Object.entries(scenarios)) test(title, () => scenario({ driver, world }));
    });
  }
}
