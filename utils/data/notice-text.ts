/**
 * The words of a price-watch notification, from the i18n catalogue (keys `data_notify*`).
 * `translate` is `browser.i18n.getMessage` in the background; tests pass a fake. The
 * background may not import components/, so the catalogue is read directly here.
 */
import { formatMoney } from '../money';
import type { PriceChange } from './price-watch';
import type { Notice } from './services';

export type NoticeKey = 'data_notifyDropTitle' | 'data_notifyDropBackTitle' | 'data_notifyDropBody' | 'data_notifyRestockTitle' | 'data_notifyRestockBody';
export type Translate = (key: NoticeKey, substitutions: string[]) => string;

export interface NoticeSubject {
  title: string;
  store: string;
  currency: string;
}

export function noticeFor(change: PriceChange, subject: NoticeSubject, translate: Translate, locale?: string): Notice {
  const money = (minor: number) => formatMoney(minor, subject.currency, locale);
  if (change.kind === 'restock') {
    return { title: translate('data_notifyRestockTitle', [subject.title]), message: translate('data_notifyRestockBody', [subject.store, money(change.price)]) };
  }
  return {
    title: translate(change.restocked ? 'data_notifyDropBackTitle' : 'data_notifyDropTitle', [subject.title]),
    message: translate('data_notifyDropBody', [money(change.to), money(change.from), subject.store, String(change.percent)]),
  };
}

/** One id per product: a second notice about the same product replaces the first instead of stacking. */
export function noticeId(productKey: string): string {
  return `scrollcart-watch:${productKey}`;
}

/** The product key a notification id names, or null for a notification that is not ours. */
export function productKeyOfNotice(id: string): string | null {
  return id.startsWith('scrollcart-watch:') ? id.slice('scrollcart-watch:'.length) : null;
}
