/**
 * Which feed card an element belongs to, and which item that card shows. Library-free:
 * the main-world tap uses it to attribute a click, the DOM detector to match JSON items.
 * The For You card has no `/video/<id>` link; its player wrapper's id ends with the item id
 * (research §5, medium-high), so that comes first.
 */
import { PLAYER_WRAPPER_ID, SELECTORS, VIDEO_LINK_ID } from './signals';

/** `xgwrapper-<n>-<id>` first, else `a[href*="/video/<id>"]`, else null. */
export function itemIdOfCard(card: Element): string | null {
  for (const wrapper of card.querySelectorAll(SELECTORS.playerWrapper)) {
    const id = PLAYER_WRAPPER_ID.exec(wrapper.id)?.[1];
    if (id) return id;
  }
  for (const link of card.querySelectorAll(SELECTORS.videoLink)) {
    const id = VIDEO_LINK_ID.exec(link.getAttribute('href') ?? '')?.[1];
    if (id) return id;
  }
  return null;
}

/**
 * `itemIdOfCard` that remembers each card's player wrapper, weakly both ways: a WeakMap so a
 * card the page drops is not kept alive, and a WeakRef so a card the page keeps in a pool
 * does not keep its old wrapper's subtree alive (a strong value did: +176 DOM nodes after GC). While that wrapper stays in the card its id is re-read, so a
 * wrapper renamed for another item is seen; when TikTok replaces the card's content the old
 * wrapper leaves the card and the full lookup runs again. Saves the two `querySelectorAll`
 * of every check of a busy card (a feed card has one player).
 */
export function rememberingItemIdOfCard(): (card: Element) => string | null {
  const wrappers = new WeakMap<Element, WeakRef<Element>>();
  return (card) => {
    const known = wrappers.get(card)?.deref();
    if (known && card.contains(known)) {
      const id = PLAYER_WRAPPER_ID.exec(known.id)?.[1];
      if (id) return id;
    }
    for (const wrapper of card.querySelectorAll(SELECTORS.playerWrapper)) {
      const id = PLAYER_WRAPPER_ID.exec(wrapper.id)?.[1];
      if (!id) continue;
      wrappers.set(card, new WeakRef(wrapper));
      return id;
    }
    wrappers.delete(card);
    return itemIdOfCard(card);
  };
}

/** The feed card around `node` (itself included), or null when it is not inside one. */
export function cardOf(node: unknown): Element | null {
  const el = node as Partial<Element> | null;
  if (!el || typeof el.closest !== 'function') return null;
  return el.closest(SELECTORS.card);
}
