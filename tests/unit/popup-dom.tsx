/**
 * Rendering the popup in happy-dom for component tests: the real background handlers on
 * fake-indexeddb behind the typed protocol, the i18n catalogue of a chosen language, and
 * small helpers to wait for and drive the DOM as a person would.
 */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod/mini';
import ar from '@/components/public/_locales/ar/messages.json';
import en from '@/components/public/_locales/en/messages.json';
import { Popup } from '@/components/Popup';
import type { PopupEnv } from '@/components/popup/env';
import { createHandlers } from '@/utils/background-handlers';
import { openDb, type ScrollCartDb } from '@/utils/db';
import { handleMessage } from '@/utils/messages';
import { POPUP_ANSWERS, popupSender, type PopupMessageType } from '@/utils/protocol/popup-page';
import { protocol } from '@/utils/messages';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '@/utils/settings';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * chrome.i18n.getMessage's substitution rules: named $PLACEHOLDER$s, then $1…$9. Set it before
 * the first text is drawn: components/i18n.ts keeps each plain text once asked (one language per test file).
 */
export function useCatalogue(lang: 'en' | 'ar'): void {
  const catalogue = (lang === 'ar' ? ar : en) as Catalogue;
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => {
    if (key === '@@bidi_dir') return lang === 'ar' ? 'rtl' : 'ltr';
    const entry = catalogue[key];
    if (!entry) return '';
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const named = entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
    return named.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => lang;
}

export interface TestEnv extends PopupEnv {
  opened: string[];
  settings: Settings;
  downloads: { fileName: string; text: string }[];
}

export function testEnv(db: ScrollCartDb, overrides: Partial<PopupEnv> = {}): TestEnv {
  const self = { id: 'test-id', origin: 'chrome-extension://test-id/' };
  const env: TestEnv = {
    opened: [],
    downloads: [],
    settings: { ...DEFAULT_SETTINGS },
    call: (type, data) => {
      const handlers = createHandlers({ db, version: 't', now: () => Date.now(), canFetchHost: async () => true, settings: async () => env.settings, resolve: async () => Promise.reject(new Error('offline')) });
      // The popup's own sender (components/popup/env.ts), its guards on the real handlers' answers; each answer must also pass the background's zod schema.
      return popupSender(async (message) => {
        const reply = await handleMessage(message, { id: self.id, url: `${self.origin}popup.html` }, handlers, self);
        if (reply.ok && !z.safeParse(protocol[type as PopupMessageType].response, reply.data).success) throw new Error(`${type}: the handler's answer fails its zod schema`);
        if (reply.ok && !POPUP_ANSWERS[type as PopupMessageType](reply.data)) throw new Error(`${type}: the popup's guard refuses the handler's answer`);
        return reply;
      })(type, data);
    },
    openTab: async (url) => void env.opened.push(url),
    readSettings: async () => env.settings,
    updateSettings: async (change) => (env.settings = parseSettings({ ...env.settings, ...change })),
    requestHostPermission: async () => true,
    download: (fileName, _mime, text) => void env.downloads.push({ fileName, text }),
    permissionsUrl: 'chrome-extension://test-id/permissions.html',
    locale: 'en',
    now: () => Date.now(),
    ...overrides,
  };
  return env;
}

export function mountPopup(env: PopupEnv, initialTab?: 'saved' | 'history' | 'settings'): HTMLElement {
  document.body.innerHTML = '<div id="root"></div>';
  const root = document.getElementById('root')!;
  render(<Popup dashboardUrl="chrome-extension://test-id/dashboard.html" env={env} initialTab={initialTab} />, root);
  return root;
}

export async function waitFor<T>(probe: () => T | null | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waitFor timed out; DOM: ${document.body.textContent?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function byText<T extends Element = HTMLElement>(root: ParentNode, selector: string, text: string | RegExp): T | undefined {
  return [...root.querySelectorAll<T>(selector)].find((el) => (typeof text === 'string' ? el.textContent?.trim() === text : text.test(el.textContent ?? '')));
}

/** Sets a form control's value and fires the events a person's edit fires. */
export function edit(control: HTMLInputElement | HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

const opened: ScrollCartDb[] = [];

/** A fresh database for one test, deleted after it by `popupTestLifecycle`. */
export function openTestDb(prefix: string): ScrollCartDb {
  const db = openDb(`${prefix}-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

/**
 * The set-up every popup component test shares: a fresh fake browser speaking `lang` before
 * each test; after it, the popup unmounted, the document's direction reset, and every
 * database from `openTestDb` deleted.
 */
export function popupTestLifecycle(lang: 'en' | 'ar' = 'en'): void {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue(lang);
  });
  afterEach(async () => {
    render(null, document.getElementById('root') ?? document.body);
    document.documentElement.removeAttribute('dir');
    await Promise.all(opened.splice(0).map((db) => db.delete()));
  });
}
