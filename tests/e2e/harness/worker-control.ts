/**
 * The built extension in a browser whose background the test can kill at any moment
 * (issue 4 §7): MV3 service workers (Chromium) and event pages (Firefox) are stopped by the
 * browser whenever it likes, and everything ScrollCart writes must survive that.
 *
 * - Chromium: DevTools' `ServiceWorker.stopWorker` (what chrome://serviceworker-internals'
 *   Stop button does), sent from a CDP session on one of our own extension pages — a session
 *   on a web page only sees that page's workers. Its `workerVersionUpdated` events tell when
 *   the worker stopped and when a message woke it again.
 * - Firefox: `extension.terminateBackground()` in the parent process (what about:debugging's
 *   "Terminate background script" button calls), reached over WebDriver BiDi's chrome scope,
 *   which the harness's `--remote-allow-system-access` opens.
 *
 * The database is read from an extension page of the same origin that sends no message,
 * so reading never wakes the background (and Playwright's handle on a stopped service worker
 * goes stale: `session.worker()` can't be used across a kill).
 */
import type { CDPSession, Page } from '@playwright/test';
import type { Page as FirefoxPage } from 'puppeteer-core';
import type { World } from '../../fixtures/world';
import { launchChromium } from './chromium';
import type { FeedTab, Row } from './driver';
import { GECKO_ID, launchFirefox } from './firefox';
import { readTable } from './idb';

/** Chromium's running statuses, and Firefox's `backgroundState` values. */
export type BackgroundState = 'running' | 'starting' | 'stopping' | 'stopped' | 'suspending' | 'unknown';

export interface KillableExtension {
  browser: 'chromium' | 'firefox';
  openFeed(url: string): Promise<FeedTab>;
  /** Opens one of our pages (`/permissions.html?…`) in a tab, once `readySelector` is in it. */
  openPage(path: string, readySelector: string): Promise<FeedTab>;
  /** Every row of one table, read without waking the background. */
  rows(table: string): Promise<Row[]>;
  /** Stops the background now, whatever it is doing, and waits until it is stopped. Returns its state just before. */
  kill(): Promise<BackgroundState>;
  state(): Promise<BackgroundState>;
  /** Sends one of our messages from an extension page (a `page` sender) and returns the reply. */
  sendFromPage(type: string, data: unknown): Promise<unknown>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Runs in an extension page: a message to our background, as the popup would send it. */
export function sendMessage(message: { type: string; data: unknown }): Promise<unknown> {
  type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
  const scope = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
  return (scope.browser ?? scope.chrome).runtime.sendMessage(message);
}

/** The permission page with a host it refuses: our origin (IndexedDB, runtime), and it sends no message. */
const QUIET_PAGE = '/permissions.html?host=-';

// A tab opened by the ad's CTA (window.open) would push the feed to the background, where
// the browser throttles its frames and every scroll waits ~1 s: close it at once.
function chromiumFeedTab(page: Page): FeedTab {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('popup', (popup) => void popup.close());
  return {
    errors,
    scroll: (px = 4000) => page.mouse.wheel(0, px),
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    clickAt: (x, y) => page.mouse.click(x, y),
    goto: async (next) => void (await page.goto(next)),
    goBack: async () => void (await page.goBack()),
  };
}

export async function launchKillableChromium(world: World): Promise<KillableExtension> {
  const session = await launchChromium({ world });
  const origin = `chrome-extension://${session.extensionId}`;
  const reader = await session.context.newPage();
  await reader.goto(`${origin}${QUIET_PAGE}`);
  const cdp: CDPSession = await session.context.newCDPSession(reader);
  type Version = { id: string; status: BackgroundState };
  let version: Version | null = null;
  // Counted from the events: a worker woken by queued messages restarts faster than a poll can see it stopped.
  let stops = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (v.scriptURL !== `${origin}/background.js`) continue;
      if (v.runningStatus === 'stopped' && version?.status !== 'stopped') stops += 1;
      version = { id: v.versionId, status: v.runningStatus as BackgroundState };
    }
  });
  await cdp.send('ServiceWorker.enable');
  const current = async (): Promise<Version> => (await until(async () => version, (v) => v !== null, 'the background service worker'))!;
  await current();
  return {
    browser: 'chromium',
    openFeed: async (url) => {
      const page = await session.context.newPage();
      await page.goto(url);
      return chromiumFeedTab(page);
    },
    openPage: async (path, readySelector) => {
      const page = await session.context.newPage();
      await page.goto(`${origin}${path}`);
      await page.waitForSelector(readySelector);
      return chromiumFeedTab(page);
    },
    rows: async (table) => (await reader.evaluate(readTable, table)) as Row[],
    state: async () => (await current()).status,
    async kill() {
      const before = await current();
      const stopped = stops;
      await cdp.send('ServiceWorker.stopWorker', { versionId: before.id });
      await until(async () => stops, (n) => n > stopped, 'stopping the service worker');
      return before.status;
    },
    sendFromPage: (type, data) => reader.evaluate(sendMessage, { type, data }),
    close: () => session.close(),
  };
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** Evaluates `body` (an async function body) in Firefox's parent process with ScrollCart's `Extension` object as `ext`. */
async function parentProcess(connection: BidiConnection): Promise<(body: string) => Promise<unknown>> {
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = (tree.result.contexts as { context: string }[])[0]?.context;
  if (!context) throw new Error('no chrome-scope browsing context: is --remote-allow-system-access set?');
  return async (body) => {
    const expression = `(async () => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const ext = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
      ${body}
    })()`;
    const reply = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
    const result = reply.result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
    if (result.type !== 'success') throw new Error(`parent-process evaluation failed: ${result.exceptionDetails?.text ?? 'unknown error'}`);
    return result.result?.value;
  };
}

function firefoxFeedTab(page: FirefoxPage): FeedTab {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  let popped = false;
  page.on('popup', (popup) => {
    popped = true;
    void popup?.close();
  });
  return {
    errors,
    async scroll(px = 4000) {
      await page.bringToFront();
      await page.mouse.wheel({ deltaY: px });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as Promise<never>,
    async clickAt(x, y) {
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

export async function launchKillableFirefox(world: World): Promise<KillableExtension> {
  // Smooth wheel scrolling keeps a scroll animating after the wheel event, and a click during
  // it only stops the scroll: the test's clicks must land like a person's, on a still page.
  // Optional permissions are granted without the doorhanger (Firefox's test pref): a headless browser shows no prompt to answer.
  const prefs = { 'general.smoothScroll': false, 'extensions.webextOptionalPermissionPrompts': false };
  const session = await launchFirefox({ ...world, firefoxPrefs: () => ({ ...world.firefoxPrefs(), ...prefs }) });
  const inParent = await parentProcess((session.browser as unknown as { connection: BidiConnection }).connection);
  const reader = await session.openExtensionPage(QUIET_PAGE, '[data-testid="perm-bad-host"]');
  const state = async () => String(await inParent('return ext?.backgroundState ?? "unknown";')) as BackgroundState;
  return {
    browser: 'firefox',
    async openFeed(url) {
      const page = await session.browser.newPage();
      await page.goto(url);
      return firefoxFeedTab(page);
    },
    openPage: async (path, readySelector) => firefoxFeedTab(await session.openExtensionPage(path, readySelector)),
    rows: async (table) => (await reader.evaluate(readTable, table)) as Row[],
    state,
    async kill() {
      const before = await state();
      // Resolves once the page is gone; a queued message may start it again right away.
      await inParent('await ext.terminateBackground({ disableResetIdleForTest: true }); return true;');
      return before;
    },
    sendFromPage: (type, data) => reader.evaluate(sendMessage, { type, data }),
    close: () => session.close(),
  };
}

export const killable = { chromium: launchKillableChromium, firefox: launchKillableFirefox } as const;
