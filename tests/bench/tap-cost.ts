/**
 * What the main-world tap adds to a feed API response reaching the page (issue 8 § 4), timed
 * in the page from `fetch()` to the JSON being available. In one page with ScrollCart, feed
 * fetches through the page's `window.fetch` (tapped) alternate with the same fetches through
 * a blank frame's `fetch`, which the tap never wraps (its manifest entry doesn't match
 * about:blank): same process, same moment, same load, so the machine's noise falls on both.
 * Per run: p95 tapped − p95 plain; the figure is the median over runs. The old figure (p95 of
 * 3 × 40 fetches in one browser minus 3 × 40 in another) swung 0.9–12.9 ms under load.
 */
import type { World } from '../fixtures/world';
import { launchChromium } from '../e2e/harness/chromium';
import { figure, median, percentile, type Figure } from './figures';

interface Times {
  tapped: number[];
  plain: number[];
  tapInPlace: boolean;
}

/** Runs in the page. No named inner functions: tsx would wrap them in a helper the page doesn't have. */
async function timeFeedResponses(pairs: number): Promise<Times> {
  const frame = document.createElement('iframe');
  frame.hidden = true;
  document.body.append(frame);
  const plainFetch = (frame.contentWindow as Window & typeof globalThis).fetch;
  const tappedFetch = window.fetch;
  const [tappedSource, plainSource] = [tappedFetch, plainFetch].map((f) => Function.prototype.toString.call(f));
  const times: Times = { tapped: [], plain: [], tapInPlace: !tappedSource!.includes('[native code]') && plainSource!.includes('[native code]') };
  for (let i = 0; i < pairs * 2; i += 1) {
    // Alternate which goes first in each pair, so neither always follows the other's leftovers.
    const tapped = (i + Math.floor(i / 2)) % 2 === 0;
    const url = `${location.origin}/api/recommend/item_list/?aid=1988&count=30&cursor=${i * 30}&seed=9&total=100000&adEvery=8`;
    const start = performance.now();
    const response = await (tapped ? tappedFetch : plainFetch).call(null, url, { credentials: 'include' });
    await response.json();
    (tapped ? times.tapped : times.plain).push(performance.now() - start);
    // Let the tap's idle-time parse and the content script's forwarding finish between responses:
    // their cost is counted in the feed script time, not here.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 100 }));
  }
  frame.remove();
  return times;
}

export async function tapCost(world: World, runs = 5, pairs = 300): Promise<Figure[]> {
  const added: number[] = [];
  const medianAdded: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const session = await launchChromium({ world });
    try {
      const page = await session.context.newPage();
      await page.goto(world.feedUrl({ seed: 9, count: 60, pageSize: 30, adEvery: 8 }));
      await page.locator('[data-e2e="recommend-list-item-container"]').first().waitFor();
      await page.waitForTimeout(500); // the page's own first requests settle
      const times = await page.evaluate(timeFeedResponses, pairs);
      if (!times.tapInPlace) throw new Error('tap cost: window.fetch is not wrapped by the tap, or the frame fetch is');
      added.push(percentile(times.tapped, 95) - percentile(times.plain, 95));
      medianAdded.push(median(times.tapped) - median(times.plain));
    } finally {
      await session.close();
    }
  }
  console.log(`tap: p95 added per run ${added.map((ms) => ms.toFixed(2)).join(', ')} ms; median added ${medianAdded.map((ms) => ms.toFixed(2)).join(', ')} ms`);
  return [
    figure(`feed API response to page, p95 added by the tap (median of ${runs} runs × ${pairs} pairs)`, median(added), 'ms', { max: 1 }),
    figure('feed API response to page, median added by the tap', median(medianAdded), 'ms', { max: 1 }),
  ];
}
