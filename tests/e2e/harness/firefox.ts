/**
 * Firefox ESR with the built extension installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi (Playwright can't load extensions into stock
 * Firefox; e2e-recipe.md § Firefox ESR). Host names reach the local world through
 * its CONNECT proxy.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { World } from '../../fixtures/world';
import { sleep } from './driver-parts';
import { DEBUGGER_PREFS, freePort, parentProcess, type ParentProcess } from './firefox-parent';
import { FIREFOX_BIN, FIREFOX_BUILD, requireFile } from './paths';

export const GECKO_ID = 'scrollcart@scrollcart.dev';
/** Pinned so `moz-extension://<uuid>/…` is known before the add-on starts. */
export const FIREFOX_UUID = '5c0c7a1e-0d4b-4b2a-9a53-5c3a2c7d9e11';
export const FIREFOX_ORIGIN = `moz-extension://${FIREFOX_UUID}`;

export interface FirefoxSession {
  browser: Browser;
  /** Opens one of our extension pages (puppeteer's goto never resolves for moz-extension: we wait for a selector instead). */
  openExtensionPage(path: string, readySelector: string): Promise<Page>;
  /** What no page script can do (firefox-parent.ts). */
  parent: ParentProcess;
  close(): Promise<void>;
}

/** `extraPrefs`: e.g. `intl.locale.requested` for a UI language whose langpack is installed. */
export async function launchFirefox(world: World, extraPrefs: Record<string, string | number | boolean> = {}): Promise<FirefoxSession> {
  const build = requireFile(FIREFOX_BUILD, 'run `npm run build:firefox` first');
  requireFile(FIREFOX_BIN, 'install Debian firefox-esr: apt-get install -y firefox-esr');
  const debuggerPort = await freePort();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_BIN,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access', '--start-debugger-server', String(debuggerPort)],
    extraPrefsFirefox: {
      ...world.firefoxPrefs(),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'app.update.enabled': false,
      ...DEBUGGER_PREFS,
      ...extraPrefs,
    },
  });
  await browser.installExtension(build);
  const parent = await parentProcess(debuggerPort);
  return {
    browser,
    parent,
    async openExtensionPage(path, readySelector) {
      const url = `${FIREFOX_ORIGIN}${path}`;
      const page = await browser.newPage();
      // Navigated again only once the last attempt has settled without reaching the page: a
      // second goto sent while the first was still under way (url still about:blank under load)
      // reloaded the page after it was returned, and a test read the reloading document (0 items).
      let navigating = false;
      const navigate = () => {
        navigating = true;
        void page.goto(url).catch(() => {}).finally(() => (navigating = false));
      };
      navigate();
      // Poll with an evaluation that returns a plain boolean: BiDi in Firefox ESR sometimes
      // fails to return element handles from moz-extension pages ("right-hand side of 'in'
      // should be an object"), which made waitForSelector fail there under load.
      const deadline = Date.now() + 20_000;
      for (;;) {
        const ready = await page.evaluate((selector) => document.querySelector(selector) !== null, readySelector).catch(() => false);
        if (ready) return page;
        if (Date.now() > deadline) throw new Error(`${path}: ${readySelector} did not appear within 20 s (at ${page.url()})`);
        if (!navigating && !page.url().startsWith(FIREFOX_ORIGIN)) navigate();
        await sleep(200);
      }
    },
    close: async () => {
      parent.close();
      await browser.close();
    },
  };
}
