/**
 * One run of the price watch: re-reads a small batch of saved products from their stores
 * (oldest-checked first, forced past the cache, within each host's limits), records what it
 * saw in `watches`, and raises one notification per product per change when the shopper
 * opted in. The decisions are pure (price-watch.ts); this only reads, writes and wires.
 *
 * The watch row is committed before the notification is shown: a worker killed in between
 * loses that one notification rather than ever showing it twice.
 */
import type { ScrollCartDb } from '../db';
import type { ProductKey } from '../model';
import type { Settings } from '../settings';
import { parseProductRef } from '../shopify/product-url';
import { noticeFor, noticeId, type Translate } from './notice-text';
import { dueProducts, judgeVariant, productChange, variantSeen, WATCH_BATCH, WATCH_EVERY_MS } from './price-watch';
import type { DataServices } from './services';

export interface WatchRunDeps {
  db: ScrollCartDb;
  services: Pick<DataServices, 'refresh' | 'notify'>;
  canFetchHost: (host: string) => Promise<boolean>;
  now: () => number;
  settings: () => Promise<Pick<Settings, 'priceDropNotifications' | 'priceDropThresholdPercent'>>;
  translate: Translate;
  locale?: string;
  batch?: number;
  everyMs?: number;
}

export interface WatchRunResult {
  /** Products re-read from their stores. */
  checked: number;
  /** Notifications shown. */
  notified: number;
  /** Due products left for later: no permission for their store, or no product row to build a request from. */
  skipped: number;
}

async function checkProduct(deps: WatchRunDeps, key: ProductKey, thresholdPercent: number): Promise<{ checked: boolean; notice: Parameters<DataServices['notify']> | null }> {
  const { db } = deps;
  const before = await db.products.get(key);
  // Rebuilt and re-validated from the stored row: never a URL from anywhere else.
  const ref = before ? parseProductRef({ kind: 'product', host: before.host, handle: before.handle, localePrefix: before.localePrefix, variantId: null }) : null;
  if (!before || !ref || !(await deps.canFetchHost(ref.host))) return { checked: false, notice: null };
  const after = await deps.services.refresh(ref);
  const now = deps.now();
  const verdicts = await db.transaction('rw', db.saved, db.watches, async () => {
    // Read inside the transaction: a variant removed meanwhile gets no watch row back.
    const saved = await db.saved.where('productKey').equals(key).toArray();
    const previous = await db.watches.bulkGet(saved.map((s) => s.key));
    const judged = saved.map((s, i) =>
      judgeVariant({
        saved: s,
        previous: previous[i],
        availableBefore: before.variants.find((v) => v.id === s.variantId)?.available ?? null,
        seen: variantSeen(after, s.variantId),
        thresholdPercent,
        now,
      }),
    );
    await db.watches.bulkPut(judged.map((v) => v.next));
    return judged;
  });
  const change = productChange(verdicts.map((v) => v.change));
  if (!change || !after.currency) return { checked: true, notice: null };
  const subject = { title: after.title ?? after.handle, store: after.storeName ?? after.host, currency: after.currency };
  return { checked: true, notice: [noticeId(key), noticeFor(change, subject, deps.translate, deps.locale)] };
}

export async function runPriceWatch(deps: WatchRunDeps): Promise<WatchRunResult> {
  const { db } = deps;
  const settings = await deps.settings();
  const saved = await db.saved.toArray();
  const watches = await db.watches.toArray();
  // Watch rows of saved items the shopper removed: nothing to watch any more.
  const savedKeys = new Set(saved.map((s) => s.key));
  await db.watches.bulkDelete(watches.filter((w) => !savedKeys.has(w.key)).map((w) => w.key));

  const result: WatchRunResult = { checked: 0, notified: 0, skipped: 0 };
  const limit = deps.batch ?? WATCH_BATCH;
  // One product at a time: the watch is background work and must never crowd out the feed's lookups.
  for (const key of dueProducts(saved, watches, deps.now(), deps.everyMs ?? WATCH_EVERY_MS)) {
    if (result.checked >= limit) break;
    const outcome = await checkProduct(deps, key, settings.priceDropThresholdPercent);
    if (!outcome.checked) result.skipped += 1;
    else result.checked += 1;
    if (outcome.notice && settings.priceDropNotifications) {
      await deps.services.notify(...outcome.notice);
      result.notified += 1;
    }
  }
  return result;
}

/** Shares one run between the alarm and a "check now": two runs at once would judge the same change twice. */
export function singleFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | null = null;
  return () => (current ??= run().finally(() => (current = null)));
}
