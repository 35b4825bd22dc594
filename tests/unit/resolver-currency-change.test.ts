// @vitest-environment node
// A store that changes currency between two lookups (the fake world's `currency` fault: its
// cart.js, meta.json and product prices switch together). `.js` prices name no currency, so
// a product read must be labelled with a currency read no earlier than it: the resolver
// re-reads cart.js when its cached currency is older than a product's TTL, always on the
// price watch's forced re-reads, and expires the store's other cached products on a switch.
// The price watch then never calls a currency switch a price drop, and still tells a real
// drop in the new currency.
import { describe, expect, it } from 'vitest';
import type { Notice } from '@/utils/data/services';
import { runPriceWatch } from '@/utils/data/watch-run';
import { DEFAULT_FRESHNESS } from '@/utils/shopify/freshness';
import { identifyProduct, type ProductRef } from '@/utils/shopify/product-url';
import { savedRow } from './data-rows';
import { useWorld } from './resolver-on-world';

const on = useWorld();
const HOST = 'demo-store.myshopify.com';
const ratio = identifyProduct(`https://${HOST}/products/ratio-eight`) as ProductRef;
const tote = identifyProduct(`https://${HOST}/products/classic-tote`) as ProductRef;
// EUR at 0.9 of the USD prices: every amount gets smaller, which would read as a 10 % "drop" if compared.
const TO_EUR = { kind: 'currency', currency: 'EUR', rate: 0.9 } as const;
const cartReads = (since: number) => on.world.requests.slice(since).filter((r) => r.host === HOST && r.path === '/cart.js').length;

describe('a store that changes currency', () => {
  it('a product read after the switch is labelled with the new currency, and its lowest price starts over', async () => {
    const { resolver, clock } = on.resolver();
    const usd = await resolver.resolve(ratio);
    expect(usd).toMatchObject({ status: 'ok', currency: 'USD' });

    on.world.setFault(HOST, '*', TO_EUR);
    clock.t += DEFAULT_FRESHNESS.okMs + 1;
    const eur = await resolver.resolve(ratio);
    // Before the fix, the cached USD (kept a day) labelled the EUR amounts.
    expect(eur).toMatchObject({ status: 'ok', currency: 'EUR' });
    expect(eur.minPrice).toBeLessThan(usd.minPrice!);
    // Not compared across currencies: the EUR price is the new lowest, not "lower than the USD lowest".
    expect(eur.lowestPrice).toBe(eur.minPrice);
    expect(eur.priceHistory.map((p) => p.currency)).toEqual(['USD', 'EUR']);
    expect((await resolver.resolve(ratio)).currency).toBe('EUR');
  });

  it('50 ads of the store within a product TTL still cost one currency read', async () => {
    const { resolver, clock } = on.resolver();
    const since = on.world.requests.length;
    await resolver.resolve(ratio);
    clock.t += DEFAULT_FRESHNESS.okMs - 60_000;
    await Promise.all(Array.from({ length: 50 }, () => resolver.resolve(tote)));
    expect(cartReads(since)).toBe(1);
  });

  it("a switch seen on one product expires the store's other cached products, so they are re-read in the new currency", async () => {
    const { resolver, clock, db } = on.resolver();
    await resolver.resolve(tote);
    clock.t += 60_000;
    await resolver.resolve(ratio);
    on.world.setFault(HOST, '*', TO_EUR);
    // The price watch re-reads one product (forced: the currency is read again too).
    expect(await resolver.resolve(ratio, { force: true })).toMatchObject({ currency: 'EUR' });
    expect((await db.products.get(`${HOST}/classic-tote` as never))?.expiresAt).toBeLessThanOrEqual(clock.t);
    expect(await resolver.resolve(tote)).toMatchObject({ status: 'ok', currency: 'EUR' });
  });

  it('the price watch never reports a currency switch as a drop, and still reports a real drop in the new currency', async () => {
    const { resolver, clock, db } = on.resolver();
    const row = await resolver.resolve(ratio);
    // An available variant: a drop on a sold-out one is held back until its restock.
    const variant = row.variants.find((v) => v.available)!;
    await db.saved.put(savedRow(row, variant.id));
    const notices: Notice[] = [];
    const watch = () =>
      runPriceWatch({
        db,
        now: clock.now,
        canFetchHost: async () => true,
        settings: async () => ({ priceDropNotifications: true, priceDropThresholdPercent: 5 }),
        translate: (k, subs) => `${k}:${subs.join('|')}`,
        everyMs: 1,
        services: { refresh: (ref) => resolver.resolve(ref, { force: true }), notify: async (_id, notice) => void notices.push(notice) },
      });

    expect(await watch()).toMatchObject({ checked: 1, notified: 0 });
    on.world.setFault(HOST, '*', TO_EUR);
    clock.t += 60_000;
    expect(await watch()).toMatchObject({ checked: 1, notified: 0 });
    const eurWatch = await db.watches.get(`${row.key}#${variant.id}`);
    expect(eurWatch).toMatchObject({ currency: 'EUR', referencePrice: eurWatch?.price });
    expect(eurWatch!.price!).toBeLessThan(variant.price);
    expect(notices).toEqual([]);

    // The control: the store then halves its EUR prices, a drop the shopper should hear of.
    on.world.setFault(HOST, '*', { ...TO_EUR, rate: 0.45 });
    clock.t += 60_000;
    expect(await watch()).toMatchObject({ checked: 1, notified: 1 });
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0])).toContain('€');
  });
});
