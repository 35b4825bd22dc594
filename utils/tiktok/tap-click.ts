/**
 * The tap's last resort: TikTok opens an ad's landing page with `window.open(web_url)` on a
 * click on the card's title, avatar, CTA or label, and the card has no link to it (research §3,
 * §4, high). So a `window.open` shortly after a click inside a feed card is noted with that
 * card's item id. `window.open` stays transparent: the original is always called with the same
 * arguments and its result returned.
 */
import { cardOf, itemIdOfCard } from './card-id';

/** How long after a click a `window.open` still counts as its consequence (the app opens synchronously). */
export const CLICK_TO_OPEN_MS = 1000;

export type OnCardOpen = (itemId: string | null, url: string) => void;

function absoluteUrl(win: Window, url: unknown): string {
  // Strings and URLs only: stringifying another page object would run its code a second time.
  const raw = typeof url === 'string' ? url : url instanceof URL ? url.href : '';
  if (!raw) return '';
  try {
    return new URL(raw, win.location.href).href;
  } catch {
    return '';
  }
}

export function tapWindowOpen(win: Window, onOpen: OnCardOpen): void {
  let lastClick: { at: number; itemId: string | null } | null = null;

  // Capture phase on the window: seen before any handler of the page can stop the event.
  win.addEventListener(
    'click',
    (event) => {
      try {
        const card = cardOf(event.target);
        lastClick = card ? { at: win.performance.now(), itemId: itemIdOfCard(card) } : null;
      } catch {
        lastClick = null;
      }
    },
    { capture: true, passive: true },
  );

  const originalOpen = win.open;
  if (typeof originalOpen !== 'function') return;
  win.open = function tappedOpen(this: unknown, ...args: Parameters<typeof window.open>) {
    const result = originalOpen.apply(this, args);
    try {
      const click = lastClick;
      lastClick = null; // one click, one open
      if (click && win.performance.now() - click.at <= CLICK_TO_OPEN_MS) {
        const url = absoluteUrl(win, args[0]);
        if (url) onOpen(click.itemId, url);
      }
    } catch {
      // The page already has its window; nothing of ours may change that.
    }
    return result;
  } as typeof window.open;
}
