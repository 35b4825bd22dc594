import { describe, it } from 'vitest';
import { check, UNIT_RUNS } from '../fuzz/property';
import { shopifyProperties } from '../fuzz/properties/shopify';

// The small-count run of tests/fuzz/properties/shopify.ts; `npm run fuzz` runs the same with 100,000 cases.
describe('fuzz: store URLs, product bodies and cart permalinks', () => {
  for (const property of shopifyProperties) it(property.name, () => check(property, UNIT_RUNS));
});
