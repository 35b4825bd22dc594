import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { reportMissedAd } from '@/utils/feed/missed-ad';
import { contentSender } from '@/utils/protocol/content-script';

// Injected by the "ScrollCart missed this ad" menu entry into the frame that was right-clicked
// (utils/missed-ad-menu.ts), beside the feed content script whose isolated world it shares.
export default defineUnlistedScript(() => reportMissedAd(contentSender((message) => browser.runtime.sendMessage(message)), location.pathname));
