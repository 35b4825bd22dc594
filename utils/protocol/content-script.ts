/**
 * The messages a content script sends, and the check of each answer. The background's specs
 * (zod) are imported for their types only: the content script checks answers with guards
 * (utils/checks.ts) that tests hold to those schemas (tests/unit/content-checks.test.ts), so
 * its bundle carries no schema library (docs/performance.md).
 */
import type { z } from 'zod/mini';
import type { CardModel } from '../card-model';
import { AD_KINDS, LOOKUP_STATUSES } from '../model-limits';
import { byField, hasFields, isBoolean, isCount, isCurrency, isHttpsUrl, isInt, isPositiveInt, isText, oneOf, orNull, type Guard } from '../checks';
import type { coreProtocol } from './core';
import type { dataProtocol } from './data';
import type { diagnosticsProtocol } from './diagnostics';
import { checkedSender, type Reply } from './reply';

type Specs = Pick<typeof coreProtocol, 'sighting/report' | 'sighting/learned' | 'click/record' | 'saved/add'> &
  Pick<typeof diagnosticsProtocol, 'diagnostics/report' | 'diagnostics/missed'> &
  Pick<typeof dataProtocol, 'data/open-permission-page'>;
export type ContentMessageType = keyof Specs;
type RequestOf<T extends ContentMessageType> = z.infer<Specs[T]['request']>;
type ResponseOf<T extends ContentMessageType> = z.infer<Specs[T]['response']>;

/** The most ads one `sighting/learned` carries: a feed page holds about 30 items, 1 in 8 an ad. */
export const LEARNED_MAX = 50;

/**
 * Sent again when the background died with them in flight: each carries the id that makes a
 * second delivery write nothing. `sighting/learned` counts no impression: a second delivery
 * only writes the same records again.
 */
export const IDEMPOTENT: ReadonlySet<ContentMessageType> = new Set(['sighting/report', 'sighting/learned', 'click/record', 'saved/add'] as const);

const CARD_STATES: { [S in CardModel['state']]: Guard<Extract<CardModel, { state: S }>> } = {
  product: hasFields({
    state: oneOf(['product'] as const),
    host: isText(),
    storeName: orNull(isText()),
    title: isText(),
    variantTitle: orNull(isText()),
    variantId: isPositiveInt,
    currency: isCurrency,
    price: isCount,
    compareAtPrice: orNull(isCount),
    available: isBoolean,
    buyUrl: orNull(isHttpsUrl),
  }),
  failed: hasFields({ state: oneOf(['failed'] as const), host: isText(), status: oneOf(LOOKUP_STATUSES), detail: isText(500) }),
  'needs-permission': hasFields({ state: oneOf(['needs-permission'] as const), host: isText() }),
  'not-shoppable': hasFields({ state: oneOf(['not-shoppable'] as const), adKind: oneOf(AD_KINDS) }),
  pending: hasFields({ state: oneOf(['pending'] as const) }),
};

export const isCardModel = byField<CardModel>('state', CARD_STATES);

const isStored = hasFields<{ stored: boolean }>({ stored: isBoolean });

export const ANSWERS: { [T in ContentMessageType]: Guard<ResponseOf<T>> } = {
  'sighting/report': hasFields<ResponseOf<'sighting/report'>>({ itemId: isText(), impressions: isInt, productKey: orNull(isText()), card: isCardModel }),
  'sighting/learned': hasFields<ResponseOf<'sighting/learned'>>({ recorded: isInt }),
  'click/record': hasFields<ResponseOf<'click/record'>>({ recorded: isBoolean }),
  'saved/add': hasFields<ResponseOf<'saved/add'>>({ saved: isBoolean, reason: orNull(isText()) }),
  'diagnostics/report': isStored,
  'diagnostics/missed': isStored,
  'data/open-permission-page': hasFields<ResponseOf<'data/open-permission-page'>>({ opened: isBoolean, reason: orNull(isText()) }),
};

type Requests = { [T in ContentMessageType]: RequestOf<T> };
type Responses = { [T in ContentMessageType]: ResponseOf<T> };
export type ContentSender = <T extends ContentMessageType>(type: T, data: Requests[T]) => Promise<Reply<Responses[T]>>;

export function contentSender(send: (message: unknown) => Promise<unknown>): ContentSender {
  return checkedSender<Requests, Responses>(ANSWERS, send);
}
