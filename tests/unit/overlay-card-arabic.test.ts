// Its own file: components/i18n.ts keeps the UI direction once asked, so one language per module graph.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountCard } from '@/components/overlay/mount-card';
import type { CardModel } from '@/utils/card-model';
import { useCatalogue } from './popup-dom';

const product: CardModel = {
  state: 'product',
  host: 'shop.myshopify.com',
  storeName: 'Shop',
  title: 'Mug',
  variantTitle: null,
  variantId: 1,
  currency: 'USD',
  price: 1299,
  compareAtPrice: 1599,
  available: true,
  buyUrl: 'https://shop.myshopify.com/cart/1:1',
};

afterEach(() => document.body.replaceChildren());

function mounted(model: CardModel) {
  useCatalogue('ar');
  const card = document.createElement('div');
  document.body.append(card);
  const actions = { onSave: vi.fn(), onBuy: vi.fn(), onAllow: vi.fn() };
  const handle = mountCard(card, model, actions);
  const root = card.querySelector('scrollcart-card')!.shadowRoot!;
  return { handle, root, actions };
}

describe('the product card in Arabic', () => {
  it('keeps "US$" in order: the currency symbol is isolated, as in the popup', () => {
    const { root } = mounted(product);
    expect(root.querySelector('.sc-root')!.getAttribute('dir')).toBe('rtl');
    expect(root.querySelector('strong')!.textContent).toContain('\u2068US$\u2069');
    expect(root.querySelector('s')!.textContent).toContain('\u2068US$\u2069');
  });

  it('draws each state, ignores scripted clicks, and keeps the focus across an update', () => {
    const { handle, root, actions } = mounted({ state: 'pending' });
    expect(root.querySelector('.sc-skeleton[aria-busy="true"]')).not.toBeNull();
    handle.update(product);
    const save = root.querySelector<HTMLButtonElement>('[data-sc-action="save"]')!;
    save.click();
    expect(actions.onSave).not.toHaveBeenCalled();
    root.querySelector<HTMLElement>('[data-sc-action="buy"]')!.focus();
    handle.update(product, 'store is closed');
    expect((root.activeElement as HTMLElement).dataset.scAction).toBe('buy');
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('store is closed');
    handle.update({ state: 'failed', host: 'x.myshopify.com', status: 'password-protected', detail: '' });
    expect(root.querySelector('[role="status"] .sc-host')!.textContent).toBe('x.myshopify.com');
    handle.remove();
    expect(document.querySelector('scrollcart-card')).toBeNull();
  });
});
