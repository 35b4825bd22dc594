/**
 * The "ScrollCart missed this ad" context-menu entry on TikTok pages. The click injects the
 * report script into that frame (utils/feed/missed-ad.ts): it takes the card the feed content
 * script saw right-clicked and sends its shape back as a `diagnostics/missed` message.
 */
import { browser } from 'wxt/browser';
import { MISSED_AD_SCRIPT } from './feed/missed-ad';

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
    // No host permission for the frame (a custom page, a withheld tiktok.com grant in Firefox): nothing to report from.
    void browser.scripting.executeScript({ target: { tabId: tab.id, frameIds: [info.frameId ?? 0] }, files: [MISSED_AD_SCRIPT] }).catch(() => undefined);
  });
}
