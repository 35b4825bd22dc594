/** Rows for the popup's tests, built on tests/unit/data-rows.ts (itself on the resolver's okRow/emptyRow) with what the popup shows. */
import type { AdSighting, ClickRow, ProductRow, SightingRow, VariantRow } from '@/utils/model';
import { clickRow, productRow, savedRow, sightingRow, variantRow } from './data-rows';

export function variant(id: number, title: string, price: number, extra: Partial<VariantRow> = {}): VariantRow {
  return variantRow(id, price, { title, options: title === 'Default Title' ? ['Default Title'] : title.split(' / '), ...extra });
}

/** A product row of data-rows.ts with what the popup shows: a readable title, a picture, its options. */
export function product(host: string, handle: string, variants: VariantRow[], extra: Partial<ProductRow> = {}): ProductRow {
  const single = variants.length === 1 && variants[0]!.title === 'Default Title';
  return productRow(host, handle, variants, {
    fetchedAt: 5_000,
    lastOkAt: 5_000,
    expiresAt: 10_000,
    title: handle.replace(/-/g, ' '),
    image: `https://${host}/cdn/${handle}.png`,
    storeName: null,
    options: single ? [{ name: 'Title', values: ['Default Title'] }] : [{ name: 'Size', values: variants.map((v) => v.title) }],
    ...extra,
  });
}

/** The one saved-row builder (data-rows.ts), under the popup tests' name. */
export const saved = savedRow;

/** An ad seen once, with a caption like the demo feed's; `extra` sets only what a sighting reports. */
export function sighting(itemId: string, landingUrl: string, extra: Partial<AdSighting> = {}): SightingRow {
  return { ...sightingRow(itemId, landingUrl, 1, null), caption: 'Ratio Eight — free shipping this week 🚚 #shopify', ...extra };
}

export function click(id: string, time: number, extra: Partial<ClickRow> = {}): ClickRow {
  return clickRow(id, time, { kind: 'overlay-open', ...extra });
}
