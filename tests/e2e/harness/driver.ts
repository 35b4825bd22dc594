/**
 * One driver per browser, so each e2e scenario is written once and run in both Chromium
 * (Playwright) and Firefox ESR (puppeteer over BiDi): the feed, our extension pages (as tabs
 * or windows), the database and storage.local read without waking the background, the
 * background itself (kill it, ask its state, message it), and what only a person's browser
 * chrome can do (the toolbar button, the snapshot shortcut).
 */
import type { World } from '../../fixtures/world';
import { chromiumDriver } from './chromium-driver';
import { firefoxDriver } from './firefox-driver';
import type { UiLanguage } from './ui-language';

export type Row = Record<string, unknown>;

export interface FeedTab {
  /** Scrolls the feed down by `px` (default: several cards), as a person would with the wheel. */
  scroll(px?: number): Promise<void>;
  /** Runs `fn` in the page (the page's own world, not the extension's). */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** A real mouse click at page coordinates (a user gesture, unlike element.click()). */
  clickAt(x: number, y: number): Promise<void>;
  goto(url: string): Promise<void>;
  goBack(): Promise<void>;
  /** Uncaught page errors seen so far. */
  errors: string[];
}

/** One of our pages (popup, dashboard, permissions), in a tab or a window of its own. */
export interface ExtensionPage extends FeedTab {
  /**
   * Runs a script's source in the page through the automation protocol, which the page's
   * Content-Security-Policy (no inline scripts, no eval) does not govern: how axe-core gets in.
   */
  runScript(source: string): Promise<void>;
  /** A real key press (e.g. `Enter`, `Tab`) to whatever has the focus, as a keyboard user's. */
  press(key: string): Promise<void>;
  /** A PNG of the page (for docs/screenshots); `popup`: in a 404 × 600 viewport, like the toolbar popup. */
  screenshot(path: string, opts?: { popup?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** Chromium's running statuses, and Firefox's `backgroundState` values. */
export type BackgroundState = 'running' | 'starting' | 'stopping' | 'stopped' | 'suspending' | 'unknown';

export interface Driver {
  browser: 'chromium' | 'firefox';
  openFeed(url: string): Promise<FeedTab>;
  /**
   * Opens one of our pages (e.g. `/popup.html`) and waits for `readySelector`. `window`: in a
   * window of its own, so the TikTok tab stays the visible tab of its window (captureVisibleTab).
   */
  openExtensionPage(path: string, readySelector: string, opts?: { window?: boolean }): Promise<ExtensionPage>;
  /** Opens an extension page and returns the text of `selector` once it is there. */
  extensionPageText(path: string, selector: string): Promise<string>;
  /** Every row of one table of ScrollCart's IndexedDB, read from a quiet page of ours (never wakes the background). */
  rows(table: string): Promise<Row[]>;
  /** storage.local: one key's value, or everything (null). */
  readStorage(key: string | null): Promise<unknown>;
  /** Sends one of our messages from an extension page (a `page` sender) and returns the reply. */
  sendFromPage(type: string, data: unknown): Promise<unknown>;
  /** Stops the background now, whatever it is doing, and waits until it is stopped. Returns its state just before. */
  kill(): Promise<BackgroundState>;
  state(): Promise<BackgroundState>;
  /**
   * A person's right-click at (x, y) on the feed tab, then their click on ScrollCart's
   * context-menu entry `menuItemId`. Firefox: the browser's own menu opens and the entry is
   * activated in it, so `contextMenus.onClicked` runs as for a person. Chromium offers
   * automation no way to open or click its native menu: after the real right-click, the service
   * worker injects `injects` into the feed tab, as the entry's onClicked handler does.
   */
  chooseContextMenuEntry(at: { x: number; y: number }, entry: { menuItemId: string; injects: string }): Promise<void>;
  /** What a click on ScrollCart's toolbar button grants the feed tab: `activeTab`. */
  clickToolbarButton(): Promise<void>;
  /** Fires the snapshot command as the browser does on its shortcut; false where automation can't. */
  pressSnapshotShortcut(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DriverOptions {
  /**
   * For long scripted sessions: a tab an ad's CTA opens is closed at once (a background feed
   * tab is throttled to ~1 frame a second), and Firefox clicks move, rest, then press (a
   * pointer that jumps and presses at once is sometimes not a click there).
   */
  closeCtaTabs?: boolean;
  /** Extra Firefox preferences. */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** The browser's UI language, which `i18n.getUILanguage()` and the extension's catalogue follow (see ui-language.ts). */
  locale?: UiLanguage;
}

/**
 * Long scripted sessions (worker kills, permission grants): CTA tabs closed, careful Firefox
 * clicks, no smooth scrolling (a wheel scroll keeps animating, and a click during it only stops
 * the scroll), and optional permissions granted without the doorhanger (Firefox's test pref:
 * a headless browser shows no prompt to answer).
 */
export const SCRIPTED_SESSION: DriverOptions = {
  closeCtaTabs: true,
  firefoxPrefs: { 'general.smoothScroll': false, 'extensions.webextOptionalPermissionPrompts': false },
};

export const drivers: Record<Driver['browser'], (world: World, opts?: DriverOptions) => Promise<Driver>> = { chromium: chromiumDriver, firefox: firefoxDriver };
