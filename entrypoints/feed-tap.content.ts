import { defineContentScript } from 'wxt/utils/define-content-script';
import { installFeedTap } from '@/utils/tiktok/tap';

// Marks the page's window once, so a second injection of this script does not wrap twice.
const INSTALLED = Symbol.for('scrollcart.feed-tap');

// Main world, document_start: in place before TikTok's first feed request (research §2).
export default defineContentScript({
  matches: ['*://*.tiktok.com/*'],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    const marker = window as unknown as Record<symbol, boolean>;
    if (marker[INSTALLED]) return;
    marker[INSTALLED] = true;
    installFeedTap(window);
  },
});
