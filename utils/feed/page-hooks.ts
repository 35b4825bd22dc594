/** Small listeners on the page that the content script owns (and drops on abort). */
import { SELECTORS } from '../tiktok/signals';
import { itemIdOfCard } from '../tiktok/dom';

/** Our overlay hosts are custom elements named `scrollcart-*`. */
export function isOwnOverlayNode(node: Node): boolean {
  return node.nodeName.toLowerCase().startsWith('scrollcart-');
}

/** Calls `onCta(itemId)` when the person clicks an ad's own call-to-action in a feed card. */
export function watchCtaClicks(doc: Document, onCta: (itemId: string) => void, signal: AbortSignal): void {
  doc.addEventListener(
    'click',
    (event) => {
      // A page script's `cta.click()` is not a person's click: it must not write click history.
      if (!event.isTrusted) return;
      const target = event.target instanceof Element ? event.target : null;
      const cta = target?.closest(SELECTORS.adCta);
      const card = cta?.closest(SELECTORS.card);
      const itemId = card ? itemIdOfCard(card) : null;
      if (itemId) onCta(itemId);
    },
    { capture: true, passive: true, signal },
  );
}
