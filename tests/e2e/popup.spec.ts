import axe from 'axe-core';
import { expect } from '@playwright/test';
import { expectedAds, type FeedParams } from '../fixtures/world';
import type { FeedTab } from './harness/driver';
import { centreCard, controlCentre } from './harness/page-probes';
import { clickControl, inBothBrowsersWithPages, setControl, textsOf, until, type ExtensionPage, type PageDriver } from './harness/popup-driver';
import { markTime, seedAtScale } from './harness/seed-at-scale';

const HOST = 'demo-store.myshopify.com';
const STRIDE = 624; // the fake feed's card height + gap
const TOTE = 43001122334401; // Classic Canvas Tote, Natural: the first available variant, saved from its ad
const COAT_SMALL = 794864229; // Red Rain Coat, Small
const COAT_MEDIUM = 794864233;

/** Presses the overlay's Save on an ad's card, as a person would, until the item is saved (a click can land while the feed still scrolls). */
async function saveFromCard(driver: PageDriver, tab: FeedTab, itemId: string, savedBefore: number) {
  // The feed renders a window of cards: scroll on until this one is in it.
  await expect
    .poll(async () => (await tab.evaluate(centreCard, itemId)) || (await tab.scroll(STRIDE), false), { timeout: 20_000 })
    .toBe(true);
  await expect
    .poll(
      async () => {
        if ((await driver.rows('saved')).length > savedBefore) return true;
        const at = await tab.evaluate(controlCentre, { itemId, text: 'Save' });
        if (at) await tab.clickAt(at.x, at.y);
        return false;
      },
      { timeout: 30_000, intervals: [500, 1000, 2000] },
    )
    .toBe(true);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  targets: string[];
}

/** axe-core's violations on the page as it is now (and how many rules passed, so an empty list means something). */
async function axeCheck(page: ExtensionPage): Promise<{ violations: AxeViolation[]; passed: number }> {
  await page.runScript(axe.source);
  return page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return {
      violations: results.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, targets: v.nodes.map((n) => String(n.target)) })),
      passed: results.passes.length,
    };
  });
}

async function expectAxeClean(page: ExtensionPage) {
  const { violations, passed } = await axeCheck(page);
  expect(violations).toEqual([]);
  expect(passed).toBeGreaterThan(10);
}

function cartRequest(path: string) {
  const [route, query = ''] = path.split('?');
  const lines = route!.slice('/cart/'.length).split(',').map((l) => l.split(':').map(Number) as [number, number]);
  return { lines: new Map(lines), query: new URLSearchParams(query) };
}

inBothBrowsersWithPages({
  'save from ad cards, edit in the popup, one click to the store checkout with exactly those lines, and the history shows it': async ({ driver, world }) => {
    const params: FeedParams = { seed: 1, count: 8, pageSize: 8, firstPage: 8, adEvery: 2, mix: ['shopify-myshopify'] };
    const ads = expectedAds(params);
    const wanted = new Set(['classic-tote', 'red-rain-coat', 'just-for-1-2']);
    // One ad per product, in feed order: the feed keeps only a window of cards, and we scroll down.
    const toSave = ads.filter((a, i) => wanted.has(a.handle!) && ads.findIndex((b) => b.handle === a.handle) === i);
    expect(toSave).toHaveLength(3);
    const tab = await driver.openFeed(world.feedUrl(params));
    for (const [i, ad] of toSave.entries()) await saveFromCard(driver, tab, ad.itemId, i);
    await expect.poll(async () => (await driver.rows('saved')).length).toBe(3);

    const popup = await driver.openExtensionPage('/popup.html', `section[data-host="${HOST}"] .pc-item`);
    const group = async () => (await popup.evaluate(textsOf, `section[data-host="${HOST}"]`))[0] ?? '';
    await expect.poll(async () => (await popup.evaluate(textsOf, `section[data-host="${HOST}"] .pc-item`)).length).toBe(3);
    const text = await group();
    // The store's name is known only when its /meta.json was read (custom domains); else its host names it.
    const [store] = await popup.evaluate(textsOf, `section[data-host="${HOST}"] h2`);
    expect(['Demo Store', HOST]).toContain(store);
    for (const part of ['Classic Canvas Tote', 'Now $24.00', 'Red Rain Coat', 'Now $129.00', 'Left out of checkout', 'Just for 1-2 ( Fruit and Veg): sold by subscription only'])
      expect(text).toContain(part);

    // Another size of the coat, two totes.
    await until(() => popup.evaluate(setControl, { selector: `li[data-key="${HOST}/red-rain-coat#${COAT_SMALL}"] select`, value: String(COAT_MEDIUM) }), 'the coat variant picker');
    await expect.poll(async () => (await driver.rows('saved')).map((r) => Number(r.variantId)).sort()).toContain(COAT_MEDIUM);
    await until(() => popup.evaluate(setControl, { selector: `li[data-key="${HOST}/classic-tote#${TOTE}"] input[type="number"]`, value: '2' }), 'the tote quantity');
    await expect.poll(async () => (await driver.rows('saved')).find((r) => Number(r.variantId) === TOTE)?.quantity).toBe(2);

    await expectAxeClean(popup);

    await until(() => popup.evaluate(clickControl, { selector: `section[data-host="${HOST}"] button.pc-primary`, text: `^Checkout on ${store!.replace(/\./g, '\\.')}$` }), 'the checkout button');
    let cartPath: string | undefined;
    await expect.poll(() => (cartPath = world.requests.find((r) => r.host === HOST && /^\/cart\/\d/.test(r.path))?.path)).toBeDefined();
    const cart = cartRequest(cartPath!);
    expect(cart.lines).toEqual(new Map([[TOTE, 2], [COAT_MEDIUM, 1]]));
    // The ads' expanded utm tags travel; their click id, unfilled macros and anything of ours never do.
    expect([...cart.query]).toEqual([['utm_source', 'tiktok'], ['utm_medium', 'paid']]);
    await expect.poll(async () => (await popup.evaluate(textsOf, '[role="status"]')).join(' ')).toContain('Checkout opened in a new tab');
    // The items stay saved until the shopper removes them.
    expect((await driver.rows('saved')).length).toBe(3);

    await until(() => popup.evaluate(clickControl, { selector: '[role="tab"]', text: '^History$' }), 'the History tab');
    await expect.poll(async () => (await popup.evaluate(textsOf, '.pc-click')).filter((t) => /Went to checkout|Saved/.test(t)).length).toBe(4);
    const clicks = await popup.evaluate(textsOf, '.pc-click');
    expect(clicks[0]).toContain('Went to checkout');
    await expectAxeClean(popup);
    await popup.close();
  },
});

inBothBrowsersWithPages({
  'at scale: 1,000 saved items and 100,000 clicks (times printed, not asserted)': async ({ driver }) => {
    const first = await driver.openExtensionPage('/popup.html', '.pc-empty');
    const seedMs = await first.evaluate(seedAtScale);
    await first.close();
    const popup = await driver.openExtensionPage('/popup.html', '.pc-item');
    let saved: number | null = null;
    await expect.poll(async () => (saved = await popup.evaluate(markTime, 'scrollcart:saved-ready'))).not.toBeNull();
    expect(await popup.evaluate(() => document.querySelectorAll('.pc-item').length)).toBe(20);
    const loaded = await popup.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    const clickedAt = await popup.evaluate(() => {
      const at = performance.now();
      [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((e) => e.textContent?.trim() === 'History')?.click();
      return at;
    });
    let history: number | null = null;
    await expect.poll(async () => ((history = await popup.evaluate(markTime, 'scrollcart:history-ready')) ?? 0) > clickedAt).toBe(true);
    expect(await popup.evaluate(() => document.querySelectorAll('.pc-click').length)).toBe(50);
    console.log(
      `${driver.browser}: seeded in ${seedMs} ms; popup opened to 1,000 saved items on screen (first 20 drawn) in ${Math.round(saved!)} ms from navigation ` +
        `(${Math.round(saved! - loaded)} ms after its script loaded); ` +
        `History tab over 100,000 clicks on screen ${Math.round(history! - clickedAt)} ms after the click`,
    );
    await popup.close();
  },
});
