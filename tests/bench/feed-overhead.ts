/**
 * ScrollCart's cost as a guest in the feed (issue 8 § 1, 3, 4): the same scroll of a long
 * fake feed in Chromium with and without the extension, interleaved, reported as medians
 * and ratios. CDP's Performance metrics give main-thread script time, heap and DOM nodes
 * (after a forced GC); a long-task observer installed before the page's scripts counts
 * tasks over 50 ms.
 */
import type { World } from '../fixtures/world';
import { launchChromium } from '../e2e/harness/chromium';
import { figure, median, percentile, type Figure } from './figures';

interface Run {
  scriptMs: number;
  longTasks: number;
  heapMb: number;
  nodes: number;
  fetchMs: number[];
}

function watchLongTasks() {
  const tasks: number[] = [];
  (window as unknown as { __scLongTasks: number[] }).__scLongTasks = tasks;
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
}

/** Feed API responses reaching the page: the tap's cost sits between fetch() and the JSON. */
async function timeFeedFetches(count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    const response = await fetch(`/api/recommend/item_list/?count=8&cursor=${i * 8}&seed=9&total=4000&adEvery=8`);
    await response.json();
    times.push(performance.now() - start);
  }
  return times;
}

export async function oneRun(world: World, withExtension: boolean, items: number, perCardMs: number): Promise<Run> {
  const session = await launchChromium({ world, withExtension });
  try {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.addInitScript(watchLongTasks);
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(world.feedUrl({ seed: 8, count: items, pageSize: 30, adEvery: 8 }));
    await page.locator('[data-e2e="recommend-list-item-container"]').first().waitFor();
    const metric = async (name: string) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;
    const scriptBefore = await metric('ScriptDuration');
    for (let i = 0; i < items; i += 1) {
      await page.mouse.wheel(0, 624);
      await page.waitForTimeout(perCardMs);
    }
    const scriptMs = ((await metric('ScriptDuration')) - scriptBefore) * 1000;
    const fetchMs = await page.evaluate(timeFeedFetches, 40);
    await cdp.send('HeapProfiler.collectGarbage');
    return {
      scriptMs,
      longTasks: (await page.evaluate(() => (window as unknown as { __scLongTasks: number[] }).__scLongTasks)).length,
      heapMb: (await metric('JSHeapUsedSize')) / 2 ** 20,
      nodes: await metric('Nodes'),
      fetchMs,
    };
  } finally {
    await session.close();
  }
}

export async function feedOverhead(world: World, items = 2000, reps = 3, perCardMs = 15): Promise<Figure[]> {
  const runs = { with: [] as Run[], without: [] as Run[] };
  for (let rep = 0; rep < reps; rep += 1) {
    // Alternate which goes first, so warm caches and CPU boost favour neither.
    const order = rep % 2 === 0 ? [false, true] : [true, false];
    for (const withExtension of order) runs[withExtension ? 'with' : 'without'].push(await oneRun(world, withExtension, items, perCardMs));
  }
  const m = (side: Run[], pick: (r: Run) => number) => median(side.map(pick));
  const script = { with: m(runs.with, (r) => r.scriptMs), without: m(runs.without, (r) => r.scriptMs) };
  const fetchP95 = (side: Run[]) => percentile(side.flatMap((r) => r.fetchMs), 95);
  return [
    figure(`feed script time, ${items} items: with ÷ without (medians of ${reps})`, script.with / script.without, '×', { max: 1.03 }),
    figure('feed script time added by ScrollCart', ((script.with - script.without) / script.without) * 100, '%', { max: 3 }),
    figure('long tasks added by ScrollCart (median)', m(runs.with, (r) => r.longTasks) - m(runs.without, (r) => r.longTasks), 'tasks', { max: 0 }),
    figure('JS heap added after the scroll, after GC', m(runs.with, (r) => r.heapMb) - m(runs.without, (r) => r.heapMb), 'MB', { max: 5 }),
    figure('DOM nodes added after the scroll, after GC', m(runs.with, (r) => r.nodes) - m(runs.without, (r) => r.nodes), 'nodes', { max: 1000 }),
    figure('feed API response to page, p95 added by the tap', fetchP95(runs.with) - fetchP95(runs.without), 'ms', { max: 1 }),
  ];
}
