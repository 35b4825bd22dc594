import { describe, it } from 'vitest';
import { check, UNIT_RUNS } from '../fuzz/property';
import { tiktokProperties } from '../fuzz/properties/tiktok';

// The small-count run of tests/fuzz/properties/tiktok.ts; `npm run fuzz` runs the same with 100,000 cases.
describe('fuzz: TikTok page data (parser, tap, unwrapper, channel)', () => {
  for (const property of tiktokProperties) it(property.name, () => check(property, UNIT_RUNS));
});
