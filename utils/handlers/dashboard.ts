/** Handlers of utils/protocol/dashboard.ts. */
import type { dashboardProtocol } from '../protocol/dashboard';
import type { HandlersOf } from '../protocol/spec';
import type { BackgroundDeps } from './deps';

export function dashboardHandlers(_deps: BackgroundDeps): HandlersOf<typeof dashboardProtocol> {
  return {};
}
