/**
 * Type guards for what the background answers the popup: the same shapes as the zod schemas
 * in schemas.ts and the protocol modules, which stay the specification the background
 * builds its answers to. zod (core and mini, with every schema built at load) was two thirds
 * of the code the popup compiled, ran and cached at its first open (docs/performance.md).
 * tests/unit/popup-checks.test.ts holds each guard to its schema, field by field.
 */
import { arrayOf, byField, hasFields, isBoolean, isCount, isCurrency, isHttpsUrl, isInt, isNumber, isPositiveInt, isText, matches, oneOf, orNull, recordOf } from '../checks';
import { CLICK_KINDS, ITEM_ID_PATTERN, LOOKUP_STATUSES } from '../model-limits';
import type { AdRef, CheckoutPlan, HistoryCursor, HistoryPage, HistoryRow, LeftOut, ProductChoices, RemovedRow, SavedItemView, SavedView, StoreGroupView, VariantChoice } from './schemas';

const isQuantity = (value: unknown): value is number => isInt(value) && value >= 1 && value <= 999;
const isLookupStatus = oneOf(LOOKUP_STATUSES);

const isMovement = hasFields({ kind: oneOf(['drop', 'rise', 'same'] as const), amount: isInt, basisPoints: orNull(isInt) });
export const isPriceChange = byField<SavedItemView['change']>('kind', {
  drop: isMovement,
  rise: isMovement,
  same: isMovement,
  unknown: hasFields({ kind: oneOf(['unknown'] as const) }),
});

export const isVariantChoice = hasFields<VariantChoice>({ id: isPositiveInt, title: isText(), available: isBoolean, requiresSellingPlan: isBoolean, price: isCount });

export const isProductChoices = hasFields<ProductChoices>({
  options: arrayOf(hasFields({ name: isText(), values: arrayOf(isText()) })),
  variants: arrayOf(isVariantChoice),
});

export const isAdRef = hasFields<AdRef>({ itemId: isText(), author: isText(), caption: isText(), videoUrl: orNull(isText()) });

export const isSavedItemView = hasFields<SavedItemView>({
  key: isText(),
  productKey: isText(),
  variantId: isPositiveInt,
  title: isText(),
  variantTitle: orNull(isText()),
  selectedOptions: arrayOf(hasFields({ name: isText(), value: isText() })),
  image: orNull(isText()),
  quantity: isQuantity,
  currency: isCurrency,
  price: orNull(isCount),
  priceWhenSaved: isCount,
  savedCurrency: isCurrency,
  lowestPrice: orNull(isCount),
  change: isPriceChange,
  available: orNull(isBoolean),
  requiresSellingPlan: isBoolean,
  status: orNull(isLookupStatus),
  detail: isText(),
  lastChecked: orNull(isNumber),
  savedAt: isNumber,
  ad: orNull(isAdRef),
});

export const isLeftOut = hasFields<LeftOut>({ key: isText(), title: isText(), reason: oneOf(['unavailable', 'selling-plan', 'gone'] as const) });

export const isStoreGroupView = hasFields<StoreGroupView>({
  id: isText(),
  host: isText(),
  localePrefix: isText(),
  storeName: orNull(isText()),
  currency: isCurrency,
  permitted: isBoolean,
  passwordProtected: isBoolean,
  itemCount: isCount,
  total: orNull(isCount),
  leftOut: arrayOf(isLeftOut),
  items: arrayOf(isSavedItemView),
});

export const isSavedView = hasFields<SavedView>({ groups: arrayOf(isStoreGroupView), totalItems: isCount, choices: recordOf(isProductChoices) });

export const isRemovedRow = hasFields<RemovedRow>({
  key: isText(700),
  productKey: isText(600, 3),
  host: isText(253),
  variantId: isPositiveInt,
  quantity: isQuantity,
  savedAt: isNumber,
  priceWhenSaved: isCount,
  currency: isCurrency,
  sightingItemId: orNull(matches(ITEM_ID_PATTERN)),
});

export const isCheckoutPlan = byField<CheckoutPlan>('kind', {
  ready: hasFields({ kind: oneOf(['ready'] as const), url: isHttpsUrl, lines: isPositiveInt, leftOut: arrayOf(isLeftOut) }),
  blocked: hasFields({ kind: oneOf(['blocked'] as const), reason: oneOf(['password-protected', 'nothing-to-buy', 'invalid-store'] as const), leftOut: arrayOf(isLeftOut) }),
});

export const isHistoryCursor = hasFields<HistoryCursor>({ time: isNumber, id: isText(100) });

export const isHistoryRow = hasFields<HistoryRow>({
  id: isText(),
  time: isNumber,
  kind: oneOf(CLICK_KINDS),
  host: orNull(isText()),
  storeName: orNull(isText()),
  productKey: orNull(isText()),
  productTitle: orNull(isText()),
  itemId: orNull(isText()),
  author: orNull(isText()),
  videoUrl: orNull(isText()),
});

export const isHistoryPage = hasFields<HistoryPage>({ rows: arrayOf(isHistoryRow), next: orNull(isHistoryCursor), scannedTo: orNull(isNumber) });
