/** The advertised variant (`?variant=`) is one of the product's, is what the page selects, and is in stock. */
import { advertisedVariantId, productOrWarning, variantName } from '../product-state';
import { evidence, outcome, words, type AuditCheck } from '../types';

export const variantInStock: AuditCheck = {
  id: 'variant_in_stock',
  title: 'dash_check_variant_in_stock',
  run(input) {
    const state = productOrWarning(input);
    if ('warning' in state) return state.warning;
    const { product } = state;
    const wanted = advertisedVariantId(input);
    const firstAvailable = product.variants.find((v) => v.available);
    if (wanted === null) {
      if (!firstAvailable) return outcome('fail', words('dash_reason_all_sold_out'), [evidence('dash_ev_variants', String(product.variants.length))]);
      return outcome('pass', words('dash_reason_no_variant_in_link', variantName(product, firstAvailable)), [evidence('dash_ev_variant', String(firstAvailable.id))]);
    }
    const variant = product.variants.find((v) => v.id === wanted);
    const asked = evidence('dash_ev_variant', String(wanted));
    // Themes fall back to the first variant in stock when the asked one does not exist.
    if (!variant) return outcome('fail', words('dash_reason_variant_missing', String(wanted)), [asked]);
    const named = evidence('dash_ev_variant_title', variantName(product, variant));
    if (!variant.available) return outcome('fail', words('dash_reason_variant_sold_out', variantName(product, variant)), [asked, named]);
    return outcome('pass', words('dash_reason_variant_in_stock', variantName(product, variant)), [asked, named]);
  },
};
