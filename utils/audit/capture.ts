/**
 * Captures the visible area of the TikTok tab with `tabs.captureVisibleTab`. Both browsers
 * allow it only with `<all_urls>` or an `activeTab` grant (Chromium: permissions_data.cc
 * CanCaptureVisiblePage; Firefox 126+: bug 1784920), and ScrollCart asks for neither host-wide:
 * the grant comes from the keyboard command, the toolbar button's menu or the popup, on that
 * tab, and lasts until it navigates elsewhere. The whole visible tab is kept (README § Snapshots).
 */
import { browser } from 'wxt/browser';
import type { CaptureResult } from './take-snapshot';

const FEED_TABS = ['*://*.tiktok.com/*'];

export async function captureFeedTab(): Promise<CaptureResult> {
  const tabs = await browser.tabs.query({ active: true, url: FEED_TABS });
  const focused = await browser.windows.getLastFocused().catch(() => null);
  const tab = tabs.find((t) => t.windowId === focused?.id) ?? tabs[0];
  if (!tab || tab.windowId === undefined) return { ok: false, reason: 'no-feed-tab', detail: '' };
  try {
    // JPEG: a screenshot of video frames is several times smaller than as PNG, and the budget is in bytes.
    return { ok: true, dataUrl: await browser.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality: 85 }) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: /activeTab|all_urls|permission/i.test(detail) ? 'no-permission' : 'capture-failed', detail };
  }
}
