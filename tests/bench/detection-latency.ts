/**
 * Feed item inserted → ScrollCart's card attached (issue 8 § 2). Measured from the page's
 * side, with no help from the extension: the fake feed marks each fill, and an observer
 * installed before the page's own scripts sees our card's host element arrive.
 */
import type { World } from '../fixtures/world';
import { launchChromium } from '../e2e/harness/chromium';
import { figure, percentile, type Figure } from './figures';
import { scrollFeed } from './scroll';

function installProbe() {
  const latencies: number[] = [];
  (window as unknown as { __scLatency: number[] }).__scLatency = latencies;
  // No named inner functions: tsx would wrap them in a helper the page doesn't have.
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records)
      for (const node of record.addedNodes) {
        if (node.nodeName !== 'SCROLLCART-CARD') continue;
        const wrapper = (node as Element).closest('[id^="xgwrapper-"]');
        const itemId = wrapper?.id.split('-')[2] ?? '';
        // Read the marks synchronously: a PerformanceObserver would deliver them a task too late.
        const at = performance
          .getEntriesByName('scrollcart-fixture:item-filled')
          .findLast((entry) => ((entry as PerformanceMark).detail as { itemId?: string } | null)?.itemId === itemId)?.startTime;
        if (at !== undefined) latencies.push(now - at);
      }
  }).observe(document, { childList: true, subtree: true });
}

export async function detectionLatency(world: World, items = 400): Promise<Figure[]> {
  const session = await launchChromium({ world });
  try {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.addInitScript(installProbe);
    // A few items past the last scrolled one: the window can't scroll the last card to its top.
    await page.goto(world.feedUrl({ seed: 42, count: items + 8, pageSize: 16, adEvery: 8 }));
    await page.locator('[data-e2e="recommend-list-item-container"]').first().waitFor();
    // A fixed pace: one card every 150 ms, like a brisk thumb.
    await page.evaluate(scrollFeed, { items, paceMs: 150 });
    const latencies = await page.evaluate(() => (window as unknown as { __scLatency: number[] }).__scLatency);
    if (process.env.BENCH_VERBOSE) console.log(`latencies (ms): ${latencies.map((ms) => ms.toFixed(1)).join(" ")}`);
    return [
      figure('detection latency p50 (fill → card attached)', percentile(latencies, 50), 'ms', { max: 16 }),
      figure('detection latency p95', percentile(latencies, 95), 'ms', { max: 16 }),
      figure('detection latency max', Math.max(...latencies), 'ms', { max: 100 }),
      figure('cards attached during the scroll', latencies.length, 'cards', { min: items / 8 - 2 }),
    ];
  } finally {
    await session.close();
  }
}
