/**
 * The background's message handlers: the only code that writes the database and the only
 * code that talks to stores. Each feature's handlers live in utils/handlers/; this joins them.
 */
import { ensureDbOpen } from './db';
import { coreHandlers } from './handlers/core';
import { dashboardHandlers } from './handlers/dashboard';
import { dataHandlers } from './handlers/data';
import type { BackgroundDeps } from './handlers/deps';
import { diagnosticsHandlers } from './handlers/diagnostics';
import { popupHandlers } from './handlers/popup';
import type { Handlers } from './messages';

export type { BackgroundDeps } from './handlers/deps';

export function createHandlers(deps: BackgroundDeps): Handlers {
  const all = { ...coreHandlers(deps), ...popupHandlers(deps), ...dashboardHandlers(deps), ...dataHandlers(deps), ...diagnosticsHandlers(deps) };
  // Every handler first (re)opens the database: a failed upgrade is answered as `db-unavailable`
  // and retried on the next message instead of leaving this worker's Dexie closed for good.
  // `ping` reports the database's state itself, so it answers even when the database cannot open.
  const guarded = Object.entries(all).map(([type, handler]) => [
    type,
    type === 'ping' ? handler : async (data: unknown, sender: unknown) => {
      await ensureDbOpen(deps.db);
      return (handler as (d: unknown, s: unknown) => Promise<unknown>)(data, sender);
    },
  ]);
  return Object.fromEntries(guarded) as unknown as Handlers;
}
