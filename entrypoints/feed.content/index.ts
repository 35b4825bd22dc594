import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { sendTyped } from '@/utils/messages';
import { CHANNEL_TAG, isReady, type HelloMessage } from '@/utils/tiktok/channel';
import { createTapReceiver } from '@/utils/tiktok/receiver';

export default defineContentScript({
  matches: ['*://*.tiktok.com/*'],
  runAt: 'document_start',
  main(ctx) {
    const channel = crypto.randomUUID();
    const receiver = createTapReceiver(channel);
    const hello: HelloMessage = { tag: CHANNEL_TAG, kind: 'hello', channel };
    ctx.addEventListener(window, 'message', (event) => {
      if (event.source !== window || event.origin !== location.origin) return;
      if (isReady(event.data)) window.postMessage(hello, location.origin);
      for (const sighting of receiver.receive(event.data)) {
        void sendTyped((m) => browser.runtime.sendMessage(m), 'sighting/report', sighting);
      }
    });
    window.postMessage(hello, location.origin);
  },
});
