/**
 * The background's snapshot triggers: the keyboard command and the toolbar button's context
 * menu. Each is a user gesture on the tab, which is what grants `activeTab` for the capture.
 * The result shows as a short badge on the toolbar button: there is no page to show it in.
 */
import { browser } from 'wxt/browser';
import type { ScrollCartDb } from '../db';
import { captureFeedTab } from './capture';
import { takeSnapshot, type SnapshotOutcome } from './take-snapshot';

/** The command's name in wxt.config.ts `commands`. */
export const CAPTURE_COMMAND = 'capture-ad-snapshot';
const MENU_CAPTURE = 'scrollcart-capture-ad';
const MENU_DASHBOARD = 'scrollcart-open-dashboard';
const BADGE_MS = 3000;

function showOutcome(outcome: SnapshotOutcome): void {
  void browser.action.setBadgeText({ text: outcome.ok ? '✓' : '!' });
  void browser.action.setBadgeBackgroundColor({ color: outcome.ok ? '#1b7f3a' : '#b3261e' });
  setTimeout(() => void browser.action.setBadgeText({ text: '' }), BADGE_MS);
}

export function listenForSnapshotTriggers(db: ScrollCartDb, now: () => number = Date.now): void {
  const capture = () => takeSnapshot({ db, now, capture: captureFeedTab }, null).then(showOutcome, () => showOutcome({ ok: false, reason: 'capture-failed', detail: '' }));
  browser.commands.onCommand.addListener((command) => {
    if (command === CAPTURE_COMMAND) void capture();
  });
  // Menus persist across restarts of the worker: made once per install or update. Only our own
  // ids are removed first (never removeAll: other features add menu entries too).
  browser.runtime.onInstalled.addListener(() => {
    const entries = [
      { id: MENU_CAPTURE, title: browser.i18n.getMessage('dash_menu_capture') },
      { id: MENU_DASHBOARD, title: browser.i18n.getMessage('dash_menu_dashboard') },
    ];
    for (const entry of entries) {
      void browser.contextMenus
        .remove(entry.id)
        .catch(() => undefined)
        .then(() => browser.contextMenus.create({ ...entry, contexts: ['action'] }));
    }
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU_CAPTURE) void capture();
    if (info.menuItemId === MENU_DASHBOARD) void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
  });
}
