import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardModel } from '@/utils/card-model';
import { createAdOverlays, type CardHandle, type OverlayDeps } from '@/utils/feed/ad-overlays';
import { watchFeedCards } from '@/utils/feed/watch-cards';
import type { AdSighting } from '@/utils/model';
import { adSighting } from './ad-sighting';

const sighting = (itemId: string, adKind: AdSighting['adKind'] = 'product-link', source: AdSighting['source'] = 'api') => adSighting(itemId, { adKind, source });

function card(itemId: string | null): HTMLElement {
  const article = document.createElement('article');
  article.setAttribute('data-e2e', 'recommend-list-item-container');
  if (itemId) article.innerHTML = `<div id="xgwrapper-0-${itemId}"></div>`;
  return article;
}

const findCards = (root: ParentNode) => [...root.querySelectorAll('[data-e2e="recommend-list-item-container"]')];
const itemIdOf = (c: Element) => c.querySelector('[id^="xgwrapper-"]')?.id.split('-')[2] ?? null;

function fakeDeps(overrides: Partial<OverlayDeps> = {}) {
  const log: string[] = [];
  const handles: { itemId: string; models: CardModel[]; removed: boolean }[] = [];
  const deps: OverlayDeps = {
    report: async (s, appeared) => (log.push(`report ${s.itemId} ${s.source} ${appeared}`), { state: 'failed', host: 'h', status: 'not-found', detail: 'x' }),
    learned: (sightings) => void log.push(`learned ${sightings.map((s) => s.itemId).join(' ')}`),
    save: async () => true,
    click: (kind, itemId) => void log.push(`click ${kind} ${itemId}`),
    mount: async (c, model) => {
      const h = { itemId: itemIdOf(c) ?? '', models: [model], removed: false };
      handles.push(h);
      const handle: CardHandle = { update: (m) => void h.models.push(m), isAttached: () => !h.removed, remove: () => void (h.removed = true) };
      return handle;
    },
    sightingFromCard: () => null,
    whenIdle: (run) => void setTimeout(run, 0),
    allow: (host) => void log.push(`allow ${host}`),
    itemIdOf,
    isOrganic: () => false,
    shows: () => true,
    ...overrides,
  };
  return { deps, log, handles };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
let stop: AbortController;
afterEach(() => {
  stop?.abort();
  document.body.replaceChildren();
});

function watch(deps: OverlayDeps) {
  stop = new AbortController();
  const overlays = createAdOverlays(deps);
  const watcher = watchFeedCards(document, overlays.hooks, { findCards, itemIdOf, isOwnNode: () => false, schedule: (run) => void setTimeout(run, 0), signal: stop.signal });
  return { overlays, watcher };
}

describe('feed overlays', () => {
  it('mounts one card per appearance of a known ad, never on organic cards, and counts the impression', async () => {
    const { deps, log, handles } = fakeDeps();
    const { overlays } = watch(deps);
    overlays.learn([sighting('111')]);
    document.body.append(card('111'), card('222'));
    await tick();
    await tick();
    expect(handles.map((h) => h.itemId)).toEqual(['111']);
    expect(handles[0]!.models[0]).toEqual({ state: 'pending' });
    expect(handles[0]!.models.at(-1)).toMatchObject({ state: 'failed' });
    expect(log).toEqual(['learned 111', 'report 111 api true']);
  });

  it('sends the ads of one feed page whose cards are not on screen in one message', async () => {
    const { deps, log } = fakeDeps();
    const { overlays } = watch(deps);
    overlays.learn([sighting('111')]);
    document.body.append(card('111'));
    await tick();
    await tick();
    log.length = 0;
    // 111's card is on screen: its richer data asks for the card to draw; the others go together.
    overlays.learn([sighting('111'), sighting('333'), sighting('334')]);
    await tick();
    expect(log).toEqual(['report 111 api false', 'learned 333 334']);
  });

  it('removes the card when the page recycles the element for another item, and mounts the new one', async () => {
    const { deps, handles } = fakeDeps();
    const { overlays } = watch(deps);
    overlays.learn([sighting('111'), sighting('333', 'external')]);
    const article = card('111');
    document.body.append(article);
    await tick();
    await tick();
    article.innerHTML = '<div id="xgwrapper-0-333"></div>';
    await tick();
    await tick();
    expect(handles.map((h) => [h.itemId, h.removed])).toEqual([['111', true], ['333', false]]);
    expect(handles[1]!.models[0]).toEqual({ state: 'not-shoppable', adKind: 'external' });
    article.remove();
    await tick();
    await tick();
    expect(handles.every((h) => h.removed)).toBe(true);
  });

  it('falls back to the DOM for ad cards the tap never saw', async () => {
    // 444 carries an ad hook (found at once), 445 only a label text (found by the idle walk).
    const { deps, log, handles } = fakeDeps({
      sightingFromCard: (c, thorough) => (itemIdOf(c) === '444' || (thorough && itemIdOf(c) === '445') ? sighting(itemIdOf(c)!, 'unknown', 'dom') : null),
    });
    const { overlays } = watch(deps);
    document.body.append(card('444'), card('445'), card('555'));
    await tick();
    await tick();
    await tick();
    expect(handles.map((h) => h.itemId)).toEqual(['444', '445']);
    expect(log).toEqual(['report 444 dom true', 'report 445 dom true']);
    expect(overlays.stats.domFallbacks).toBe(2);
  });

  it('draws an ad card whose feed JSON arrives after the card as soon as it arrives, even when the DOM shows no ad label', async () => {
    const idle: (() => void)[] = [];
    const { deps, log, handles } = fakeDeps({ whenIdle: (run) => void idle.push(run) });
    const { overlays } = watch(deps);
    // The card renders before the tap has parsed the response that holds its JSON: no hook, no label.
    document.body.append(card('777'), card('778'));
    await tick();
    expect(handles).toEqual([]);
    expect(idle).toHaveLength(2);
    // The JSON arrives: 777 is drawn now (its impression counted), the ad not on screen is only learnt.
    overlays.learn([sighting('777'), sighting('779')]);
    await tick();
    expect(handles.map((h) => h.itemId)).toEqual(['777']);
    expect(log).toEqual(['learned 779', 'report 777 api true']);
    // The idle pass later finds the card already drawn; the organic card stays bare.
    for (const run of idle) run();
    await tick();
    expect(handles.map((h) => h.itemId)).toEqual(['777']);
    // A card recycled for another item before its JSON came is not drawn with the old item's ad.
    const recycled = card('780');
    document.body.append(recycled);
    await tick();
    recycled.querySelector('[id^="xgwrapper-"]')!.id = 'xgwrapper-0-781';
    await tick();
    overlays.learn([sighting('780')]);
    await tick();
    expect(handles.map((h) => h.itemId)).toEqual(['777']);
    expect(log.at(-1)).toBe('learned 780');
  });

  it('spares the cards the feed JSON called organic any DOM fallback, and still reads the cards it never saw', async () => {
    const read: string[] = [];
    const { deps, handles } = fakeDeps({
      isOrganic: (itemId) => itemId === '666',
      sightingFromCard: (c, thorough) => (read.push(`${itemIdOf(c)} ${thorough ? 'walk' : 'hooks'}`), itemIdOf(c) === '667' ? sighting('667', 'unknown', 'dom') : null),
    });
    watch(deps);
    document.body.append(card('666'), card('667'), card('668'));
    await tick();
    await tick();
    await tick();
    expect(read.filter((r) => r.startsWith('666'))).toEqual([]);
    expect(read).toEqual(['667 hooks', '668 hooks', '668 walk']);
    expect(handles.map((h) => h.itemId)).toEqual(['667']);
  });

  it('records but does not draw what the settings hide', async () => {
    const { deps, log, handles } = fakeDeps({ shows: (s) => s.adKind === 'product-link' });
    const { overlays } = watch(deps);
    overlays.learn([sighting('777', 'external'), sighting('778')]);
    document.body.append(card('777'), card('778'));
    await tick();
    await tick();
    expect(handles.map((h) => h.itemId)).toEqual(['778']);
    expect(log).toContain('report 777 api true');
  });

  it("takes the background's word on the ad kind: a product-shaped link it calls external is removed when chips are hidden", async () => {
    const { deps, handles } = fakeDeps({
      shows: (s) => s.adKind === 'product-link',
      report: async () => ({ state: 'not-shoppable', adKind: 'external' }),
    });
    const { overlays } = watch(deps);
    overlays.learn([sighting('779')]);
    document.body.append(card('779'));
    await tick();
    await tick();
    expect(handles.map((h) => [h.itemId, h.removed])).toEqual([['779', true]]);
    // Shown again only if the settings change to show non-shop chips; reconsider() reads the corrected kind.
    overlays.reconsider();
    await tick();
    expect(handles).toHaveLength(1);
  });

  it('batches many mutations into one scan and stops on abort, removing what it mounted', async () => {
    const { deps, handles } = fakeDeps();
    const mount = vi.fn(deps.mount);
    const { overlays } = watch({ ...deps, mount });
    overlays.learn([sighting('666')]);
    const article = card('666');
    document.body.append(article);
    for (let i = 0; i < 50; i += 1) article.append(document.createElement('span'));
    await tick();
    await tick();
    expect(mount).toHaveBeenCalledTimes(1);
    expect(handles).toHaveLength(1);
    stop.abort();
    expect(handles[0]!.removed).toBe(true);
  });
});
