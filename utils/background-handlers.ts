/**
 * The background's message handlers: the only code that writes the database and the only
 * code that talks to stores. Each feature's handlers live in utils/handlers/; this joins them.
 */
import { coreHandlers } from './handlers/core';
import { dashboardHandlers } from './handlers/dashboard';
import { dataHandlers } from './handlers/data';
import type { BackgroundDeps } from './handlers/deps';
import { diagnosticsHandlers } from './handlers/diagnostics';
import { popupHandlers } from './handlers/popup';
import type { Handlers } from './messages';

export type { BackgroundDeps } from './handlers/deps';

export function createHandlers(deps: BackgroundDeps): Handlers {
  return { ...coreHandlers(deps), ...popupHandlers(deps), ...dashboardHandlers(deps), ...dataHandlers(deps), ...diagnosticsHandlers(deps) };
}
