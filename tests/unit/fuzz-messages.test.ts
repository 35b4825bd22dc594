import { describe, it } from 'vitest';
import { check, UNIT_RUNS } from '../fuzz/property';
import { messageProperties } from '../fuzz/properties/messages';

// The small-count run of tests/fuzz/properties/messages.ts; `npm run fuzz` runs the same with 100,000 cases.
describe('fuzz: the message validator', () => {
  for (const property of messageProperties) it(property.name, () => check(property, UNIT_RUNS));
});
