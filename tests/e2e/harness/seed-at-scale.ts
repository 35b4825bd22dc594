/**
 * ScrollCart's database at the size issue 8 names, written straight into IndexedDB from one
 * of our pages (the e2e popup test and `npm run bench` share it). Passed to `evaluate`, so
 * each function is self-contained: no imports, no closures.
 */

/** Writes 1,000 saved items of 250 products in 50 stores and 100,000 clicks straight into ScrollCart's database (run in one of our pages). */
export async function seedAtScale(): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('scrollcart');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['products', 'saved', 'clicks'], 'readwrite');
  const now = Date.now();
  for (let i = 0; i < 250; i += 1) {
    const host = `store-${i % 50}.myshopify.com`;
    const key = `${host}/product-${i}`;
    const variants = [0, 1, 2, 3].map((j) => ({ id: i * 10 + j + 1, title: ['S', 'M', 'L', 'XL'][j], available: (i + j) % 7 !== 0, price: 1000 + i + j * 100, compareAtPrice: null, options: [['S', 'M', 'L', 'XL'][j]], requiresSellingPlan: false, image: null, lowestPrice: 900 + i }));
    tx.objectStore('products').put({ key, host, handle: `product-${i}`, status: 'ok', detail: '', fetchedAt: now, title: `Product ${i}`, currency: 'USD', variants, image: null, localePrefix: '', vendor: null, storeName: `Store ${i % 50}`, options: [{ name: 'Size', values: ['S', 'M', 'L', 'XL'] }], requiresSellingPlan: false, currencySource: 'cart', lastOkAt: now, expiresAt: now + 3_600_000, minPrice: 1000 + i, lowestPrice: 900 + i, priceHistory: [] });
    for (const v of variants) tx.objectStore('saved').put({ key: `${key}#${v.id}`, productKey: key, host, variantId: v.id, quantity: 1, savedAt: now - i * 1000 - v.id, priceWhenSaved: v.price + 50, currency: 'USD', sightingItemId: null });
  }
  const kinds = ['cta', 'overlay-open', 'save', 'checkout'];
  for (let i = 0; i < 100_000; i += 1) tx.objectStore('clicks').put({ id: `click-${i}`, time: now - i * 60_000, kind: kinds[i % 4], host: `store-${i % 50}.myshopify.com`, productKey: `store-${i % 50}.myshopify.com/product-${i % 250}`, sightingItemId: null });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return Date.now() - now;
}

/** When a User Timing mark (set by the popup once a list is on screen) was made, in ms since the page started; null until then. */
export function markTime(name: string): number | null {
  return performance.getEntriesByName(name).at(-1)?.startTime ?? null;
}
