/**
 * One shape for every fuzz property, so the same definitions run twice: small (≈200 cases) in
 * the unit tests (`npm test`) and large (100,000 cases) in `npm run fuzz`. A property is made
 * fresh for each run (`make`), so no state leaks between the two.
 */
import fc from 'fast-check';

export interface FuzzProperty {
  /** What must hold, as a sentence: it names the test in both runners. */
  name: string;
  make: () => fc.IRawProperty<never> | fc.IRawProperty<unknown>;
  /** Share of the big run's case count this property gets, when it is much dearer per case (default 1). */
  weight?: number;
}

/** Cases per property in the unit tests. */
export const UNIT_RUNS = 200;

/**
 * Runs one property; a failure throws fast-check's report (seed, path, shrunk counterexample),
 * which is what to paste into a regular test.
 */
export async function check(property: FuzzProperty, numRuns: number, seed?: number): Promise<void> {
  await fc.assert(property.make() as fc.IRawProperty<unknown>, { numRuns, ...(seed !== undefined ? { seed } : {}) });
}
