/** Builds a check's input once per ad, so each check stays a pure read of plain data. */
import type { ProductRow, SightingRow } from '../model';
import { identifyProduct } from '../shopify/product-url';
import { unwrapLandingUrl } from '../tiktok/links';
import { redirectChain } from './chain';
import type { CheckInput } from './types';

export function auditInput(sighting: CheckInput['sighting'], product: ProductRow | null): CheckInput {
  // The raw URL is what the ad opens; the stored unwrapped one is a fallback for rows without it.
  const raw = sighting.landingUrlRaw || sighting.landingUrl;
  const link = raw ? unwrapLandingUrl(raw) : null;
  return { sighting, product, link, chain: raw ? redirectChain(raw) : [], target: link ? identifyProduct(link.url) : null };
}

export type AuditedSighting = Pick<SightingRow, 'itemId' | 'caption' | 'landingUrlRaw' | 'landingUrl' | 'productKey'>;
