import { describe, it } from 'vitest';
import { check, UNIT_RUNS } from '../fuzz/property';
import { exportProperties } from '../fuzz/properties/export';

// The small-count run of tests/fuzz/properties/export.ts; `npm run fuzz` runs the same with 100,000 cases.
describe('fuzz: CSV export', () => {
  for (const property of exportProperties) it(property.name, () => check(property, UNIT_RUNS));
});
