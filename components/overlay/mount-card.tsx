/**
 * Mounts one product card on one feed card, in a shadow root (WXT's shadow-root UI), on
 * top of the card and without changing its size: TikTok's virtualised list measures cards.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { CardModel } from '@/utils/card-model';
import { textDirection } from '../i18n';
import cardCss from './card.css?inline';
import { ProductCard, type CardActions } from './ProductCard';

export interface MountedCard {
  update(model: CardModel, saved?: boolean | string | null): void;
  /** Still attached where it was put? (the page may have replaced the card's content) */
  isAttached(): boolean;
  remove(): void;
}

/** The player wrapper is positioned by the page; the card itself may not be. */
function anchorOf(card: Element): Element {
  return card.querySelector('[id^="xgwrapper-"]') ?? card;
}

export async function mountCard(ctx: ContentScriptContext, card: Element, model: CardModel, actions: CardActions): Promise<MountedCard> {
  let state = { model, saved: null as boolean | string | null };
  const locale = browser.i18n.getUILanguage();
  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: 'scrollcart-card',
    css: cardCss,
    position: 'overlay',
    zIndex: 2,
    anchor: anchorOf(card),
    append: 'first',
    onMount(container) {
      container.classList.add('sc-root');
      container.dir = textDirection();
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  const draw = () => ui.mounted && render(<ProductCard model={state.model} saved={state.saved} actions={actions} locale={locale} />, ui.mounted);
  ui.mount();
  draw();
  return {
    update(next, saved) {
      state = { model: next, saved: saved === undefined ? state.saved : saved };
      draw();
    },
    isAttached: () => ui.shadowHost.isConnected && card.contains(ui.shadowHost),
    remove: () => ui.remove(),
  };
}
