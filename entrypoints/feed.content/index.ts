import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountCard } from '@/components/overlay/mount-card';
import { createAdOverlays } from '@/utils/feed/ad-overlays';
import type { GuestContext } from '@/utils/feed/guest-context';
import { reportCountersPeriodically } from '@/utils/feed/diagnostics-reporter';
import { isOwnOverlayNode, watchCtaClicks } from '@/utils/feed/page-hooks';
import { watchFeedCards } from '@/utils/feed/watch-cards';
import { trackContextCard } from '@/utils/feed/missed-ad';
import { contentSender, IDEMPOTENT, LEARNED_MAX } from '@/utils/protocol/content-script';
import { retryingSend } from '@/utils/feed/send-retry';
import { readSettings, watchSettings, type OverlaySettings } from '@/utils/feed/settings-watch';
import { DEFAULT_SETTINGS } from '@/utils/settings-defaults';
import { isSitePaused } from '@/utils/site-pause';
import type { TikTokItemId } from '@/utils/model';
import { CHANNEL_TAG, isReady, type HelloMessage } from '@/utils/tiktok/channel';
import { rememberingItemIdOfCard } from '@/utils/tiktok/card-id';
import { findFeedCards, sightingFromCard } from '@/utils/tiktok/dom';
import { createTapReceiver } from '@/utils/tiktok/receiver';

export default defineContentScript({
  matches: ['*://*.tiktok.com/*'],
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  // The build swaps WXT's context for utils/feed/guest-context.ts (wxt.config.ts): typed as the smaller one, so only what it offers is used.
  main(ctx: GuestContext) {
    const itemIdOfCard = rememberingItemIdOfCard();
    const messaging = { retries: 0 };
    const ask = contentSender(
      retryingSend((message) => browser.runtime.sendMessage(message), { idempotent: IDEMPOTENT, signal: ctx.signal, onRetry: () => (messaging.retries += 1) }),
    );
    let settings: OverlaySettings = DEFAULT_SETTINGS;
    // Settings apply live: a site paused (or chips turned off) in the popup removes the cards
    // on screen now, and resuming draws them again. The first read can land after cards mounted.
    const applySettings = (current: typeof settings) => {
      settings = current;
      overlays.reconsider();
    };
    void readSettings().then(applySettings);
    ctx.onInvalidated(watchSettings(applySettings));
    const overlays = createAdOverlays({
      report: async (sighting, appeared) => {
        const reply = await ask('sighting/report', { sighting, appeared, reportId: crypto.randomUUID() }).catch(() => null);
        return reply?.ok ? reply.data.card : null;
      },
      learned: (sightings) => {
        for (let i = 0; i < sightings.length; i += LEARNED_MAX) void ask('sighting/learned', { sightings: sightings.slice(i, i + LEARNED_MAX) }).catch(() => null);
      },
      save: async (itemId) => {
        // The save click's id is made here, once per click: a retried message can't record it twice.
        const reply = await ask('saved/add', { itemId: itemId as TikTokItemId, clickId: crypto.randomUUID() }).catch(() => null);
        if (!reply?.ok) return reply?.error.message ?? 'ScrollCart is not answering';
        return reply.data.saved || (reply.data.reason ?? '');
      },
      click: (kind, itemId) => void ask('click/record', { id: crypto.randomUUID(), kind, itemId: itemId as TikTokItemId }).catch(() => null),
      mount: async (card, model, actions) => mountCard(card, model, actions),
      sightingFromCard: (card, thorough) => {
        const sighting = sightingFromCard(card, location.pathname, { labelWalk: thorough });
        // Counted with the tap's ads (diagnostics: ads by source); the receiver neither rate-limits
        // DOM finds nor lets them hold back the feed JSON that later improves the record.
        if (sighting) receiver.add(sighting);
        return sighting;
      },
      allow: (host) => void ask('data/open-permission-page', { host }).catch(() => null),
      whenIdle: (run) => void requestIdleCallback(run, { timeout: 1000 }),
      itemIdOf: itemIdOfCard,
      isOrganic: (itemId) => receiver.isOrganic(itemId),
      shows: (sighting) => !isSitePaused(settings.pausedSites, location.hostname) && (sighting.adKind === 'product-link' || settings.showNonShopChips),
    });

    // The main-world tap's records: ads from the feed's own JSON.
    const channel = crypto.randomUUID();
    // A window.open after a click in a card can be the only way to learn an ad's landing URL.
    const receiver = createTapReceiver(channel, { onClick: (click) => click.sighting && overlays.learn([click.sighting]) });
    const hello: HelloMessage = { tag: CHANNEL_TAG, kind: 'hello', channel };
    ctx.addEventListener(window, 'message', (event) => {
      if (event.source !== window || event.origin !== location.origin) return;
      // Read once: each read of a page message's data in this world is a getter call into the browser.
      const data: unknown = event.data;
      if (isReady(data)) window.postMessage(hello, location.origin);
      const fresh = receiver.receive(data);
      if (fresh.length > 0) overlays.learn(fresh);
    });
    window.postMessage(hello, location.origin);

    const stop = new AbortController();
    ctx.onInvalidated(() => stop.abort());
    const startWatching = () =>
      watchFeedCards(document, overlays.hooks, { findCards: findFeedCards, itemIdOf: itemIdOfCard, isOwnNode: isOwnOverlayNode, signal: stop.signal });
    if (document.documentElement) startWatching();
    else ctx.addEventListener(document, 'DOMContentLoaded', startWatching, { once: true });
    // Diagnostics: counter deltas, and the card a "missed this ad" report would be about.
    reportCountersPeriodically(
      () => ({ ...receiver.stats, overlay: overlays.stats, messaging }),
      (delta) => void ask('diagnostics/report', { delta }).catch(() => null),
      stop.signal,
    );
    trackContextCard(document, stop.signal);

    watchCtaClicks(document, (itemId) => void ask('click/record', { id: crypto.randomUUID(), kind: 'cta', itemId: itemId as TikTokItemId }).catch(() => null), stop.signal);
  },
});
