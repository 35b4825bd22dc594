/**
 * The "ScrollCart missed this ad" context-menu entry on TikTok pages. The click asks the
 * content script of that frame for the shape of the card that was right-clicked.
 */
import { browser } from 'wxt/browser';
import { CAPTURE_MISSED } from './feed/missed-ad';

const MENU_ID = 'scrollcart-missed-ad';

export function installMissedAdMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    // Only our own entry: other features register theirs on the same event.
    void browser.contextMenus
      .remove(MENU_ID)
      .catch(() => undefined)
      .then(() =>
        browser.contextMenus.create({
          id: MENU_ID,
          title: browser.i18n.getMessage('missedAdMenu'),
          contexts: ['page', 'image', 'video', 'link'],
          documentUrlPatterns: ['*://*.tiktok.com/*'],
        }),
      );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    void browser.tabs.sendMessage(tab.id, { type: CAPTURE_MISSED }, { frameId: info.frameId ?? 0 }).catch(() => undefined);
  });
}
