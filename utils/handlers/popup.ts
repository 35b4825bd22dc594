/** Handlers of utils/protocol/popup.ts: saved items, checkout per store, click history. */
import { planCheckout, type CheckoutSource } from '../popup/checkout';
import { readHistoryPage } from '../popup/history-query';
import { removeSaved, restoreSaved, updateSaved } from '../popup/saved-edit';
import { readSavedPage, readStoreContext, type SavedContext } from '../popup/saved-read';
import { localePrefixOf } from '../popup/saved-view';
import type { popupProtocol } from '../protocol/popup';
import type { HandlersOf } from '../protocol/spec';
import type { BackgroundDeps } from './deps';

/** One store market's saved items with what checkout needs to know of each. */
function sourcesOf(ctx: SavedContext, localePrefix: string): CheckoutSource[] {
  return ctx.saved
    .map((row) => ({ row, product: ctx.products.get(row.productKey), sighting: row.sightingItemId ? ctx.sightings.get(row.sightingItemId) : undefined }))
    .filter((s) => localePrefixOf(s.product, s.sighting) === localePrefix);
}

const unique = <T>(values: (T | null | undefined)[]): T[] => [...new Set(values.filter((v): v is T => v !== null && v !== undefined))];

export function popupHandlers(deps: BackgroundDeps): HandlersOf<typeof popupProtocol> {
  const { db } = deps;
  return {
    'popup/saved-list': async ({ limit }) => readSavedPage(db, limit, deps.canFetchHost),

    'popup/saved-update': async ({ key, quantity, variantId }) => {
      const outcome = await updateSaved(db, key, { quantity, variantId });
      return outcome.ok ? { ok: true, key: outcome.key, reason: null } : { ok: false, key: null, reason: outcome.reason };
    },

    'popup/saved-remove': async ({ key }) => ({ removed: await removeSaved(db, key) }),

    'popup/saved-restore': async ({ row }) => ({ restored: await restoreSaved(db, row) }),

    'popup/checkout': async ({ host, localePrefix }) => {
      const settings = await deps.settings();
      const sources = sourcesOf(await readStoreContext(db, host), localePrefix);
      const plan = planCheckout({ host, localePrefix }, sources, settings);
      if (plan.kind !== 'ready') return plan;
      const sent = sources.filter((s) => !plan.leftOut.some((l) => l.key === s.row.key));
      const products = unique(sent.map((s) => s.row.productKey));
      const ads = unique(sent.map((s) => s.row.sightingItemId));
      // One click per checkout; it names the product and the ad only when the cart holds just one.
      await db.clicks.add({
        id: crypto.randomUUID(),
        time: deps.now(),
        kind: 'checkout',
        host,
        productKey: products.length === 1 ? products[0]! : null,
        sightingItemId: ads.length === 1 ? ads[0]! : null,
      });
      return plan;
    },

    'popup/store-refresh': async ({ host, localePrefix }) => {
      const sources = sourcesOf(await readStoreContext(db, host), localePrefix);
      const handles = unique(sources.map((s) => s.product?.handle ?? s.row.productKey.slice(s.row.productKey.indexOf('/') + 1)));
      if (!(await deps.canFetchHost(host))) return { checked: 0, failed: handles.length };
      // The shopper asked to check again: skip the cache (an answer from it would show the same
      // failure until its TTL ends), but still through the resolver's limiter, breaker and shared lookups.
      const refresh = deps.data?.refresh;
      if (!refresh) throw new Error('the data services are not wired in this context');
      const rows = await Promise.all(handles.map((handle) => refresh({ kind: 'product', host, localePrefix, handle, variantId: null })));
      return { checked: rows.length, failed: rows.filter((r) => r.status !== 'ok').length };
    },

    'popup/history': async (request) => readHistoryPage(db, request),
  };
}
