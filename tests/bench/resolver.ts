/**
 * The resolver at scale (issue 8 § 7), in Node against fake stores over real HTTPS: 1,000
 * sightings of 50 products on 10 generated stores (generateStores: plain products, so the
 * count is the resolver's, not a fixture quirk's), with 100 ms added to each store answer.
 * Goal: one request per product plus one currency request per store, 50 + 10 = 60.
 */
import 'fake-indexeddb/auto';
import { openDb } from '../../utils/db';
import { identifyProduct, type ProductRef } from '../../utils/shopify/product-url';
import { createResolver } from '../../utils/shopify/resolver';
import { generateStores, startWorld } from '../fixtures/world';
import { worldFetch } from '../fixtures/world-fetch';
import { figure, percentile, type Figure } from './figures';

export async function resolverAtScale(sightings = 1000, latencyMs = 100, productCount = 50, storeCount = 10): Promise<Figure[]> {
  const stores = generateStores(storeCount, productCount);
  const world = await startWorld({ latencyMs, extraStores: stores });
  const db = openDb(`bench-${Date.now()}`);
  try {
    const refs = stores.flatMap((store) =>
      store.products.map((p) => identifyProduct(`https://${store.host}/products/${encodeURIComponent(p.handle)}`)).filter((r): r is ProductRef => r.kind === 'product'),
    );
    const resolver = createResolver({ db, fetch: worldFetch(world), now: Date.now, timeoutMs: 5_000 });
    const before = world.requests.length;
    const started = performance.now();
    // Ads arrive in bursts as the feed loads pages: 20 at a time, each pointing at some product.
    for (let i = 0; i < sightings; i += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, k) => resolver.resolve(refs[(i + k) % refs.length]!)));
    }
    const wallMs = performance.now() - started;
    const storeRequests = world.requests.length - before;
    const hosts = new Set(refs.map((r) => r.host)).size;
    const hits: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      const t = performance.now();
      await resolver.resolve(refs[i % refs.length]!);
      hits.push(performance.now() - t);
    }
    return [
      figure(`store requests for ${sightings} sightings of ${refs.length} products on ${hosts} stores`, storeRequests, 'requests', { max: refs.length + hosts }),
      figure('cache-hit lookup p95', percentile(hits, 95), 'ms', { max: 2 }),
      figure(`resolver wall time, stores +${latencyMs} ms`, wallMs / 1000, 's', { max: 60 }),
    ];
  } finally {
    await db.delete();
    await world.close();
  }
}
