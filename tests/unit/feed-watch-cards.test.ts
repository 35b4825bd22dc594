// The feed watcher sees every recycling of a card, past its per-card wrapper cache.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchFeedCards, type CardHooks } from '@/utils/feed/watch-cards';
import { rememberingItemIdOfCard } from '@/utils/tiktok/card-id';
import { findFeedCards } from '@/utils/tiktok/dom';

// happy-dom delivers mutation records in a task, and the scan is scheduled one task later.
const tick = async () => {
  for (let i = 0; i < 3; i += 1) await new Promise((r) => setTimeout(r, 0));
};
let stop: AbortController | undefined;
afterEach(() => {
  stop?.abort();
  document.body.replaceChildren();
});

function card(itemId: string): HTMLElement {
  const article = document.createElement('article');
  article.setAttribute('data-e2e', 'recommend-list-item-container');
  article.innerHTML = `<div id="xgwrapper-0-${itemId}"><span>video</span></div>`;
  return article;
}

function watch() {
  stop = new AbortController();
  const log: string[] = [];
  const checked: string[] = [];
  const hooks: CardHooks = {
    appear: (_, id) => void log.push(`appear ${id}`),
    leave: (_, id) => void log.push(`leave ${id}`),
    still: (_, id) => void log.push(`still ${id}`),
  };
  // The content script's own lookup, with its per-card cache: recycling must get past it.
  const itemIdOfCard = rememberingItemIdOfCard();
  const itemIdOf = (c: Element) => {
    const id = itemIdOfCard(c);
    checked.push(id ?? 'none');
    return id;
  };
  watchFeedCards(document, hooks, { findCards: findFeedCards, itemIdOf, isOwnNode: (n) => n.nodeName === 'SCROLLCART-CARD', schedule: (run) => void setTimeout(run, 0), signal: stop.signal });
  return { log, checked };
}

describe('watchFeedCards', () => {
  it('reads a card it has seen through its remembered player wrapper, not a new lookup', async () => {
    const cards = Array.from({ length: 3 }, (_, i) => card(`10000${i}`));
    document.body.append(...cards);
    const { log } = watch();
    await tick();
    const lookups = vi.spyOn(Element.prototype, 'querySelectorAll');
    cards[1]!.querySelector('span')!.append('progress');
    await tick();
    // One lookup: the scan's search for cards. None per card.
    expect(lookups.mock.calls.filter(([selector]) => String(selector).includes('xgwrapper'))).toHaveLength(0);
    expect(log.filter((l) => l.startsWith('still'))).toHaveLength(3);
  });

  it('sees a card recycled by replacing its content, or by renaming its player wrapper', async () => {
    const article = card('111111');
    document.body.append(article);
    const { log } = watch();
    await tick();
    article.innerHTML = '<div><div id="xgwrapper-3-222222"></div></div>';
    await tick();
    article.querySelector('[id^="xgwrapper-"]')!.id = 'xgwrapper-3-333333';
    await tick();
    // Replaced by a plain /video/ link: the wrapper cache must not answer for a wrapper that left.
    article.replaceChildren(Object.assign(document.createElement('a'), { href: '/@a/video/4444444' }));
    await tick();
    article.firstElementChild!.remove();
    await tick();
    expect(log).toEqual(['appear 111111', 'leave 111111', 'appear 222222', 'leave 222222', 'appear 333333', 'leave 333333', 'appear 4444444', 'leave 4444444']);
  });

  it('sees a card added inside a new subtree, and one removed with its list', async () => {
    const { log } = watch();
    await tick();
    const list = document.createElement('div');
    list.append(card('444444'), card('555555'));
    document.body.append(list);
    await tick();
    list.remove();
    await tick();
    expect(log).toEqual(['appear 444444', 'appear 555555', 'leave 444444', 'leave 555555']);
  });

  it('ignores our own overlay arriving, and re-checks the card when it is wiped (so it can be repaired)', async () => {
    const article = card('666666');
    document.body.append(article);
    const { log, checked } = watch();
    await tick();
    const overlay = document.createElement('scrollcart-card');
    article.append(overlay);
    await tick();
    expect(checked).toEqual(['666666']);
    overlay.remove();
    await tick();
    expect(log).toEqual(['appear 666666', 'still 666666']);
  });

  it('counts nested cards as the outermost one, as findFeedCards does', async () => {
    const outer = card('777777');
    const inner = card('888888');
    outer.append(inner);
    document.body.append(outer);
    const { log } = watch();
    await tick();
    inner.querySelector('span')!.append('x');
    await tick();
    expect(log).toEqual(['appear 777777', 'still 777777']);
  });
});
