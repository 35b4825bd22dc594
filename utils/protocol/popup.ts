/** Messages of the popup: saved items, checkout per store, click history, settings (issue 5). */
import type { MessageSpecs } from './spec';

export const popupProtocol = {} as const satisfies MessageSpecs;
