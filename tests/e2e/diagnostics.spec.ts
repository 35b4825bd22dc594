/**
 * Diagnostics in both browsers: counters reach storage, and the context menu's "ScrollCart
 * missed this ad" stores the right-clicked card's non-personal shape; the dashboard then
 * shows both, keyboard-usable and axe-clean, and exports them. In Firefox the entry is
 * chosen from the browser's own context menu; Chromium's native menu can't be driven, so
 * there the service worker injects the script the entry's click handler injects (see
 * Driver.chooseContextMenuEntry).
 */
import { expect } from '@playwright/test';
import axe from 'axe-core';
import { MISSED_AD_SCRIPT } from '../../utils/feed/missed-ad';
import { CHANGED_FEED_API } from '../fixtures/world';
import type { Driver, ExtensionPage } from './harness/driver';
import { textsOf } from './harness/extension-scripts';
import { inBothBrowsers, until } from './harness/suite';

/** utils/missed-ad-menu.ts's entry, and the script its click injects into the feed tab (utils/feed/missed-ad.ts). */
const MISSED_AD_ENTRY = { menuItemId: 'scrollcart-missed-ad', injects: MISSED_AD_SCRIPT };
const CARD = '[data-e2e="recommend-list-item-container"]';

type Counters = Record<string, number>;
type MissedReport = { page: string; shape: { hooks: string[] } };

/**
 * Where a person would right-click on the first organic card (one the page does not label as an
 * ad), brought into view first: a point of the card itself, not of the page's header over it.
 */
function organicCardPoint(card: string): { x: number; y: number } | null {
  const organic = [...document.querySelectorAll(card)].find((c) => !c.querySelector('[data-e2e="ad-tag"]'));
  organic?.scrollIntoView({ block: 'center' });
  const rect = organic?.getBoundingClientRect();
  if (!organic || !rect || rect.width === 0) return null;
  const at = { x: rect.x + 40, y: (Math.max(rect.top, 0) + Math.min(rect.bottom, innerHeight)) / 2 };
  return document.elementFromPoint(at.x, at.y)?.closest(card) === organic ? at : null;
}

/** Focuses the first element matching `selector` whose trimmed text is `text` (any text when omitted); false if none yet. */
function focusOn(arg: { selector: string; text?: string }): boolean {
  const el = [...document.querySelectorAll<HTMLElement>(arg.selector)].find((e) => arg.text === undefined || e.textContent?.trim() === arg.text);
  el?.focus();
  return !!el && document.activeElement === el;
}

inBothBrowsers({
  'feed counters reach the background, and a missed ad can be reported from the context menu': async ({ driver, world }) => {
    const stored = (key: string) => driver.readStorage(key);
    // A changed feed API: the tap sees no responses, the DOM detector finds the ads.
    const tab = await driver.openFeed(world.feedUrl({ seed: 3, count: 12, pageSize: 6, firstPage: 6, adEvery: 3, endpoint: CHANGED_FEED_API }));
    await expect.poll(() => tab.evaluate((card) => document.querySelectorAll(card).length, CARD)).toBeGreaterThan(0);

    // The person right-clicks an organic card ScrollCart did not mark, and picks the menu entry.
    let at: { x: number; y: number } | null = null;
    await until(async () => (at = await tab.evaluate(organicCardPoint, CARD)) !== null, 'an organic card on screen');
    await driver.chooseContextMenuEntry(at!, MISSED_AD_ENTRY);
    await expect.poll(async () => ((await stored('missedAds')) as unknown[] | undefined)?.length ?? 0).toBe(1);
    const [report] = (await stored('missedAds')) as MissedReport[];
    expect(report!.page).toBe('/foryou');
    expect(report!.shape.hooks).toContain('video-desc');
    expect(JSON.stringify(report)).not.toMatch(/fixture-cdn|@[a-z]/); // no URLs, no user names

    // Scroll past the server-rendered first page into items only the DOM detector can see.
    for (let i = 0; i < 6; i += 1) await tab.scroll(1200);
    // The content script reports its counter deltas every few seconds.
    await expect
      .poll(async () => ((await stored('diagnostics')) as Counters | undefined)?.['overlay:domFallbacks'] ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(0);
    const counters = (await stored('diagnostics')) as Counters;
    expect(counters['overlay:domFallbacks']).toBeGreaterThan(0);
    expect(counters['responses:ssr:universal']).toBe(1);
    expect(counters['adsBySource:ssr']).toBe(2);
    expect(Object.keys(counters).some((k) => k.startsWith('responses:/api/recommend'))).toBe(false);
    // The ads past the first page were found by the DOM detector, and counted by source.
    await expect.poll(async () => ((await stored('diagnostics')) as Counters)['adsBySource:dom'] ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);

    // The dashboard shows what was stored.
    const dashboard = await driver.openExtensionPage('/dashboard.html', '[data-testid="diagnostics"]');
    const section = '[data-testid="diagnostics"]';
    const shownCount = async (key: string) => {
      let text: string | undefined;
      await expect.poll(async () => (text = (await dashboard.evaluate(textsOf, `${section} tr[data-counter="${key}"] [data-field="count"]`))[0]), { timeout: 20_000 }).toBeDefined();
      return text!;
    };
    const latest = (await stored('diagnostics')) as Counters;
    expect(await shownCount('adsBySource:ssr')).toBe('2');
    expect(Number(await shownCount('adsBySource:dom'))).toBeGreaterThanOrEqual(1);
    expect(Number(await shownCount('overlay:domFallbacks'))).toBeGreaterThanOrEqual(1);
    expect(await dashboard.evaluate(textsOf, `${section} tr[data-counter="responses:ssr:universal"] td`)).toEqual(['Feed responses read', 'ssr:universal', '1']);
    const missed = `${section} [data-testid="diag-missed"] > li`;
    await expect.poll(async () => (await dashboard.evaluate(textsOf, missed)).length).toBe(1);
    expect((await dashboard.evaluate(textsOf, missed))[0]).toContain('on For You');
    expect(await dashboard.evaluate(textsOf, `${missed} [data-testid="diag-missed-hooks"] li`)).toContain('video-desc');

    // Keyboard: the shape opens from its summary, and its scrolling box takes focus next.
    await until(() => dashboard.evaluate(focusOn, { selector: `${missed} summary` }), 'the shape summary');
    await dashboard.press('Enter');
    await expect.poll(() => dashboard.evaluate((sel) => document.querySelector<HTMLDetailsElement>(sel)?.open ?? null, `${missed} details`)).toBe(true);
    await dashboard.press('Tab');
    await expect.poll(() => dashboard.evaluate((sel) => document.activeElement === document.querySelector(sel), `${missed} pre`)).toBe(true);
    const [shape] = await dashboard.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent ?? ''), `${missed} pre`);
    expect(JSON.parse(shape ?? '')).toMatchObject({ e2e: 'recommend-list-item-container' });
    // New counters arrive every few seconds; Refresh shows them.
    await until(() => dashboard.evaluate(focusOn, { selector: `${section} button`, text: 'Refresh diagnostics' }), 'the Refresh button');
    await dashboard.press('Enter');
    await expect.poll(() => shownCount('ads').then(Number)).toBeGreaterThanOrEqual(latest.ads ?? 0);

    expect(await axeViolations(dashboard)).toEqual([]); // diagnostics section only (see axeViolations)

    // Export everything carries them, for a bug report.
    const backup = await exportAll(driver);
    expect(backup.diagnostics.counters['adsBySource:ssr']).toBe(2);
    expect(backup.diagnostics.missed).toMatchObject([{ page: '/foryou', shape: { hooks: expect.arrayContaining(['video-desc']) } }]);
  },
});

/** The dashboard's "Export everything" file, asked for from one of our pages as the dashboard does. */
async function exportAll(driver: Driver) {
  const reply = (await driver.sendFromPage('dashboard/export-all', { snapshots: false })) as { ok: boolean; data: { text: string } };
  expect(reply.ok).toBe(true);
  return JSON.parse(reply.data.text) as { diagnostics: { counters: Counters; missed: MissedReport[] } };
}

/**
 * axe-core's violations in the diagnostics section (run through the automation protocol, since
 * the page's CSP forbids injected script tags). Only that section: the store picker's buttons
 * answer to `label-content-name-mismatch`, which belongs to the dashboard's own issue.
 */
async function axeViolations(page: ExtensionPage) {
  await page.runScript(axe.source);
  const { violations, passes } = await page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run({ include: [['[data-testid="diagnostics"]']] } as never);
    return { violations: results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => String(n.target)) })), passes: results.passes.length };
  });
  expect(passes).toBeGreaterThan(10);
  return violations;
}
