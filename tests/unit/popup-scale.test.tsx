// The popup at the size the issue names: 1,000 saved items and 100,000 clicks (times printed, not asserted).
import { describe, expect, it } from 'vitest';
import { PAGE } from '@/components/popup/SavedTab';
import type { ScrollCartDb } from '@/utils/db';
import { click, product, saved, variant } from './popup-fixtures';
import { mountPopup, openTestDb, popupTestLifecycle, testEnv, waitFor } from './popup-dom';

let db: ScrollCartDb | undefined;
popupTestLifecycle();

describe('at scale', () => {
  it('renders 1,000 saved items and 100,000 clicks quickly (times printed, not asserted)', async () => {
    db = openTestDb('popup-ui');
    const products = Array.from({ length: 250 }, (_, i) => product(`store-${i % 50}.myshopify.com`, `p-${i}`, [variant(i * 10 + 1, 'S', 1000 + i), variant(i * 10 + 2, 'M', 1100 + i), variant(i * 10 + 3, 'L', 1200 + i, { available: i % 7 !== 0 }), variant(i * 10 + 4, 'XL', 1300 + i)]));
    await db.products.bulkPut(products);
    await db.saved.bulkPut(products.flatMap((p, i) => p.variants.map((v, j) => saved(p, v.id, { savedAt: i * 4 + j, priceWhenSaved: v.price + (j % 2 ? 100 : -50) }))));
    expect(await db.saved.count()).toBe(1000);
    const start = Date.now() - 100_000 * 1000;
    await db.clicks.bulkAdd(Array.from({ length: 100_000 }, (_, i) => click(`c${i}`, start + i * 1000, { kind: 'save', host: products[i % 250]!.host, productKey: products[i % 250]!.key })));

    const env = testEnv(db);
    let t0 = performance.now();
    const reply = await env.call('popup/saved-list', { limit: PAGE });
    const listMs = performance.now() - t0;
    // The render alone: the list's answer is ready, as it is once the background has replied.
    const ready = testEnv(db, { call: (async (type: string, data: unknown) => (type === 'popup/saved-list' ? reply : env.call(type as 'overview/get', data as never))) as typeof env.call });
    t0 = performance.now();
    const root = mountPopup(ready);
    await waitFor(() => root.querySelectorAll('.pc-item').length > 0);
    const savedMs = performance.now() - t0;
    // The first paint draws the first FIRST_DRAW items; the rest of the page follows in the same task.
    await waitFor(() => root.querySelectorAll('.pc-item').length === PAGE);
    // 50 stores of 20 items each: the first page is the most recent store.
    expect(reply.ok && [reply.data.totalItems, reply.data.groups.length]).toEqual([1000, 1]);
    expect(root.querySelectorAll('.pc-item')).toHaveLength(PAGE);

    t0 = performance.now();
    const history = mountPopup(env, 'history');
    await waitFor(() => history.querySelectorAll('.pc-click').length === 50);
    const historyMs = performance.now() - t0;
    console.log(`popup at scale (happy-dom, fake-indexeddb): saved-list message for 1,000 items ${listMs.toFixed(0)} ms; Saved tab render to its first ${PAGE} items ${savedMs.toFixed(0)} ms; History tab over 100,000 clicks to first 50 rows ${historyMs.toFixed(0)} ms`);
  }, 120_000);
});
