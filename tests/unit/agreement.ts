/**
 * Holding a hand-written guard to the zod schema the background uses for the same shape: on
 * valid examples and on every single-field change of them, both must give the same verdict
 * (content-checks.test.ts for the content script, popup-checks.test.ts for the popup).
 */
import { expect } from 'vitest';
import { z } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { CHANNEL_TAG } from '@/utils/tiktok/channel';

/** Values at the edges of the checks: wrong types, bounds, non-integers, hostile strings, tags of the unions. */
export const ODD = [
  undefined, null, true, false, 0, -1, 1, 1.5, 999, 1000, 2 ** 53, Number.NaN, Infinity, -Infinity, '', 'x', 'xx', 'x'.repeat(65), 'x'.repeat(101), 'x'.repeat(254),
  'x'.repeat(501), 'x'.repeat(601), 'x'.repeat(701), 'x'.repeat(2049), '1'.repeat(25), '1'.repeat(26), '12a',
  'USD', 'usd', 'EURO', 'https://shop.example/cart/1:1', 'http://shop.example/', 'javascript:alert(1)', ' https://a.example ', '\u00a0https://a.example',
  'ok', 'nope', 'product-link', 'pending', 'product', 'ad', 'api', 'ready', 'blocked', 'drop', 'same', 'unknown', 'cta', 'gone', 'not-found',
  [], [1], ['a'], [{}], {}, { a: 1 }, CHANNEL_TAG,
];

/**
 * Every single-field change of a valid example: each field dropped or replaced by each odd
 * value, at the top level and one level down (a nested object's fields, or a new key in it).
 */
export function* variantsOf(example: Record<string, unknown>): Generator<unknown> {
  yield example;
  for (const key of Object.keys(example)) {
    const { [key]: _dropped, ...rest } = example;
    yield rest;
    for (const value of ODD) yield { ...example, [key]: value };
    const child = example[key];
    if (typeof child !== 'object' || child === null || Array.isArray(child)) continue;
    for (const field of [...Object.keys(child), 'extra', '__proto__']) {
      for (const value of ODD) yield { ...example, [key]: { ...child, [field]: value } };
    }
  }
}

export function agrees(schema: $ZodType, check: (value: unknown) => boolean, examples: Record<string, unknown>[]): void {
  let refused = 0;
  for (const example of examples) {
    expect(z.safeParse(schema, example).success, JSON.stringify(example)).toBe(true);
    for (const value of variantsOf(example)) {
      const verdict = z.safeParse(schema, value).success;
      expect(check(value), JSON.stringify(value)).toBe(verdict);
      if (!verdict) refused += 1;
    }
  }
  // The grid must reach the refusals, or it proves nothing.
  expect(refused).toBeGreaterThan(examples.length);
}
