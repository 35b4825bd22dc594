/** The ad's link unwraps to an https store page and the store answers (the redirect chain recorded). */
import { lookupKey } from '../product-state';
import { evidence, outcome, words, type AuditCheck } from '../types';

const TRANSIENT = new Set(['network', 'blocked', 'rate-limited', 'invalid-response']);

export const linkResolves: AuditCheck = {
  id: 'link_resolves',
  title: 'dash_check_link_resolves',
  run({ sighting, link, chain, target, product }) {
    const raw = sighting.landingUrlRaw || sighting.landingUrl;
    if (!raw) return outcome('warn', words('dash_reason_no_landing_url'));
    const steps = chain.map((url, i) => evidence(i === 0 ? 'dash_ev_raw_url' : 'dash_ev_redirect_to', url));
    if (!link) return outcome('fail', words('dash_reason_link_unusable'), steps);
    if (target?.kind === 'not-product' && target.reason !== 'no-product-path') return outcome('fail', words('dash_reason_not_https_store'), steps);
    const hops = String(chain.length - 1);
    const host = new URL(link.url).hostname;
    // Only product pages are looked up: a collection or home page is known by its URL alone.
    if (target?.kind === 'not-product') return outcome('pass', words('dash_reason_link_unwraps', hops, host), steps);
    if (!product) return outcome('warn', words('dash_reason_not_looked_up'), steps);
    if (TRANSIENT.has(product.status)) return outcome('warn', words('dash_reason_store_unreachable', { key: lookupKey(product.status) }), [...steps, evidence('dash_ev_lookup', (product.detail || product.status).slice(0, 500))]);
    return outcome('pass', words('dash_reason_link_resolves', hops, host), steps);
  },
};
