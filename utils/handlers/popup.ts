/** Handlers of utils/protocol/popup.ts. */
import type { popupProtocol } from '../protocol/popup';
import type { HandlersOf } from '../protocol/spec';
import type { BackgroundDeps } from './deps';

export function popupHandlers(_deps: BackgroundDeps): HandlersOf<typeof popupProtocol> {
  return {};
}
