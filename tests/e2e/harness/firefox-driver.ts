/**
 * The Driver in Firefox ESR (puppeteer-core over WebDriver BiDi). Our database and storage
 * are read from a quiet extension page opened first (Firefox's background can't be
 * evaluated, and a feed tab opened later is its window's visible tab). What no page script
 * can do runs in the parent process (firefox-parent.ts):
 *
 * - kill: `extension.terminateBackground()` (about:debugging's "Terminate background script").
 * - toolbar button: the extension's tab manager grants activeTab as a toolbar click does; the
 *   snapshot shortcut: the command's own `<key>` element runs as Alt+Shift+S would.
 * - context menu: a real right-click opens the browser's own menu (headless too), which the
 *   menus API fills with our entries; the entry is activated in it as a person's click would be.
 *
 * Everything run in our pages goes through plain evaluations, which BiDi in Firefox ESR
 * answers reliably on moz-extension pages (element handles it does not).
 */
import type { KeyInput, Page } from 'puppeteer-core';
import type { World } from '../../fixtures/world';
import type { BackgroundState, Driver, DriverOptions, ExtensionPage, FeedTab } from './driver';
import { POPUP_SIZE, QUIET_PAGE, readerControls, sleep, waitFor, type Evaluator } from './driver-parts';
import { firefoxLanguagePrefs } from './ui-language';
import { FIREFOX_ORIGIN, GECKO_ID, launchFirefox } from './firefox';

/** Pixels per wheel event, under the most one event scrolls in ESR 140. */
const WHEEL_STEP = 400;

function feedTab(page: Page, opts: DriverOptions): FeedTab {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  let popped = false;
  if (opts.closeCtaTabs) {
    page.on('popup', (popup) => {
      popped = true;
      void popup?.close();
    });
  }
  return {
    errors,
    async scroll(px = 4000) {
      await page.bringToFront();
      // ESR 140 scrolls at most about a screen per wheel event (505 of 600 px): wheel in smaller steps.
      for (let left = px; left !== 0; ) {
        const step = Math.sign(left) * Math.min(Math.abs(left), WHEEL_STEP);
        await page.mouse.wheel({ deltaY: step });
        left -= step;
      }
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as Promise<never>,
    async clickAt(x, y) {
      if (!opts.closeCtaTabs) return page.mouse.click(x, y);
      // After a CTA's tab, the feed must be the active tab again before a click reaches it.
      if (popped) {
        popped = false;
        await page.bringToFront();
        await sleep(500);
      }
      // A pointer that jumps and presses at once is sometimes not turned into a click by Firefox: move, rest, press.
      await page.mouse.move(x, y);
      await sleep(50);
      await page.mouse.click(x, y, { delay: 30 });
    },
    goto: async (next) => void (await page.goto(next)),
    goBack: async () => void (await page.goBack()),
  };
}

/** BiDi's own setViewport: puppeteer's also overrides the screen orientation, a command ESR 140 doesn't know. */
async function setViewport(page: Page, viewport: { width: number; height: number }): Promise<void> {
  const { connection } = page.browser() as unknown as { connection: { send(method: string, params: object): Promise<unknown> } };
  await connection.send('browsingContext.setViewport', { context: (page.mainFrame() as unknown as { _id: string })._id, viewport });
}

function extensionPage(page: Page, opts: DriverOptions): ExtensionPage {
  return {
    ...feedTab(page, opts),
    runScript: async (source) => void (await page.evaluate(`${source};0`)),
    press: (key) => page.keyboard.press(key as KeyInput),
    async screenshot(file, shot = {}) {
      if (shot.popup) await setViewport(page, POPUP_SIZE);
      await page.screenshot({ path: file as `${string}.png` });
    },
    close: () => page.close(),
  };
}

/** The parent-process code's preamble: our extension, and the window and tab of the TikTok feed. */
const PREAMBLE = `const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
const ext = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
const policy = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)});
const windows = [...Services.wm.getEnumerator('navigator:browser')];
const win = windows.find((w) => [...w.gBrowser.tabs].some((t) => t.linkedBrowser.currentURI.spec.startsWith('https://www.tiktok.com/')));
const tab = win && [...win.gBrowser.tabs].find((t) => t.linkedBrowser.currentURI.spec.startsWith('https://www.tiktok.com/'));`;

/** The menu element Firefox's menus API makes for our entry `id` (ext-menus.js: the add-on's widget id, then `-menuitem-_` and the id). */
function menuItemElementId(id: string): string {
  return `${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-menuitem-_${id}`;
}

export async function firefoxDriver(world: World, opts: DriverOptions = {}): Promise<Driver> {
  const session = await launchFirefox(world, { ...opts.firefoxPrefs, ...firefoxLanguagePrefs(opts.locale) });
  /** Runs `body` (an async function body) in the parent process, after the preamble. */
  const inParent = (body: string) => session.parent.evaluate(`(async () => { ${PREAMBLE} ${body} })()`);
  // Opened first, so the feed tab opened next is the window's visible tab.
  const reader = await session.openExtensionPage(QUIET_PAGE, '[data-testid="perm-bad-host"]');
  const state = async () => String(await inParent('return ext?.backgroundState ?? "unknown";')) as BackgroundState;

  const openExtensionPage: Driver['openExtensionPage'] = async (path, readySelector, { window = false } = {}) => {
    if (!window) return extensionPage(await session.openExtensionPage(path, readySelector), opts);
    const page = await session.browser.newPage({ type: 'window' });
    const url = `${FIREFOX_ORIGIN}${path}`;
    void page.goto(url).catch(() => {});
    // Polled with plain evaluations, as firefox.ts does (BiDi element handles are unreliable on moz-extension pages).
    for (const deadline = Date.now() + 20_000; ; await sleep(200)) {
      if (await page.evaluate((s) => document.querySelector(s) !== null, readySelector).catch(() => false)) break;
      if (Date.now() > deadline) throw new Error(`${path}: ${readySelector} did not appear`);
    }
    return extensionPage(page, opts);
  };

  let feed: Page | null = null;
  /** The page's context menu, as the parent process has it: open or not, and whether our entry `id` is in it. */
  const menu = async (id: string, act: 'read' | 'activate' | 'hide') =>
    String(
      await inParent(`const popup = win?.document.getElementById('contentAreaContextMenu');
        const item = [...(popup?.querySelectorAll('menuitem') ?? [])].find((i) => i.id === ${JSON.stringify(menuItemElementId(id))} && !i.hidden);
        if (${JSON.stringify(act)} === 'activate' && item && popup.state === 'open') { popup.activateItem(item); return 'activated'; }
        if (${JSON.stringify(act)} === 'hide' && popup?.state === 'open') popup.hidePopup();
        return popup?.state === 'open' ? (item ? 'open' : 'open without the entry') : 'closed';`),
    );

  return {
    browser: 'firefox',
    async openFeed(url) {
      const page = await session.browser.newPage();
      feed = page;
      const tab = feedTab(page, opts);
      await page.goto(url);
      return tab;
    },
    openExtensionPage,
    ...readerControls(reader as Evaluator, openExtensionPage),
    state,
    async kill() {
      const before = await state();
      // Resolves once the page is gone; a queued message may start it again right away.
      await inParent('await ext.terminateBackground({ disableResetIdleForTest: true }); return true;');
      return before;
    },
    async chooseContextMenuEntry(at, { menuItemId }) {
      if (!feed) throw new Error('no feed tab: openFeed first');
      const page = feed;
      // Under load a right-click is sometimes not turned into a contextmenu (as with clicks, see
      // feedTab): press again until the menu is open with our entry in it.
      await waitFor(
        async () => {
          if ((await menu(menuItemId, 'read')) === 'open') return true;
          await menu(menuItemId, 'hide');
          await page.bringToFront();
          await page.mouse.move(at.x, at.y);
          await sleep(50);
          await page.mouse.click(at.x, at.y, { button: 'right', delay: 30 });
          return waitFor(() => menu(menuItemId, 'read'), (state) => state === 'open', 'the context menu', 3_000).then(
            () => true,
            () => false,
          );
        },
        (open) => open,
        `the context menu with ${menuItemId}`,
        30_000,
      );
      const done = await menu(menuItemId, 'activate');
      if (done !== 'activated') throw new Error(`the context menu entry ${menuItemId}: ${done}`);
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
