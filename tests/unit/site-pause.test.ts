import { afterEach, describe, expect, it } from 'vitest';
import { createAdOverlays } from '@/utils/feed/ad-overlays';
import { watchFeedCards } from '@/utils/feed/watch-cards';
import { isSitePaused, overlayRunsOn, pauseChoices, withSitePaused } from '@/utils/site-pause';
import type { CardHandle, OverlayDeps } from '@/utils/feed/ad-overlays';
import { adSighting } from './ad-sighting';

describe('per-site pause', () => {
  it('matches hosts case-insensitively and without the trailing dot', () => {
    expect(isSitePaused(['www.tiktok.com'], 'WWW.TikTok.com.')).toBe(true);
    expect(isSitePaused(['www.tiktok.com'], 'm.tiktok.com')).toBe(false);
    expect(isSitePaused([], 'www.tiktok.com')).toBe(false);
  });

  it('pauses and resumes one site, keeping the others, without duplicates', () => {
    const paused = withSitePaused(['m.tiktok.com'], 'WWW.tiktok.com', true);
    expect(paused).toEqual(['m.tiktok.com', 'www.tiktok.com']);
    expect(withSitePaused(paused, 'www.tiktok.com', true)).toEqual(paused);
    expect(withSitePaused(paused, 'www.tiktok.com.', false)).toEqual(['m.tiktok.com']);
  });

  it("offers the feed, the open tab only where the content script runs, and what is already paused", () => {
    expect(overlayRunsOn('tiktok.com')).toBe(true);
    expect(overlayRunsOn('m.tiktok.com')).toBe(true);
    expect(overlayRunsOn('tiktok.com.evil.example')).toBe(false);
    expect(overlayRunsOn('nottiktok.com')).toBe(false);
    expect(pauseChoices([], null)).toEqual(['www.tiktok.com']);
    expect(pauseChoices([], 'example.com')).toEqual(['www.tiktok.com']);
    expect(pauseChoices(['us.tiktok.com'], 'M.tiktok.com')).toEqual(['www.tiktok.com', 'm.tiktok.com', 'us.tiktok.com']);
  });
});

// The overlay side: a pause from the popup reaches the content script as a storage change,
// which calls `reconsider`; cards on screen must go at once and come back on resume.
function card(itemId: string): HTMLElement {
  const article = document.createElement('article');
  article.setAttribute('data-e2e', 'recommend-list-item-container');
  const wrapper = document.createElement('div');
  wrapper.id = `xgwrapper-0-${itemId}`;
  article.append(wrapper);
  return article;
}

const itemIdOf = (c: Element) => c.querySelector('[id^="xgwrapper-"]')?.id.split('-')[2] ?? null;
const tick = () => new Promise((r) => setTimeout(r, 0));
let stop: AbortController;
afterEach(() => {
  stop?.abort();
  document.body.replaceChildren();
});

function setUp(mountDelay: () => Promise<void> = async () => {}) {
  let paused = false;
  const reports: boolean[] = [];
  const handles: { itemId: string; removed: boolean }[] = [];
  const deps: OverlayDeps = {
    report: async (_s, appeared) => (reports.push(appeared), { state: 'pending' }),
    learned: () => {},
    save: async () => true,
    click: () => {},
    mount: async (c) => {
      await mountDelay();
      const h = { itemId: itemIdOf(c) ?? '', removed: false };
      handles.push(h);
      return { update: () => {}, isAttached: () => !h.removed, remove: () => void (h.removed = true) } satisfies CardHandle;
    },
    sightingFromCard: () => null,
    isOrganic: () => false,
    whenIdle: (run) => void setTimeout(run, 0),
    allow: () => {},
    itemIdOf,
    shows: () => !paused,
  };
  const overlays = createAdOverlays(deps);
  stop = new AbortController();
  watchFeedCards(document, overlays.hooks, { findCards: (root) => [...root.querySelectorAll('article')], itemIdOf, isOwnNode: () => false, schedule: (run) => void setTimeout(run, 0), signal: stop.signal });
  const live = () => handles.filter((h) => !h.removed).map((h) => h.itemId);
  return { overlays, live, reports, handles, pause: (value: boolean) => ((paused = value), overlays.reconsider()) };
}

describe('overlay pause, live', () => {
  it('removes every card on screen when the site is paused, and draws them again on resume without a new impression', async () => {
    const { overlays, live, reports, pause } = setUp();
    overlays.learn([adSighting('111'), adSighting('222')]);
    document.body.append(card('111'), card('222'));
    await tick();
    await tick();
    expect(live()).toEqual(['111', '222']);
    const appearances = reports.filter(Boolean).length;
    pause(true);
    expect(live()).toEqual([]);
    // A feed card arriving while paused is recorded but not drawn.
    document.body.append(card('111'));
    await tick();
    await tick();
    expect(live()).toEqual([]);
    expect(reports.filter(Boolean).length).toBe(appearances + 1);
    pause(false);
    await tick();
    expect(live().sort()).toEqual(['111', '111', '222']);
    expect(reports.filter(Boolean).length).toBe(appearances + 1);
  });

  it('drops a card whose mount finishes after the pause, and does not mount twice on a resume during a mount', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { overlays, live, handles, pause } = setUp(() => gate);
    overlays.learn([adSighting('111')]);
    document.body.append(card('111'));
    await tick();
    pause(true);
    pause(false);
    pause(true);
    release();
    await tick();
    await tick();
    expect(handles).toHaveLength(1);
    expect(live()).toEqual([]);
    pause(false);
    await tick();
    expect(live()).toEqual(['111']);
  });
});
