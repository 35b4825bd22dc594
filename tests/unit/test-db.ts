/** Databases for unit tests: each test gets its own, and nothing outlives it. */
import { afterEach } from 'vitest';
import { openDb, type ScrollCartDb } from '@/utils/db';

export interface TestDbs {
  /** A database under a fresh name (fake-indexeddb is shared by the whole file). */
  (): ScrollCartDb;
  /** Deletes after the test a database opened elsewhere (e.g. by a fake resolver); returns it. */
  adopt(db: ScrollCartDb): ScrollCartDb;
}

/** Registers an afterEach that deletes every database the returned function opened or adopted. */
export function freshDbs(): TestDbs {
  let opened: ScrollCartDb[] = [];
  afterEach(async () => {
    await Promise.all(opened.map((db) => db.delete()));
    opened = [];
  });
  const adopt = (db: ScrollCartDb) => (opened.push(db), db);
  return Object.assign(() => adopt(openDb(`test-${crypto.randomUUID()}`)), { adopt });
}
