import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// `npm run fuzz`: the unit tests' fuzz properties with 100,000 cases each (FUZZ_RUNS to change it).
// Same plugins and environment as tests/vitest.config.ts, so a property behaves the same in both.
const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  plugins: [WxtVitest({ root })],
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/fuzz/**/*.fuzz.ts'],
    // One property at a time, so the time printed for each is its own (2 cores).
    fileParallelism: false,
    testTimeout: 15 * 60_000,
    reporters: ['verbose'],
  },
});
