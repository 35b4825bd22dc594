import { defineContentScript } from 'wxt/utils/define-content-script';
import { installFeedTap } from '@/utils/tiktok/tap';

// Main world, document_start: in place before TikTok's first feed request (research §2).
export default defineContentScript({
  matches: ['*://*.tiktok.com/*'],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installFeedTap(window);
  },
});
