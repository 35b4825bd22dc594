/**
 * "ScrollCart missed this ad": the page's context menu names the card the person
 * right-clicked; the background's menu click asks for its non-personal shape.
 */
import { cardShape, type CardShape } from '../tiktok/dom';
import { SELECTORS } from '../tiktok/signals';

export const CAPTURE_MISSED = 'scrollcart/capture-missed-ad';

/** Remembers the feed card under the last right-click; `take()` gives its shape once. */
export function trackContextCard(doc: Document, signal: AbortSignal): { take(): CardShape | null } {
  let card: Element | null = null;
  doc.addEventListener(
    'contextmenu',
    (event) => {
      card = event.target instanceof Element ? event.target.closest(SELECTORS.card) : null;
    },
    { capture: true, passive: true, signal },
  );
  return {
    take() {
      const shape = card?.isConnected ? cardShape(card) : null;
      card = null;
      return shape;
    },
  };
}
