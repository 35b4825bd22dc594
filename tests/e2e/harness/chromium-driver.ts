/**
 * The Driver in Debian's Chromium (Playwright). Our database and storage are read from a
 * quiet extension page opened first (so a feed tab opened later is its window's visible tab);
 * the background is watched and stopped over DevTools from that page:
 *
 * - kill: worker-control.ts, over a CDP session on that page.
 * - toolbar button: `Extensions.triggerAction` on the feed's tab target (needs
 *   `--enable-unsafe-extension-debugging`). Chromium offers automation no way to fire an
 *   extension's keyboard command, nor to open or click its native context menu (headless or
 *   not: the menu is browser UI that neither CDP nor the extension APIs can press).
 */
import type { Page } from '@playwright/test';
import type { World } from '../../fixtures/world';
import { launchChromium } from './chromium';
import type { Driver, DriverOptions, ExtensionPage, FeedTab } from './driver';
import { POPUP_SIZE, QUIET_PAGE, readerControls, type Evaluator } from './driver-parts';
import { chromiumLanguage } from './ui-language';
import { controlWorker } from './worker-control';

function feedTab(page: Page, opts: DriverOptions): FeedTab {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (opts.closeCtaTabs) page.on('popup', (popup) => void popup.close());
  return {
    errors,
    scroll: (px = 4000) => page.mouse.wheel(0, px),
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    clickAt: (x, y) => page.mouse.click(x, y),
    goto: async (next) => void (await page.goto(next)),
    goBack: async () => void (await page.goBack()),
  };
}

function extensionPage(page: Page, opts: DriverOptions): ExtensionPage {
  return {
    ...feedTab(page, opts),
    runScript: async (source) => void (await page.evaluate(`${source};0`)),
    press: (key) => page.keyboard.press(key),
    async screenshot(file, shot = {}) {
      await page.setViewportSize(shot.popup ? POPUP_SIZE : { width: 1280, height: 900 });
      await page.screenshot({ path: file, fullPage: !shot.popup });
    },
    close: () => page.close(),
  };
}

export async function chromiumDriver(world: World, opts: DriverOptions = {}): Promise<Driver> {
  const session = await launchChromium({ world, extraArgs: ['--enable-unsafe-extension-debugging'], ...chromiumLanguage(opts.locale) });
  const origin = `chrome-extension://${session.extensionId}`;
  const reader = await session.context.newPage();
  await reader.goto(`${origin}${QUIET_PAGE}`);
  const worker = await controlWorker(await session.context.newCDPSession(reader), origin);
  let feed: Page | null = null;

  const openExtensionPage: Driver['openExtensionPage'] = async (path, readySelector, { window = false } = {}) => {
    let page: Page;
    if (window) {
      const opened = session.context.waitForEvent('page', (p) => p.url().includes(path));
      await (await session.worker()).evaluate(async (url) => {
        await (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome.windows.create({ url, type: 'normal', width: 1280, height: 900 });
      }, `${origin}${path}`);
      page = await opened;
    } else {
      page = await session.context.newPage();
      await page.goto(`${origin}${path}`);
    }
    await page.waitForSelector(readySelector, { state: 'attached' });
    return extensionPage(page, opts);
  };

  return {
    browser: 'chromium',
    async openFeed(url) {
      feed = await session.context.newPage();
      const tab = feedTab(feed, opts);
      await feed.goto(url);
      return tab;
    },
    openExtensionPage,
    ...readerControls(reader as Evaluator, openExtensionPage),
    state: () => worker.state(),
    kill: () => worker.stop(),
    async chooseContextMenuEntry(at, { injects }) {
      if (!feed) throw new Error('no feed tab: openFeed first');
      await feed.mouse.click(at.x, at.y, { button: 'right' });
      const url = feed.url();
      // The stand-in for the menu click: what the entry's onClicked handler does with the tab.
      await (await session.worker()).evaluate(
        async ({ url, file }) => {
          type Api = {
            tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
            scripting: { executeScript(o: { target: { tabId: number; frameIds: number[] }; files: string[] }): Promise<unknown> };
          };
          const { tabs, scripting } = (globalThis as unknown as { chrome: Api }).chrome;
          const tab = (await tabs.query({})).find((t) => t.url === url);
          if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
          await scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, files: [file] });
        },
        { url, file: injects },
      );
    },
    async clickToolbarButton() {
      const browserCdp = await session.context.browser()!.newBrowserCDPSession();
      // Tab targets are listed only when asked for with an empty filter.
      const { targetInfos } = (await browserCdp.send('Target.getTargets', { filter: [{}] } as never)) as { targetInfos: { targetId: string; type: string; url: string }[] };
      const tab = targetInfos.find((t) => t.type === 'tab' && t.url === feed?.url());
      if (!tab) throw new Error('the feed tab has no tab target');
      await browserCdp.send('Extensions.triggerAction' as never, { id: session.extensionId, targetId: tab.targetId } as never);
      await browserCdp.detach();
    },
    pressSnapshotShortcut: async () => false,
    close: () => session.close(),
  };
}
