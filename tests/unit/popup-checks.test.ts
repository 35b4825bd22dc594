/**
 * The popup's guards (utils/popup/answers.ts, utils/protocol/popup-page.ts) against the zod
 * schemas the background's answers are specified by: on valid examples and every
 * single-field change of them, both must give the same verdict. The popup loads no zod at
 * open (docs/performance.md); these tests keep its checks from drifting from the schemas.
 * Nested shapes are held to their own schemas, so a change at any depth is covered.
 */
import { describe, it } from 'vitest';
import type { $ZodType } from 'zod/v4/core';
import * as answers from '@/utils/popup/answers';
import { AdRef, CheckoutPlan, HistoryCursor, HistoryPage, HistoryRow, LeftOut, PriceChangeSchema, ProductChoices, RemovedRow, SavedItemView, SavedView, StoreGroupView, VariantChoice } from '@/utils/popup/schemas';
import { coreProtocol } from '@/utils/protocol/core';
import { dataProtocol } from '@/utils/protocol/data';
import { popupProtocol } from '@/utils/protocol/popup';
import { POPUP_ANSWERS, type PopupMessageType } from '@/utils/protocol/popup-page';
import { agrees } from './agreement';

const variant = { id: 11, title: 'Moss', available: true, requiresSellingPlan: false, price: 1999 };
const choices = { options: [{ name: 'Colour', values: ['Moss', 'Sand'] }], variants: [variant, { ...variant, id: 12, title: 'Sand', available: false }] };
const ad = { itemId: '7301', author: 'maker', caption: 'A tote', videoUrl: 'https://www.tiktok.com/@maker/video/7301' };
const item = {
  key: 'demo.myshopify.com/tote#11',
  productKey: 'demo.myshopify.com/tote',
  variantId: 11,
  title: 'Tote',
  variantTitle: 'Moss',
  selectedOptions: [{ name: 'Colour', value: 'Moss' }],
  image: 'https://cdn.shopify.com/tote.jpg',
  quantity: 2,
  currency: 'USD',
  price: 1999,
  priceWhenSaved: 2499,
  savedCurrency: 'USD',
  lowestPrice: 1899,
  change: { kind: 'drop', amount: 500, basisPoints: 2001 },
  available: true,
  requiresSellingPlan: false,
  status: 'ok',
  detail: '',
  lastChecked: 1_764_000_000_000,
  savedAt: 1_763_000_000_000.5,
  ad,
};
const bareItem = { ...item, variantTitle: null, selectedOptions: [], image: null, price: null, lowestPrice: null, change: { kind: 'unknown' }, available: null, status: null, lastChecked: null, ad: null };
const leftOut = { key: 'demo.myshopify.com/tote#12', title: 'Tote', reason: 'unavailable' };
const group = { id: 'demo.myshopify.com', host: 'demo.myshopify.com', localePrefix: '', storeName: 'Demo', currency: 'USD', permitted: true, passwordProtected: false, itemCount: 3, total: 3998, leftOut: [leftOut], items: [item, bareItem] };
const removed = { key: 'demo.myshopify.com/tote#11', productKey: 'demo.myshopify.com/tote', host: 'demo.myshopify.com', variantId: 11, quantity: 1, savedAt: 1_763_000_000_000, priceWhenSaved: 1999, currency: 'USD', sightingItemId: '7301' };
const row = { id: 'c1', time: 1_764_000_000_000, kind: 'cta', host: 'demo.myshopify.com', storeName: 'Demo', productKey: 'demo.myshopify.com/tote', productTitle: 'Tote', itemId: '7301', author: 'maker', videoUrl: 'https://www.tiktok.com/@maker/video/7301' };
const bareRow = { ...row, kind: 'checkout', host: null, storeName: null, productKey: null, productTitle: null, itemId: null, author: null, videoUrl: null };

describe("the popup's checks agree with the background's zod schemas", () => {
  const shapes: [string, $ZodType, (value: unknown) => boolean, Record<string, unknown>[]][] = [
    ['price changes', PriceChangeSchema, answers.isPriceChange, [item.change, { kind: 'rise', amount: -3, basisPoints: null }, { kind: 'same', amount: 0, basisPoints: 0 }, { kind: 'unknown' }]],
    ['variant choices', VariantChoice, answers.isVariantChoice, [variant]],
    ['product choices', ProductChoices, answers.isProductChoices, [choices, { options: [], variants: [] }]],
    ['ad references', AdRef, answers.isAdRef, [ad, { ...ad, videoUrl: null }]],
    ['saved items', SavedItemView, answers.isSavedItemView, [item, bareItem, { ...item, change: { kind: 'same', amount: 0, basisPoints: null } }]],
    ['left-out lines', LeftOut, answers.isLeftOut, [leftOut, { ...leftOut, reason: 'gone' }]],
    ['store groups', StoreGroupView, answers.isStoreGroupView, [group, { ...group, storeName: null, total: null, leftOut: [], items: [] }]],
    ['saved pages', SavedView, answers.isSavedView, [{ groups: [group], totalItems: 3, choices: { [item.productKey]: choices } }, { groups: [], totalItems: 0, choices: {} }]],
    ['removed rows', RemovedRow, answers.isRemovedRow, [removed, { ...removed, sightingItemId: null }]],
    ['checkout plans', CheckoutPlan, answers.isCheckoutPlan, [{ kind: 'ready', url: 'https://demo.myshopify.com/cart/11:2', lines: 1, leftOut: [leftOut] }, { kind: 'blocked', reason: 'nothing-to-buy', leftOut: [] }]],
    ['history cursors', HistoryCursor, answers.isHistoryCursor, [{ time: 1, id: 'c1' }]],
    ['history rows', HistoryRow, answers.isHistoryRow, [row, bareRow]],
    ['history pages', HistoryPage, answers.isHistoryPage, [{ rows: [row, bareRow], next: { time: 1, id: 'c1' }, scannedTo: 1 }, { rows: [], next: null, scannedTo: null }]],
  ];
  for (const [name, schema, check, examples] of shapes) it(name, () => agrees(schema, check, examples));

  const examples: { [T in PopupMessageType]: Record<string, unknown>[] } = {
    'popup/saved-list': shapes.find(([name]) => name === 'saved pages')![3],
    'popup/saved-update': [{ ok: true, key: item.key, reason: null }, { ok: false, key: null, reason: 'no-such-variant' }],
    'popup/saved-remove': [{ removed }, { removed: null }],
    'popup/saved-restore': [{ restored: true }],
    'popup/checkout': shapes.find(([name]) => name === 'checkout plans')![3],
    'popup/store-refresh': [{ checked: 3, failed: 1 }],
    'popup/history': shapes.find(([name]) => name === 'history pages')![3],
    'overview/get': [
      { sightings: 4, products: 2, saved: 1, recent: [{ itemId: '7301', author: 'maker', caption: 'A tote', landingUrl: 'https://demo.myshopify.com/products/tote', productTitle: 'Tote', lookup: 'ok' }] },
      { sightings: 0, products: 0, saved: 0, recent: [] },
    ],
    'data/permission-status': [{ awaiting: [{ host: 'shop.example', ads: 2 }], everyShop: false, myshopify: true }],
    'data/apply-retention': [{ clicks: 1, sightings: 0, snapshots: 0, products: 2 }],
    'data/delete-all': [{ deleted: { clicks: 3, saved: 0 } }, { deleted: {} }],
  };
  const specs = { ...popupProtocol, ...coreProtocol, ...dataProtocol };
  for (const type of Object.keys(examples) as PopupMessageType[]) {
    it(`the answer to ${type}`, () => agrees(specs[type].response, POPUP_ANSWERS[type], examples[type]));
  }
});
