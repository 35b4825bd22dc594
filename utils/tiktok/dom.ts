/**
 * The DOM fallback detector: recognises ad cards in the feed by TikTok's own ad hooks
 * (`data-e2e="ad-tag"` label, `data-e2e="ttam-ads-cta"` CTA; research §5, medium) or, last,
 * by a localised ad label text. Never by class names (hashed per build), never by the caption,
 * and never by `sponsored-tag`, the creator's "Paid partnership" disclosure (§5). Pure
 * functions of an Element; the content script decides when to call them.
 */
import type { AdSighting } from '../model';
import { itemIdOfCard } from './card-id';
import { findAdLabelText } from './dom-labels';
import { buildSighting } from './sighting';
import { SELECTORS } from './signals';
import { oneLine } from './text';

export { itemIdOfCard } from './card-id';
export { cardShape, type CardShape, type ShapeNode } from './dom-shape';

/** Every feed card under `root` (itself included), outermost only when cards nest. */
export function findFeedCards(root: ParentNode): Element[] {
  const found = [...root.querySelectorAll(SELECTORS.card)];
  const self = root as Partial<Element>;
  if (typeof self.matches === 'function' && self.matches(SELECTORS.card)) found.unshift(root as Element);
  const set = new Set(found);
  return found.filter((card) => {
    for (let up = card.parentElement; up; up = up.parentElement) if (set.has(up)) return false;
    return true;
  });
}

/** The ad label text if the card carries one (the `ad-tag` hook's text, else a localised label), else null. */
export function adLabelOf(card: Element): string | null {
  const tagged = oneLine(card.querySelector(SELECTORS.adLabel)?.textContent ?? '', 64);
  return tagged || findAdLabelText(card);
}

/** Ad label hook, ads CTA hook, or a localised label text. */
/** The cheap test: one of the ad hooks is in the card. */
export function hasAdHook(card: Element): boolean {
  return !!card.querySelector(`${SELECTORS.adLabel}, ${SELECTORS.adCta}, ${SELECTORS.adOther}`);
}

export function isAdCard(card: Element): boolean {
  return hasAdHook(card) || findAdLabelText(card) !== null;
}

function authorOf(card: Element): string {
  const handle = card.querySelector(SELECTORS.authorHandle)?.textContent;
  if (handle?.trim()) return handle;
  // 2026 For You cards lose `video-author-uniqueid` (§5); the avatar link still says `/@handle`.
  const href = card.querySelector(SELECTORS.authorLink)?.getAttribute('href') ?? '';
  const match = /^\/@([^/?#]+)/.exec(href);
  if (!match?.[1]) return '';
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** An http(s) `href` on the CTA itself, around it or inside it: the rare card that has a real link. */
function ctaHref(card: Element, cta: Element | null): string {
  if (!cta) return '';
  const link = cta.closest('a[href]') ?? cta.querySelector('a[href]');
  if (!link || !card.contains(link)) return '';
  try {
    const url = new URL(link.getAttribute('href') ?? '', card.ownerDocument.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : '';
  } catch {
    return '';
  }
}

/** A 'dom' sighting for an ad card with an item id, else null. The landing URL is '' unless the CTA links it. */
/**
 * `labelWalk: false` checks the hooks only; the walk over the card's text for a localised
 * label costs more and can run later, in idle time.
 */
export function sightingFromCard(card: Element, page: string, options: { labelWalk?: boolean } = {}): AdSighting | null {
  if (!(options.labelWalk === false ? hasAdHook(card) : isAdCard(card))) return null;
  const itemId = itemIdOfCard(card);
  if (!itemId) return null;
  const cta = card.querySelector(SELECTORS.adCta);
  const built = buildSighting({
    itemId,
    author: authorOf(card),
    // Source-formatting whitespace is not part of the caption.
    caption: (card.querySelector(SELECTORS.caption)?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    ctaText: cta?.textContent ?? '',
    landingUrlRaw: ctaHref(card, cta),
    source: 'dom',
    page,
  });
  return built.ok ? built.sighting : null;
}
