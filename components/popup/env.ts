/**
 * What the popup needs from the browser, in one object passed down by context: the typed
 * messages, opening a tab, settings, permissions and downloads. The popup's entrypoint
 * builds it from the real browser; component tests pass fakes that run the real handlers.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { popupSender, type PopupSender } from '@/utils/protocol/popup-page';
import { cachedFaviconReader } from '@/utils/popup/store-icon';
import type { Settings } from '@/utils/settings';
import { uiLocale } from '../i18n';
import type { EarlyMessage } from './first-page';

/** Only the messages the popup sends, their answers checked by guards (utils/protocol/popup-page.ts). */
export type Call = PopupSender;

export interface PopupEnv {
  call: Call;
  openTab(url: string): Promise<void>;
  readSettings(): Promise<Settings>;
  updateSettings(change: Partial<Settings>): Promise<Settings>;
  /** Asks for one store's host permission; must run inside the click that asked (a user gesture). */
  requestHostPermission(host: string): Promise<boolean>;
  download(fileName: string, mime: string, text: string): void;
  /** The page that asks for store permissions (lists every shop seen in ads that still waits). */
  permissionsUrl: string;
  /** The host of the tab the popup was opened over (null if none or not readable); optional: fakes may leave it out. */
  activeTabHost?(): Promise<string | null>;
  /** The store's favicon URL if the browser has it cached (never fetched from the store); optional: fakes may leave it out. */
  cachedFavicon?(host: string): Promise<string | null>;
  /** The UI language, for Intl formatting (`en`, `ar`, …). */
  locale: string;
  now(): number;
}

/** Saves a text file through a temporary object URL and a download link. */
export function downloadText(doc: Document, fileName: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: the download reads the object URL asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The popup's typed calls. The first call that matches `early` (sent before this code loaded,
 * first-page.ts) takes its answer instead of sending again; the same sender validates it.
 */
export function callWithEarly(send: (message: unknown) => Promise<unknown>, early: EarlyMessage | null): Call {
  const sender = popupSender(send);
  return (type, data) => {
    if (early && early.type === type && JSON.stringify(early.data) === JSON.stringify(data)) {
      const { reply } = early;
      early = null;
      return popupSender(() => reply)(type, data);
    }
    return sender(type, data);
  };
}

export function browserEnv(doc: Document, early: EarlyMessage | null = null): PopupEnv {
  return {
    call: callWithEarly((m) => browser.runtime.sendMessage(m), early),
    openTab: async (url) => void (await browser.tabs.create({ url })),
    // Loaded when first used (the Settings tab): WXT's storage wrapper is ~3 KB gzip the open doesn't need.
    readSettings: async () => (await import('@/utils/settings')).readSettings(),
    updateSettings: async (change) => (await import('@/utils/settings')).updateSettings(change),
    requestHostPermission: (host) => browser.permissions.request({ origins: [`https://${host}/*`] }),
    download: (fileName, mime, text) => downloadText(doc, fileName, mime, text),
    // A tab's URL is readable only where ScrollCart has host access (tiktok.com): exactly the sites it can pause.
    activeTabHost: async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.url ? new URL(tab.url).hostname : null;
    },
    cachedFavicon: cachedFaviconReader({
      // Only Chrome's build asks for "favicon" (wxt.config.ts): Firefox has no favicon cache for extensions.
      available: browser.runtime.getManifest().permissions?.includes('favicon' as never) ?? false,
      extensionOrigin: browser.runtime.getURL('/'),
      read: async (url) => {
        const response = await fetch(url);
        return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
      },
    }),
    permissionsUrl: browser.runtime.getURL('/permissions.html'),
    locale: uiLocale(),
    now: Date.now,
  };
}

export const EnvContext = createContext<PopupEnv | null>(null);

export function useEnv(): PopupEnv {
  const env = useContext(EnvContext);
  if (!env) throw new Error('the popup rendered without its PopupEnv');
  return env;
}
