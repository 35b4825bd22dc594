/**
 * "ScrollCart missed this ad". The feed content script only remembers the card under the
 * last right-click; the menu's click (utils/missed-ad-menu.ts) injects entrypoints/missed-ad.ts
 * into that frame, which takes the card and reports its non-personal shape. The shape code
 * (utils/tiktok/dom-shape.ts) is thus loaded when a person asks, not on every TikTok page
 * (0.7 KB gzip of the content scripts' 15 KB budget, docs/performance.md).
 */
import type { ContentSender } from '../protocol/content-script';
import { cardShape } from '../tiktok/dom-shape';
import { SELECTORS } from '../tiktok/signals';

/** The injected script, as the menu's click names it for `scripting.executeScript`. */
export const MISSED_AD_SCRIPT = '/missed-ad.js';

/**
 * Where the card waits: a global of the extension's isolated world, which both the content
 * script and a script injected into it see, and the page does not. A WeakRef, so a card the
 * page drops is not kept alive by a right-click nobody reported.
 */
const CONTEXT_CARD = Symbol.for('scrollcart.context-card');
type Stash = { [CONTEXT_CARD]?: WeakRef<Element> };

export function trackContextCard(doc: Document, signal: AbortSignal): void {
  doc.addEventListener(
    'contextmenu',
    (event) => {
      const card = event.target instanceof Element ? event.target.closest(SELECTORS.card) : null;
      (globalThis as Stash)[CONTEXT_CARD] = card ? new WeakRef(card) : undefined;
    },
    { capture: true, passive: true, signal },
  );
}

/** The card under the last right-click, once; null if there was none or it left the page. */
export function takeContextCard(): Element | null {
  const stash = globalThis as Stash;
  const card = stash[CONTEXT_CARD]?.deref();
  stash[CONTEXT_CARD] = undefined;
  return card?.isConnected ? card : null;
}

/** The injected script's work: the right-clicked card's shape, sent as a content script's message. True if it was stored. */
export async function reportMissedAd(ask: ContentSender, page: string): Promise<boolean> {
  const card = takeContextCard();
  if (!card) return false;
  const reply = await ask('diagnostics/missed', { page, shape: cardShape(card) }).catch(() => null);
  return reply?.ok === true && reply.data.stored;
}
