/**
 * The landing checks, in the order the dashboard and the CSV show them. Adding a check is one
 * file in this folder and one line here; tests/unit/audit-registry.test.ts fails otherwise.
 */
import type { AuditCheck } from '../types';
import { captionPrice } from './caption-price';
import { clickId } from './click-id';
import { linkResolves } from './link-resolves';
import { productPage } from './product-page';
import { storeOpen } from './store-open';
import { utmTags } from './utm-tags';
import { variantInStock } from './variant-in-stock';

export const CHECKS: readonly AuditCheck[] = [linkResolves, productPage, variantInStock, captionPrice, utmTags, clickId, storeOpen];
