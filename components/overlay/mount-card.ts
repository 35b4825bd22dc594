/**
 * Mounts one product card on one feed card, in a shadow root, on top of the card and
 * without changing its size: TikTok's virtualised list measures cards.
 *
 * Why not WXT's createShadowRootUi: it registers `ctx.onInvalidated(remove)` for every UI
 * and never unregisters it, so each card mounted during a long scroll stayed reachable
 * with its whole shadow tree (detached DOM growing with the scroll, measured in
 * tests/bench). Here, teardown is owned by the feed watcher: every card that leaves, and
 * every card still shown when the content script is invalidated, is removed.
 */
import type { CardModel } from '@/utils/card-model';
import { textDirection, uiLocale } from '../i18n';
import cardCss from './card.css?inline';
import { productCard, type CardActions } from './product-card';

export interface MountedCard {
  update(model: CardModel, saved?: boolean | string | null): void;
  /** Still attached where it was put? (the page may have replaced the card's content) */
  isAttached(): boolean;
  remove(): void;
}

export const HOST_TAG = 'scrollcart-card';
/** Reset inherited styles, then lay the card over the top corner of its anchor, size 0 in the flow. */
const HOST_CSS = `:host{all:initial!important;display:block!important;position:relative!important;width:0!important;height:0!important;overflow:visible!important;z-index:2!important}.sc-pos{position:absolute;top:0;inset-inline-start:0}`;

let sharedSheet: CSSStyleSheet | null | undefined;

/**
 * The card's styles, parsed once for every card: a <style> per card made the browser parse
 * its 1.5 KB again at each mount (mountCard was the content script's largest cost after
 * messaging in a scroll's profile, docs/performance.md). Where adopting a sheet made in the
 * content script's world fails (Firefox's wrappers have refused it in some versions), each
 * card keeps its own <style>; the hostile e2e checks the styles apply in both browsers.
 */
function adoptStyles(shadow: ShadowRoot): boolean {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(HOST_CSS + cardCss);
    } catch {
      sharedSheet = null;
    }
  }
  if (!sharedSheet) return false;
  try {
    shadow.adoptedStyleSheets = [sharedSheet];
    return shadow.adoptedStyleSheets.length === 1;
  } catch {
    sharedSheet = null;
    return false;
  }
}

/** The player wrapper is positioned by the page; the card itself may not be. */
function anchorOf(card: Element): Element {
  return card.querySelector('[id^="xgwrapper-"]') ?? card;
}

export function mountCard(card: Element, model: CardModel, actions: CardActions): MountedCard {
  const locale = uiLocale();
  const direction = textDirection();
  const host = document.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  if (!adoptStyles(shadow)) {
    const style = document.createElement('style');
    style.textContent = HOST_CSS + cardCss;
    shadow.append(style);
  }
  const container = document.createElement('div');
  container.className = 'sc-pos sc-root';
  container.dir = direction;
  shadow.append(container);
  const anchor = anchorOf(card);
  anchor.prepend(host);

  let state = { model, saved: null as boolean | string | null };
  const draw = () => {
    // Each update draws the card anew (a handful of nodes); the control that had the keyboard
    // focus gets it back, so a person tabbing through the card is not thrown out of it.
    const focused = (shadow.activeElement as HTMLElement | null)?.dataset.scAction;
    container.replaceChildren(productCard({ model: state.model, saved: state.saved, actions, locale, direction }));
    if (focused) container.querySelector<HTMLElement>(`[data-sc-action="${focused}"]`)?.focus();
  };
  draw();
  return {
    update(next, saved) {
      state = { model: next, saved: saved === undefined ? state.saved : saved };
      draw();
    },
    isAttached: () => host.isConnected && anchor.contains(host),
    remove() {
      host.remove();
    },
  };
}
