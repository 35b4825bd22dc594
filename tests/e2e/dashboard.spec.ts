/**
 * The merchant dashboard (issue 6) on the fake feed, in Chromium and Firefox ESR: the audit
 * store's ads land on a 404, a sold-out variant, a product whose caption states the wrong
 * price, a link with misspelt TikTok macros, a collection, and one flawless product page.
 * The dashboard must show each failing check with its reason, its CSV must say what its
 * table says, and a snapshot taken through the message path must be stored and shown.
 */
import { expect } from '@playwright/test';
import { parseCsv } from '../../utils/export/csv';
import { expectedAds, type FeedParams } from '../fixtures/world';
import type { ExtensionPage } from './harness/driver';
import { inBothBrowsers } from './harness/suite';

const HOST = 'audit-outfitters.myshopify.com';
const STRIDE = 624; // the fake feed's card height + gap
const PARAMS: FeedParams = {
  seed: 6,
  count: 12,
  pageSize: 12,
  firstPage: 12,
  adEvery: 2,
  mix: ['audit-ok', 'audit-404', 'audit-sold-out', 'audit-wrong-price', 'audit-utm-typo', 'audit-collection'],
};

// Self-contained page functions (no imports, no closures), run in the dashboard's window.

interface TableRow {
  itemId: string;
  impressions: string;
  checks: { id: string; verdict: string; reason: string }[];
  snapshot: string | null;
}

function readTableRows(host: string): TableRow[] {
  const section = document.querySelector(`section[data-store="${host}"]`);
  return [...(section?.querySelectorAll('[data-testid="ads-table"] tbody tr') ?? [])].map((tr) => ({
    itemId: tr.getAttribute('data-item-id') ?? '',
    impressions: tr.querySelector('[data-field="impressions"]')?.textContent ?? '',
    checks: [...tr.querySelectorAll('[data-check-id]')].map((li) => ({
      id: li.getAttribute('data-check-id') ?? '',
      verdict: li.getAttribute('data-verdict') ?? '',
      reason: li.querySelector('.dash-reason')?.textContent ?? '',
    })),
    snapshot: tr.querySelector<HTMLImageElement>('[data-testid="snapshot-img"]')?.src.slice(0, 23) ?? null,
  }));
}

function clickButton(arg: { within: string; text: string }): boolean {
  const button = [...document.querySelectorAll<HTMLButtonElement>(`${arg.within} button`)].find((b) => b.textContent?.includes(arg.text));
  button?.focus();
  button?.click();
  return !!button;
}

function textOf(selector: string): string {
  return document.querySelector(selector)?.textContent ?? '';
}

function sendMessage(message: { type: string; data: unknown }): Promise<unknown> {
  type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
  const scope = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
  return (scope.browser ?? scope.chrome).runtime.sendMessage(message);
}

async function csvOf(dashboard: ExtensionPage): Promise<string[][]> {
  const reply = (await dashboard.evaluate(sendMessage, { type: 'dashboard/export-store', data: { host: HOST, format: 'csv' } })) as { ok: boolean; data: { text: string } };
  expect(reply.ok).toBe(true);
  return parseCsv(reply.data.text);
}

inBothBrowsers({
  "the dashboard shows each failing landing check with its reason, the CSV matches the table, and a snapshot is captured and shown": async ({ driver, world }) => {
    const ads = expectedAds(PARAMS);
    const idOf = (kind: string) => ads.find((a) => a.kind === kind)!.itemId;
    expect(ads.map((a) => a.kind).sort()).toEqual([...PARAMS.mix!].sort());

    // A merchant scrolls the feed past each of their ads.
    const tab = await driver.openFeed(world.feedUrl(PARAMS));
    for (let step = 0; step < PARAMS.count!; step += 1) {
      await tab.scroll(STRIDE);
      await new Promise((r) => setTimeout(r, 100));
    }
    await expect.poll(async () => (await driver.rows('sightings')).filter((s) => Number(s.impressions) > 0).length, { timeout: 20_000 }).toBe(6);
    // Every product looked up, the deleted one answering 404.
    await expect
      .poll(async () => (await driver.rows('products')).map((p) => `${String(p.handle)}:${String(p.status)}`).sort(), { timeout: 20_000 })
      .toEqual(['canvas-sneaker:ok', 'linen-shirt:ok', 'trail-lantern:not-found', 'wool-socks:ok']);

    // They open the dashboard (in its own window: the TikTok tab stays on screen) and pick their store among those seen in ads.
    const dashboard = await driver.openExtensionPage('/dashboard.html', '[data-testid="seen-hosts"]', { window: true });
    expect(await dashboard.evaluate(clickButton, { within: '[data-testid="seen-hosts"]', text: HOST })).toBe(true);
    await expect.poll(async () => (await dashboard.evaluate(readTableRows, HOST)).length).toBe(6);
    const rows = await dashboard.evaluate(readTableRows, HOST);
    const row = (kind: string) => rows.find((r) => r.itemId === idOf(kind))!;
    const check = (kind: string, id: string) => row(kind).checks.find((c) => c.id === id)!;

    expect(row('audit-ok').checks.map((c) => c.verdict)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(check('audit-ok', 'caption_price').reason).toContain('12.99 $'); // Arabic-Indic digits in the caption, read
    expect(check('audit-404', 'product_page')).toMatchObject({ verdict: 'fail', reason: expect.stringContaining('404 Not Found') });
    expect(check('audit-404', 'product_page').reason).toContain('trail-lantern');
    expect(check('audit-sold-out', 'variant_in_stock')).toMatchObject({ verdict: 'fail', reason: 'The advertised variant “White / 9” is sold out.' });
    expect(check('audit-wrong-price', 'caption_price')).toMatchObject({ verdict: 'fail', reason: 'The caption says $39.99, but the store charges $48.00.' });
    expect(check('audit-utm-typo', 'utm_tags')).toMatchObject({ verdict: 'fail', reason: expect.stringContaining('__CAMPAIGN_NAME_, _CID_NAME__') });
    expect(check('audit-utm-typo', 'utm_tags').reason).toContain('__CAMPAIGN_NAME__, __CID_NAME__');
    expect(check('audit-collection', 'product_page')).toMatchObject({ verdict: 'fail', reason: 'The ad lands on a collection page, not on a product page.' });
    expect(check('audit-collection', 'click_id').verdict).toBe('warn');
    // Only those fail.
    const failing = rows.flatMap((r) => r.checks.filter((c) => c.verdict === 'fail').map((c) => `${ads.find((a) => a.itemId === r.itemId)!.kind}/${c.id}`));
    expect(failing.sort()).toEqual(['audit-404/product_page', 'audit-collection/product_page', 'audit-sold-out/variant_in_stock', 'audit-utm-typo/utm_tags', 'audit-wrong-price/caption_price']);
    expect(await dashboard.evaluate(textOf, `section[data-store="${HOST}"] [data-count="failing"]`)).toBe('5');
    expect(await dashboard.evaluate(textOf, `section[data-store="${HOST}"] [data-count="ads"]`)).toBe('6');

    // The CSV says what the table says: the same ads in the same order, each check's verdict and reason.
    const [header, ...csv] = await csvOf(dashboard);
    const col = (name: string) => header!.indexOf(name);
    expect(csv.map((r) => r[col('item_id')])).toEqual(rows.map((r) => r.itemId));
    for (const [i, tableRow] of rows.entries()) {
      expect(csv[i]![col('impressions')]).toBe(tableRow.impressions);
      for (const c of tableRow.checks) {
        expect(csv[i]![col(c.id)], `${tableRow.itemId} ${c.id}`).toBe(c.verdict);
        expect(csv[i]![col(`${c.id}_reason`)]).toBe(c.reason);
      }
    }
    // The button saves the same file.
    expect(await dashboard.evaluate(clickButton, { within: `section[data-store="${HOST}"] .dash-toolbar`, text: 'Export CSV' })).toBe(true);
    await expect.poll(() => dashboard.evaluate(textOf, `section[data-store="${HOST}"] [data-testid="store-status"]`)).toMatch(/^Saved scrollcart-audit-audit-outfitters\.myshopify\.com-\d{4}-\d\d-\d\d\.csv$/);

    // Snapshot: refused until ScrollCart is used on the TikTok tab, as the browser's activeTab rule says, and the page says so.
    const okRow = `section[data-store="${HOST}"] tr[data-item-id="${idOf('audit-ok')}"]`;
    const status = () => dashboard.evaluate(textOf, `section[data-store="${HOST}"] [data-testid="store-status"]`);
    expect(await dashboard.evaluate(clickButton, { within: okRow, text: 'Snapshot now' })).toBe(true);
    await expect.poll(status).toContain('Alt+Shift+S');
    expect(await driver.rows('snapshots')).toEqual([]);
    // After a click on the toolbar button on the TikTok tab, the dashboard's button (the message path) captures it.
    await driver.clickToolbarButton();
    expect(await dashboard.evaluate(clickButton, { within: okRow, text: 'Snapshot now' })).toBe(true);
    await expect.poll(status).toMatch(/^Snapshot saved \(\d+ kB\)\.$/);
    const [snapshot] = await driver.rows('snapshots');
    expect(snapshot).toMatchObject({ sightingItemId: idOf('audit-ok') });
    expect(Number(snapshot!.bytes)).toBeGreaterThan(1000);
    await expect.poll(async () => (await dashboard.evaluate(readTableRows, HOST)).find((r) => r.itemId === idOf('audit-ok'))?.snapshot).toBe('data:image/jpeg;base64,');

    // Detection diagnostics: the feed's counters, as the content script reported them (every few seconds).
    const diagnosticsCount = async (key: string) => {
      expect(await dashboard.evaluate(clickButton, { within: '[data-testid="diagnostics"]', text: 'Refresh diagnostics' })).toBe(true);
      return dashboard.evaluate(textOf, `[data-testid="diagnostics"] tr[data-counter="${key}"] [data-field="count"]`);
    };
    await expect.poll(() => diagnosticsCount('ads'), { timeout: 20_000 }).toBe('6');
    expect(await diagnosticsCount('responses:ssr:universal')).toBe('1');
    expect(await dashboard.evaluate(textOf, '[data-testid="diag-missed-empty"]')).toContain('ScrollCart missed this ad');

    // The keyboard command snapshots the ad that appeared last, where automation can fire it (Firefox).
    if (await driver.pressSnapshotShortcut()) await expect.poll(async () => (await driver.rows('snapshots')).length).toBe(2);

    if (process.env.DASHBOARD_SCREENSHOT && driver.browser === 'chromium') await dashboard.screenshot(process.env.DASHBOARD_SCREENSHOT);
  },
});
