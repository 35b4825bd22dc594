// The resolver against the local fake stores over real HTTPS (tests/fixtures/world.ts), with a
// `fetch` that reaches them under their real host names, as the browser does in e2e.
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { ScrollCartDb } from '@/utils/db';
import type { ResolverDeps } from '@/utils/shopify/resolver';
import { startWorld, type World } from '../fixtures/world';
import { worldFetch } from '../fixtures/world-fetch';
import { makeResolver } from './resolver-fake-store';

/** One world for the calling test file; after each test its faults are cleared and the resolvers' databases deleted. */
export function useWorld() {
  let world: World | undefined;
  let dbs: ScrollCartDb[] = [];
  beforeAll(async () => {
    world = await startWorld({ port: 0 });
  });
  afterAll(async () => {
    await world?.close();
  });
  afterEach(async () => {
    world?.clearFaults();
    await Promise.all(dbs.map((db) => db.delete()));
    dbs = [];
  });
  return {
    get world(): World {
      return world!;
    },
    /** A resolver on a fresh database and a virtual clock, fetching from the world. */
    resolver(overrides: Partial<ResolverDeps> = {}) {
      const made = makeResolver(worldFetch(world!), { timeoutMs: 2_000, ...overrides });
      dbs.push(made.db);
      return made;
    },
  };
}
