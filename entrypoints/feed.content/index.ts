import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountCard } from '@/components/overlay/mount-card';
import { createAdOverlays } from '@/utils/feed/ad-overlays';
import { isOwnOverlayNode, watchCtaClicks } from '@/utils/feed/page-hooks';
import { watchFeedCards } from '@/utils/feed/watch-cards';
import { sendTyped } from '@/utils/messages';
import { DEFAULT_SETTINGS, readSettings, watchSettings } from '@/utils/settings';
import type { TikTokItemId } from '@/utils/model';
import { CHANNEL_TAG, isReady, type HelloMessage } from '@/utils/tiktok/channel';
import { findFeedCards, itemIdOfCard, sightingFromCard } from '@/utils/tiktok/dom';
import { createTapReceiver } from '@/utils/tiktok/receiver';

const send = (message: unknown) => browser.runtime.sendMessage(message);

export default defineContentScript({
  matches: ['*://*.tiktok.com/*'],
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  main(ctx) {
    let settings = DEFAULT_SETTINGS;
    void readSettings().then((current) => (settings = current));
    ctx.onInvalidated(watchSettings((current) => (settings = current)));
    const overlays = createAdOverlays({
      report: async (sighting, appeared) => {
        const reply = await sendTyped(send, 'sighting/report', { sighting, appeared }).catch(() => null);
        return reply?.ok ? reply.data.card : null;
      },
      save: async (itemId) => {
        const reply = await sendTyped(send, 'saved/add', { itemId: itemId as TikTokItemId }).catch(() => null);
        if (!reply?.ok) return reply?.error.message ?? 'ScrollCart is not answering';
        return reply.data.saved || (reply.data.reason ?? '');
      },
      click: (kind, itemId) => void sendTyped(send, 'click/record', { id: crypto.randomUUID(), kind, itemId: itemId as TikTokItemId }).catch(() => null),
      mount: (card, model, actions) => mountCard(ctx, card, model, actions),
      sightingFromCard: (card) => sightingFromCard(card, location.pathname),
      shows: (sighting) => !settings.pausedSites.includes(location.hostname) && (sighting.adKind === 'product-link' || settings.showNonShopChips),
    });

    // The main-world tap's records: ads from the feed's own JSON.
    const channel = crypto.randomUUID();
    const receiver = createTapReceiver(channel);
    const hello: HelloMessage = { tag: CHANNEL_TAG, kind: 'hello', channel };
    ctx.addEventListener(window, 'message', (event) => {
      if (event.source !== window || event.origin !== location.origin) return;
      if (isReady(event.data)) window.postMessage(hello, location.origin);
      const fresh = receiver.receive(event.data);
      if (fresh.length > 0) overlays.learn(fresh);
    });
    window.postMessage(hello, location.origin);

    const stop = new AbortController();
    ctx.onInvalidated(() => stop.abort());
    const startWatching = () =>
      watchFeedCards(document, overlays.hooks, { findCards: findFeedCards, itemIdOf: itemIdOfCard, isOwnNode: isOwnOverlayNode, signal: stop.signal });
    if (document.documentElement) startWatching();
    else ctx.addEventListener(document, 'DOMContentLoaded', startWatching, { once: true });
    watchCtaClicks(document, (itemId) => void sendTyped(send, 'click/record', { id: crypto.randomUUID(), kind: 'cta', itemId: itemId as TikTokItemId }), stop.signal);
  },
});
