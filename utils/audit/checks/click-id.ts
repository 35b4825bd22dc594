/**
 * TikTok's click id (`ttclid`) is on the link. TikTok appends it when the ad is clicked
 * (research/shopify-storefront.md §1.12, gradual rollout), and whether the feed's `web_url`
 * already carries it is not publicly known (research/tiktok-web-feed.md §4): so a missing one
 * is a warning, not a failure.
 */
import { evidence, outcome, words, type AuditCheck } from '../types';

export const clickId: AuditCheck = {
  id: 'click_id',
  title: 'dash_check_click_id',
  run({ link }) {
    if (!link) return outcome('warn', words('dash_reason_no_page'));
    const entry = Object.entries(link.tracking).find(([key]) => key.toLowerCase() === 'ttclid');
    if (!entry) return outcome('warn', words('dash_reason_no_click_id'));
    const value = entry[1].trim();
    if (!value || /^_|_$/.test(value)) return outcome('warn', words('dash_reason_click_id_empty'), [evidence('dash_ev_param', `ttclid=${value}`)]);
    return outcome('pass', words('dash_reason_click_id_ok'), [evidence('dash_ev_param', `ttclid=${value}`)]);
  },
};
