/**
 * From saved rows and what the background knows of their products, stores and ads to what
 * the popup's Saved tab shows: items grouped by store market (host + locale prefix, since one
 * cart permalink serves one market), the most recently saved first. Pure: no database here.
 */
import type { ProductRow, SavedRow, SightingRow, StoreRow, VariantRow } from '../model';
import { identifyProduct } from '../shopify/product-url';
import { adRefOf } from './ad-ref';
import { priceChange } from './price-change';
import type { LeftOut, ProductChoices, SavedItemView, SavedView, StoreGroupView } from './schemas';

export interface SavedSources {
  saved: readonly SavedRow[];
  products: ReadonlyMap<string, ProductRow>;
  sightings: ReadonlyMap<string, SightingRow>;
  stores: ReadonlyMap<string, StoreRow>;
  /** Hosts the background may still read. */
  permittedHosts: ReadonlySet<string>;
}

const DEFAULT_TITLE = 'Default Title';

/** The market a saved item belongs to: where its prices were read, else the ad's own prefix. */
export function localePrefixOf(product: ProductRow | undefined, sighting: SightingRow | undefined): string {
  if (product) return product.localePrefix;
  const ref = sighting ? identifyProduct(sighting.landingUrl) : null;
  return ref?.kind === 'product' ? ref.localePrefix : '';
}

export function findVariant(product: ProductRow | undefined, variantId: number): VariantRow | undefined {
  return product?.variants.find((v) => v.id === variantId);
}

function httpsOrNull(url: string | null | undefined): string | null {
  return url && url.startsWith('https://') ? url : null;
}

export function itemView(row: SavedRow, product: ProductRow | undefined, sighting: SightingRow | undefined): SavedItemView {
  const variant = findVariant(product, row.variantId);
  const currency = product?.currency ?? row.currency;
  const price = variant && product?.currency ? variant.price : null;
  const hasOptions = !!variant && variant.title !== DEFAULT_TITLE;
  return {
    key: row.key,
    productKey: row.productKey,
    variantId: row.variantId,
    title: product?.title ?? row.productKey.slice(row.productKey.indexOf('/') + 1),
    variantTitle: hasOptions ? variant.title : null,
    selectedOptions: hasOptions ? (product?.options ?? []).map((o, i) => ({ name: o.name, value: variant.options[i] ?? '' })).filter((o) => o.value) : [],
    image: httpsOrNull(variant?.image ?? product?.image),
    quantity: Math.min(999, Math.max(1, row.quantity)),
    currency,
    price,
    priceWhenSaved: row.priceWhenSaved,
    savedCurrency: row.currency,
    lowestPrice: variant && product?.currency ? variant.lowestPrice : null,
    change: priceChange({ price: row.priceWhenSaved, currency: row.currency }, price === null ? null : { price, currency }),
    available: variant ? variant.available : null,
    requiresSellingPlan: !!variant && (variant.requiresSellingPlan || !!product?.requiresSellingPlan),
    status: product?.status ?? null,
    detail: product?.detail ?? '',
    lastChecked: product?.fetchedAt ?? null,
    savedAt: row.savedAt,
    ad: sighting ? adRefOf(sighting) : null,
  };
}

/** Newest first; the key breaks ties so the order never flickers between two renders. */
export function compareSaved(a: Pick<SavedRow, 'savedAt' | 'key'>, b: Pick<SavedRow, 'savedAt' | 'key'>): number {
  return b.savedAt - a.savedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export function choicesOf(product: ProductRow): ProductChoices {
  return {
    options: product.options,
    variants: product.variants.map((v) => ({ id: v.id, title: v.title, available: v.available, requiresSellingPlan: v.requiresSellingPlan || product.requiresSellingPlan, price: v.price })),
  };
}

/** What checkout will leave out of a store's cart, from what the list knows of each item. */
export function leftOutOfItem(item: SavedItemView): LeftOut | null {
  const title = item.variantTitle ? `${item.title} – ${item.variantTitle}` : item.title;
  if (item.available === null) return { key: item.key, title, reason: 'gone' };
  if (item.requiresSellingPlan) return { key: item.key, title, reason: 'selling-plan' };
  return item.available ? null : { key: item.key, title, reason: 'unavailable' };
}

/** The sum of what checkout sends, when every line has a price in the store's currency. */
export function checkoutTotal(items: readonly SavedItemView[], leftOut: readonly LeftOut[], currency: string): number | null {
  const left = new Set(leftOut.map((l) => l.key));
  const sent = items.filter((i) => !left.has(i.key));
  if (sent.length === 0 || sent.some((i) => i.price === null || i.currency !== currency)) return null;
  return sent.reduce((sum, i) => sum + i.price! * i.quantity, 0);
}

/**
 * The Saved tab's view. Only the first `limit` items (in list order) travel with their
 * details: with 1,000 saved items the popup gets, validates and draws one page, while each
 * store still carries its item count, total and left-out list, which cover all its items.
 */
export function buildSavedView(src: SavedSources, limit = Number.POSITIVE_INFINITY): SavedView {
  const groups = new Map<string, StoreGroupView>();
  for (const row of [...src.saved].sort(compareSaved)) {
    const product = src.products.get(row.productKey);
    const sighting = row.sightingItemId ? src.sightings.get(row.sightingItemId) : undefined;
    const localePrefix = localePrefixOf(product, sighting);
    const id = `${row.host}${localePrefix}`;
    let group = groups.get(id);
    if (!group) {
      group = {
        id,
        host: row.host,
        localePrefix,
        storeName: src.stores.get(row.host)?.name ?? product?.storeName ?? null,
        currency: product?.currency ?? row.currency,
        permitted: src.permittedHosts.has(row.host),
        passwordProtected: false,
        itemCount: 0,
        total: null,
        leftOut: [],
        items: [],
      };
      groups.set(id, group);
    }
    group.storeName ??= product?.storeName ?? null;
    if (product?.status === 'password-protected') group.passwordProtected = true;
    group.items.push(itemView(row, product, sighting));
  }
  // Rows were sorted newest first, so groups come out ordered by their newest item.
  const paged: StoreGroupView[] = [];
  const choices: Record<string, ProductChoices> = {};
  let left = limit;
  for (const group of groups.values()) {
    const leftOut = group.items.map(leftOutOfItem).filter((l): l is LeftOut => l !== null);
    const full = { ...group, itemCount: group.items.length, leftOut, total: checkoutTotal(group.items, leftOut, group.currency) };
    if (left <= 0) continue;
    const items = group.items.slice(0, left);
    left -= items.length;
    paged.push({ ...full, items });
    for (const item of items) {
      const product = src.products.get(item.productKey);
      if (product && product.variants.length > 1) choices[product.key] ??= choicesOf(product);
    }
  }
  return { groups: paged, totalItems: src.saved.length, choices };
}
