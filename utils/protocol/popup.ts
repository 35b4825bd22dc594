/** Messages of the popup: saved items, checkout per store, click history (issue 5). Settings are read and written in storage.local directly (utils/settings.ts). */
import { z } from 'zod/mini';
import { CheckoutPlan, HistoryCursor, HistoryPage, RemovedRow, SavedView } from '../popup/schemas';
import type { MessageSpecs } from './spec';

const SavedKey = z.string().check(z.minLength(5), z.maxLength(700));
/** One store market: the host and the locale prefix its prices were read in. */
const StoreRef = z.object({ host: z.string().check(z.minLength(1), z.maxLength(253)), localePrefix: z.string().check(z.maxLength(12)) });

export const popupProtocol = {
  /** Saved items grouped by store market, the first `limit` of them in full: prices, stock, the variant picker's choices, the ad. */
  'popup/saved-list': { from: ['page'], request: z.object({ limit: z.int().check(z.minimum(1), z.maximum(100_000)) }), response: SavedView },
  /** Change a saved item's quantity and/or variant; a variant change gives the item a new key. */
  'popup/saved-update': {
    from: ['page'],
    request: z.object({ key: SavedKey, quantity: z.optional(z.int().check(z.minimum(1), z.maximum(999))), variantId: z.optional(z.int().check(z.positive())) }),
    response: z.object({ ok: z.boolean(), key: z.nullable(z.string()), reason: z.nullable(z.enum(['not-found', 'no-such-variant'])) }),
  },
  /** Remove a saved item; the answer carries the row as it was, for undo. */
  'popup/saved-remove': { from: ['page'], request: z.object({ key: SavedKey }), response: z.object({ removed: z.nullable(RemovedRow) }) },
  /** Undo a removal: put the row back exactly. */
  'popup/saved-restore': { from: ['page'], request: z.object({ row: RemovedRow }), response: z.object({ restored: z.boolean() }) },
  /** Build one store's cart permalink from its saved items and record a `checkout` click; the popup opens the URL. */
  'popup/checkout': { from: ['page'], request: StoreRef, response: CheckoutPlan },
  /** Check a store's saved products again now (the "retry" of a failed lookup). */
  'popup/store-refresh': { from: ['page'], request: StoreRef, response: z.object({ checked: z.int(), failed: z.int() }) },
  /** One page of the click history, newest first, optionally searched by store, product or author. */
  'popup/history': {
    from: ['page'],
    request: z.object({ cursor: z.nullable(HistoryCursor), limit: z.int().check(z.minimum(1), z.maximum(1000)), query: z.string().check(z.maxLength(200)) }),
    response: HistoryPage,
  },
} as const satisfies MessageSpecs;
