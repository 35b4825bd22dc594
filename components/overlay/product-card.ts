/**
 * The card drawn on a shoppable ad, built with plain DOM calls: the content script runs on
 * every TikTok page, and Preact was ~4.6 KB gzip of its bundle and ~20 ms of a 300-item
 * scroll's script time for five small states (docs/performance.md). Text from pages and stores
 * is set as text nodes only; every string a person reads comes from the i18n catalogue.
 */
import type { CardModel } from '@/utils/card-model';
import { formatMoneyFor } from '@/utils/money';
import { lookupStatusText, t } from '../i18n';

export interface CardActions {
  onSave(): void;
  onBuy(): void;
  /** Opens ScrollCart's permission page for this store (content scripts can't ask themselves). */
  onAllow(host: string): void;
}

export interface CardProps {
  model: CardModel;
  /** null: not saved yet; true: saved; a string: why saving failed. */
  saved: boolean | string | null;
  actions: CardActions;
  locale?: string;
  /** The card's text direction: prices in right-to-left text isolate their currency symbol. */
  direction?: 'rtl' | 'ltr';
}

type Child = Node | string | null | false;
type Attributes = Record<string, string | boolean | ((event: Event) => void)>;

/** One element: string attributes set as attributes, `true` as an empty one, `false` left out, functions as click listeners. */
function h(tag: string, attributes: Attributes, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener('click', value);
    else if (value !== false) element.setAttribute(name, value === true ? '' : value);
  }
  return append(element, ...children);
}

function append(element: HTMLElement, ...children: Child[]): HTMLElement {
  for (const child of children) if (child !== null && child !== false) element.append(child);
  return element;
}

/**
 * Only a person's click counts. The card's shadow root is open and lives in the page, so a page
 * script can call `button.click()`; such events are untrusted and must not save or record
 * anything (found by tests/e2e/hostile.spec.ts). A scripted click on Buy now is also left
 * without its checkout record; the browser's popup blocker stops the tab it would open.
 */
function byPerson(action: () => void) {
  return (event: Event) => {
    if (event.isTrusted) action();
    else event.preventDefault();
  };
}

/** The card's top element for one state; the caller puts it in the shadow root. */
export function productCard({ model, saved, actions, locale, direction = 'ltr' }: CardProps): HTMLElement {
  if (model.state === 'not-shoppable') return h('p', { class: 'sc-chip' }, t(model.adKind === 'tiktok-shop' ? 'chipTikTokShop' : 'chipNotShop'));
  const section = h('section', { class: 'sc-card', role: 'region', 'aria-label': t('cardLabel') });
  if (model.state === 'pending') section.append(h('p', { class: 'sc-skeleton', 'aria-live': 'polite', 'aria-busy': 'true' }, t('cardLoading')));
  else if (model.state === 'failed') section.append(h('p', { class: 'sc-status', role: 'status' }, h('span', { class: 'sc-host' }, model.host), ' ', lookupStatusText(model.status)));
  else if (model.state === 'needs-permission') {
    const allow = h('button', { type: 'button', title: t('data_cardAllowHint'), 'data-sc-action': 'allow', onclick: byPerson(() => actions.onAllow(model.host)) }, t('cardAllowLookups', model.host));
    section.append(h('p', { class: 'sc-status', role: 'status' }, allow));
  } else if (model.state === 'product') {
    const money = (minor: number) => formatMoneyFor(direction, minor, model.currency, locale);
    append(
      section,
      h('p', { class: 'sc-host' }, model.storeName ?? model.host),
      h('p', { class: 'sc-title' }, model.title),
      model.variantTitle ? h('p', { class: 'sc-variant' }, model.variantTitle) : null,
      h(
        'p',
        { class: 'sc-price' },
        h('strong', {}, money(model.price)),
        ' ',
        model.compareAtPrice !== null && h('s', {}, t('cardWasPrice', money(model.compareAtPrice))),
        ' ',
        h('span', { class: model.available ? 'sc-stock' : 'sc-stock sc-out' }, t(model.available ? 'cardInStock' : 'cardSoldOut')),
      ),
      h(
        'div',
        { class: 'sc-actions' },
        h('button', { type: 'button', 'data-sc-action': 'save', disabled: saved === true, 'aria-pressed': String(saved === true), onclick: byPerson(actions.onSave) }, t(saved === true ? 'cardSaved' : 'cardSave')),
        model.buyUrl ? h('a', { href: model.buyUrl, target: '_blank', rel: 'noopener noreferrer', 'data-sc-action': 'buy', onclick: byPerson(actions.onBuy) }, t('cardBuyNow')) : null,
      ),
      typeof saved === 'string' ? h('p', { class: 'sc-status', role: 'alert' }, t('saveFailed', saved)) : null,
    );
  }
  return section;
}
