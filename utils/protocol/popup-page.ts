/**
 * The messages the popup page sends, and the check of each answer. The background's specs
 * (zod) are imported for their types only: the popup checks answers with guards
 * (utils/popup/answers.ts) that tests hold to those schemas (tests/unit/popup-checks.test.ts),
 * so zod is not in the code the popup loads at open (docs/performance.md).
 */
import type { z } from 'zod/mini';
import { arrayOf, hasFields, isBoolean, isCount, isInt, isText, oneOf, orNull, recordOf, type Guard } from '../checks';
import { LOOKUP_STATUSES } from '../model-limits';
import { isCheckoutPlan, isHistoryPage, isRemovedRow, isSavedView } from '../popup/answers';
import type { coreProtocol } from './core';
import type { dataProtocol } from './data';
import type { popupProtocol } from './popup';
import { checkedSender, type Reply } from './reply';

export type PopupSpecs = typeof popupProtocol &
  Pick<typeof coreProtocol, 'overview/get'> &
  Pick<typeof dataProtocol, 'data/permission-status' | 'data/apply-retention' | 'data/delete-all'>;
export type PopupMessageType = keyof PopupSpecs;
type RequestOf<T extends PopupMessageType> = z.infer<PopupSpecs[T]['request']>;
type ResponseOf<T extends PopupMessageType> = z.infer<PopupSpecs[T]['response']>;

export const POPUP_ANSWERS: { [T in PopupMessageType]: Guard<ResponseOf<T>> } = {
  'popup/saved-list': isSavedView,
  'popup/saved-update': hasFields<ResponseOf<'popup/saved-update'>>({ ok: isBoolean, key: orNull(isText()), reason: orNull(oneOf(['not-found', 'no-such-variant'] as const)) }),
  'popup/saved-remove': hasFields<ResponseOf<'popup/saved-remove'>>({ removed: orNull(isRemovedRow) }),
  'popup/saved-restore': hasFields<ResponseOf<'popup/saved-restore'>>({ restored: isBoolean }),
  'popup/checkout': isCheckoutPlan,
  'popup/store-refresh': hasFields<ResponseOf<'popup/store-refresh'>>({ checked: isInt, failed: isInt }),
  'popup/history': isHistoryPage,
  'overview/get': hasFields<ResponseOf<'overview/get'>>({
    sightings: isInt,
    products: isInt,
    saved: isInt,
    recent: arrayOf(hasFields({ itemId: isText(), author: isText(), caption: isText(), landingUrl: isText(), productTitle: orNull(isText()), lookup: orNull(oneOf(LOOKUP_STATUSES)) })),
  }),
  'data/permission-status': hasFields<ResponseOf<'data/permission-status'>>({ awaiting: arrayOf(hasFields({ host: isText(), ads: isCount })), everyShop: isBoolean, myshopify: isBoolean }),
  'data/apply-retention': hasFields<ResponseOf<'data/apply-retention'>>({ clicks: isCount, sightings: isCount, snapshots: isCount, products: isCount }),
  'data/delete-all': hasFields<ResponseOf<'data/delete-all'>>({ deleted: recordOf(isCount) }),
};

type Requests = { [T in PopupMessageType]: RequestOf<T> };
type Responses = { [T in PopupMessageType]: ResponseOf<T> };
export type PopupSender = <T extends PopupMessageType>(type: T, data: Requests[T]) => Promise<Reply<Responses[T]>>;

export function popupSender(send: (message: unknown) => Promise<unknown>): PopupSender {
  return checkedSender<Requests, Responses>(POPUP_ANSWERS, send);
}
