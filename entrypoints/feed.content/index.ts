import { browser, type Browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountCard } from '@/components/overlay/mount-card';
import { createAdOverlays } from '@/utils/feed/ad-overlays';
import { reportCountersPeriodically } from '@/utils/feed/diagnostics-reporter';
import { isOwnOverlayNode, watchCtaClicks } from '@/utils/feed/page-hooks';
import { watchFeedCards } from '@/utils/feed/watch-cards';
import { CAPTURE_MISSED, trackContextCard } from '@/utils/feed/missed-ad';
import { coreProtocol } from '@/utils/protocol/core';
import { dataProtocol } from '@/utils/protocol/data';
import { diagnosticsProtocol } from '@/utils/protocol/diagnostics';
import { senderFor } from '@/utils/protocol/send';
import { DEFAULT_SETTINGS, readSettings, watchSettings } from '@/utils/settings';
import type { TikTokItemId } from '@/utils/model';
import { CHANNEL_TAG, isReady, type HelloMessage } from '@/utils/tiktok/channel';
import { rememberingItemIdOfCard } from '@/utils/tiktok/card-id';
import { findFeedCards, sightingFromCard } from '@/utils/tiktok/dom';
import { createTapReceiver } from '@/utils/tiktok/receiver';

// Only the messages a content script sends: the popup's and dashboard's schemas stay out of its bundle.
const ask = senderFor(
  { ...coreProtocol, ...diagnosticsProtocol, 'data/open-permission-page': dataProtocol['data/open-permission-page'] },
  (message) => browser.runtime.sendMessage(message),
);

export default defineContentScript({
  matches: ['*://*.tiktok.com/*'],
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  main(ctx) {
    const itemIdOfCard = rememberingItemIdOfCard();
    let settings = DEFAULT_SETTINGS;
    void readSettings().then((current) => (settings = current));
    ctx.onInvalidated(watchSettings((current) => (settings = current)));
    const overlays = createAdOverlays({
      report: async (sighting, appeared) => {
        const reply = await ask('sighting/report', { sighting, appeared }).catch(() => null);
        return reply?.ok ? reply.data.card : null;
      },
      save: async (itemId) => {
        const reply = await ask('saved/add', { itemId: itemId as TikTokItemId }).catch(() => null);
        if (!reply?.ok) return reply?.error.message ?? 'ScrollCart is not answering';
        return reply.data.saved || (reply.data.reason ?? '');
      },
      click: (kind, itemId) => void ask('click/record', { id: crypto.randomUUID(), kind, itemId: itemId as TikTokItemId }).catch(() => null),
      mount: async (card, model, actions) => mountCard(card, model, actions),
      // Not through the receiver: its dedup would then drop the feed JSON that later improves this record.
      sightingFromCard: (card, thorough) => sightingFromCard(card, location.pathname, { labelWalk: thorough }),
      allow: (host) => void ask('data/open-permission-page', { host }).catch(() => null),
      whenIdle: (run) => void requestIdleCallback(run, { timeout: 1000 }),
      itemIdOf: itemIdOfCard,
      shows: (sighting) => !settings.pausedSites.includes(location.hostname) && (sighting.adKind === 'product-link' || settings.showNonShopChips),
    });

    // The main-world tap's records: ads from the feed's own JSON.
    const channel = crypto.randomUUID();
    // A window.open after a click in a card can be the only way to learn an ad's landing URL.
    const receiver = createTapReceiver(channel, { onClick: (click) => click.sighting && overlays.learn([click.sighting]) });
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
    // Diagnostics: counter deltas, and missed-ad reports when the context menu asks.
    reportCountersPeriodically(
      () => ({ ...receiver.stats, overlay: overlays.stats }),
      (delta) => void ask('diagnostics/report', { delta }).catch(() => null),
      stop.signal,
    );
    const contextCard = trackContextCard(document, stop.signal);
    const onCommand = (message: unknown, sender: Browser.runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id || sender.tab || (message as { type?: unknown })?.type !== CAPTURE_MISSED) return;
      const shape = contextCard.take();
      if (shape) void ask('diagnostics/missed', { page: location.pathname, shape }).catch(() => null);
    };
    browser.runtime.onMessage.addListener(onCommand);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCommand));

    watchCtaClicks(document, (itemId) => void ask('click/record', { id: crypto.randomUUID(), kind: 'cta', itemId: itemId as TikTokItemId }), stop.signal);
  },
});
