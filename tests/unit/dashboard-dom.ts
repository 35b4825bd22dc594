/**
 * The merchant dashboard in happy-dom for component tests: the English catalogue under
 * chrome.i18n's substitution rules, the real handlers answering the page's messages, a
 * database per test removed after it, and a wait for what the page draws.
 */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '@/components/public/_locales/en/messages.json';
import { openDb, type ScrollCartDb } from '@/utils/db';
import type { DashboardServices } from '@/utils/handlers/dashboard';
import { handleMessage, type Handlers } from '@/utils/messages';
import type { Settings } from '@/utils/settings';

export type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** chrome.i18n.getMessage's rules: named $PLACEHOLDER$s to their $n content, then $n to the substitutions. */
export const lookupIn = (catalogue: Catalogue) => (key: string, subs: string[] = []) => {
  const entry = catalogue[key];
  if (!entry) return '';
  const named = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
  return named.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
};

/** Our own extension, as handleMessage checks senders against it. */
export const SELF = { id: 'ours', origin: 'chrome-extension://ours/' };

let dbs: ScrollCartDb[] = [];

/**
 * Registers each test's set-up and clean-up: a reset fake browser speaking English before it;
 * after it, the page unmounted and every database `dashboardDb` opened deleted.
 */
export function dashboardTestLifecycle(): void {
  beforeEach(() => {
    fakeBrowser.reset();
    const english = lookupIn(en as Catalogue);
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => english(key, subs === undefined ? [] : ([] as string[]).concat(subs))) as never;
    fakeBrowser.i18n.getUILanguage = () => 'en';
  });
  afterEach(async () => {
    render(null, document.body);
    await Promise.all(dbs.map((db) => db.delete()));
    dbs = [];
  });
}

/** A fresh database (`prefix` names it in failures), deleted after the test. */
export function dashboardDb(prefix: string): ScrollCartDb {
  const db = openDb(`${prefix}-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

/** The dashboard's services without a browser: a snapshot is refused for want of permission, settings live in memory, no catalogue for files. */
export function testServices(initial: Settings, readDiagnostics: DashboardServices['readDiagnostics']): DashboardServices {
  let settings = initial;
  return {
    capture: async () => ({ ok: false, reason: 'no-permission', detail: '' }),
    readSettings: async () => settings,
    updateSettings: async (change) => (settings = { ...settings, ...change }),
    lookup: () => '',
    readDiagnostics,
  };
}

/** Answers what the dashboard page sends with `handlers`, as the background does for our own dashboard.html. */
export function serveDashboardPage(handlers: Handlers): void {
  fakeBrowser.runtime.sendMessage = ((message: unknown) => handleMessage(message, { id: SELF.id, url: `${SELF.origin}dashboard.html` }, handlers, SELF)) as never;
}

/** What `read` gives once it gives something (the page draws after its messages are answered); fails after about two seconds. */
export async function until<T>(read: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 200; i += 1) {
    const value = read();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
}
