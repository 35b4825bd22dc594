/**
 * One store's checkout: every saved item of that store market in one Shopify cart permalink
 * (research/shopify-storefront.md §1.8), built by the pure `buildCartPermalink`. What a
 * permalink can't buy is left out and named (sold out, gone, subscription-only), and a
 * password-protected store is explained instead of sent: the link can't pass its password.
 */
import { buildCartPermalink } from '../cart-permalink';
import type { ProductRow, SavedRow, SightingRow } from '../model';
import type { Settings } from '../settings';
import { compareSaved, findVariant } from './saved-view';
import type { CheckoutPlan, LeftOut } from './schemas';

export interface CheckoutSource {
  row: SavedRow;
  product: ProductRow | undefined;
  sighting: SightingRow | undefined;
}

const UTM_KEY = /^utm_[a-z_]+$/;

/**
 * The `utm_*` tags every ad behind the cart agrees on. One cart may hold items from several
 * campaigns: forwarding one campaign's tags for all of them would credit it with the others'
 * sales, so a tag travels only when every ad carries it with the same value.
 */
export function commonUtm(landingUrls: readonly string[]): Record<string, string> {
  const perAd: Map<string, string>[] = [];
  for (const raw of landingUrls) {
    try {
      perAd.push(new Map([...new URL(raw).searchParams].filter(([key]) => UTM_KEY.test(key))));
    } catch {
      return {};
    }
  }
  const [first, ...rest] = perAd;
  if (!first) return {};
  return Object.fromEntries([...first].filter(([key, value]) => rest.every((tags) => tags.get(key) === value)));
}

function leftOutOf(src: CheckoutSource): LeftOut | null {
  const variant = findVariant(src.product, src.row.variantId);
  const title = [src.product?.title ?? src.row.productKey, variant && variant.title !== 'Default Title' ? variant.title : null].filter(Boolean).join(' – ');
  if (!variant) return { key: src.row.key, title, reason: 'gone' };
  if (variant.requiresSellingPlan || src.product?.requiresSellingPlan) return { key: src.row.key, title, reason: 'selling-plan' };
  if (!variant.available) return { key: src.row.key, title, reason: 'unavailable' };
  return null;
}

export function planCheckout(
  store: { host: string; localePrefix: string },
  sources: readonly CheckoutSource[],
  settings: Pick<Settings, 'forwardUtm' | 'checkoutLanding'>,
): CheckoutPlan {
  const ordered = [...sources].sort((a, b) => compareSaved(a.row, b.row));
  const leftOut = ordered.map(leftOutOf).filter((l): l is LeftOut => l !== null);
  if (ordered.some((s) => s.product?.status === 'password-protected')) return { kind: 'blocked', reason: 'password-protected', leftOut };
  const sent = ordered.filter((s) => !leftOut.some((l) => l.key === s.row.key));
  if (sent.length === 0) return { kind: 'blocked', reason: 'nothing-to-buy', leftOut };
  const landingUrls = sent.flatMap((s) => (s.sighting ? [s.sighting.landingUrl] : []));
  const permalink = buildCartPermalink({
    host: store.host,
    localePrefix: store.localePrefix,
    lines: sent.map((s) => ({ variantId: s.row.variantId, quantity: Math.min(999, Math.max(1, s.row.quantity)) })),
    // Never a click id and never a parameter of ours: the builder passes only expanded utm_* tags.
    utm: settings.forwardUtm ? commonUtm(landingUrls) : {},
    storefront: settings.checkoutLanding === 'cart',
  });
  if (!permalink.ok) return { kind: 'blocked', reason: 'invalid-store', leftOut };
  return { kind: 'ready', url: permalink.url, lines: sent.length, leftOut };
}
