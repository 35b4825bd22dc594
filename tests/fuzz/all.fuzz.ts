/**
 * The long fuzz run (`npm run fuzz`): every property of tests/fuzz/properties/ with
 * FUZZ_RUNS cases (default 100,000; a property's `weight` scales it), one after the other,
 * printing the time each took and writing them to test-results/fuzz.json for docs/security.md.
 * FUZZ_SEED replays a run; a failure prints fast-check's seed and shrunk counterexample.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { check, type FuzzProperty } from './property';
import { exportProperties } from './properties/export';
import { messageProperties } from './properties/messages';
import { shopifyProperties } from './properties/shopify';
import { tiktokProperties } from './properties/tiktok';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const groups: Record<string, FuzzProperty[]> = {
  tiktok: tiktokProperties,
  shopify: shopifyProperties,
  messages: messageProperties,
  export: exportProperties,
};

const timings: { group: string; name: string; runs: number; ms: number }[] = [];

for (const [group, properties] of Object.entries(groups)) {
  describe(group, () => {
    for (const property of properties) {
      const runs = Math.max(1, Math.round(RUNS * (property.weight ?? 1)));
      it(`${property.name} (${runs} cases)`, async () => {
        const started = performance.now();
        await check(property, runs, SEED);
        const ms = Math.round(performance.now() - started);
        timings.push({ group, name: property.name, runs, ms });
        console.log(`[fuzz] ${group}: ${runs} cases in ${(ms / 1000).toFixed(1)} s — ${property.name}`);
      });
    }
  });
}

afterAll(() => {
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  console.log(`[fuzz] ${timings.length} properties, ${timings.reduce((s, t) => s + t.runs, 0)} cases, ${(total / 1000).toFixed(1)} s`);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/fuzz.json', `${JSON.stringify({ runs: RUNS, seed: SEED ?? null, at: new Date().toISOString(), timings }, null, 2)}\n`);
});
