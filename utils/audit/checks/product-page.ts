/** The ad lands on a product page: not the home page, a collection, or a 404. */
import { lookupKey } from '../product-state';
import { evidence, outcome, words, type AuditCheck } from '../types';

export const productPage: AuditCheck = {
  id: 'product_page',
  title: 'dash_check_product_page',
  run({ link, target, product }) {
    if (!link || !target) return outcome('warn', words('dash_reason_no_page'));
    const page = evidence('dash_ev_landing_url', link.url);
    if (target.kind === 'not-product') {
      if (target.reason !== 'no-product-path') return outcome('fail', words('dash_reason_not_https_store'), [page]);
      return outcome('fail', words('dash_reason_lands_on_page', { key: `dash_page_${target.page}` }), [page]);
    }
    if (!product) return outcome('warn', words('dash_reason_not_looked_up'), [page]);
    const status = evidence('dash_ev_lookup', product.status);
    if (product.status === 'not-found') return outcome('fail', words('dash_reason_product_404', target.handle), [page, status]);
    if (product.status !== 'ok') return outcome('warn', words('dash_reason_cannot_check', { key: lookupKey(product.status) }), [page, status]);
    return outcome('pass', words('dash_reason_product_page', product.title ?? target.handle), [page, evidence('dash_ev_product', product.title ?? target.handle)]);
  },
};
