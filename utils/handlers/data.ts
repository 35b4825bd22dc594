/** Handlers of utils/protocol/data.ts. */
import type { dataProtocol } from '../protocol/data';
import type { HandlersOf } from '../protocol/spec';
import type { BackgroundDeps } from './deps';

export function dataHandlers(_deps: BackgroundDeps): HandlersOf<typeof dataProtocol> {
  return {};
}
