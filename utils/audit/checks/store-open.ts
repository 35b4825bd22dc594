/** The store is open: a password-protected storefront shows shoppers a password page (and cart permalinks can't pass it). */
import { lookupKey } from '../product-state';
import { evidence, outcome, words, type AuditCheck } from '../types';

export const storeOpen: AuditCheck = {
  id: 'store_open',
  title: 'dash_check_store_open',
  run({ product, target }) {
    if (target?.kind !== 'product') return outcome('warn', words('dash_reason_not_product_page'));
    if (!product) return outcome('warn', words('dash_reason_not_looked_up'));
    const status = evidence('dash_ev_lookup', product.status);
    if (product.status === 'password-protected') return outcome('fail', words('dash_reason_store_password'), [status]);
    if (product.status === 'ok' || product.status === 'not-found') return outcome('pass', words('dash_reason_store_open'), [status]);
    return outcome('warn', words('dash_reason_cannot_check', { key: lookupKey(product.status) }), [status]);
  },
};
