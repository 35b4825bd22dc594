/**
 * The popup at scale (issue 8 § 6) in the built extension: 1,000 saved items and 100,000
 * clicks written into ScrollCart's own IndexedDB in Chromium, then the popup opened several
 * times (medians reported). "First meaningful paint" is the popup's `scrollcart:saved-ready`
 * mark, set in an effect once the first saved items of the first page are drawn (the first
 * FIRST_DRAW of its 20, what a popup shows; the rest are drawn in that same task, SavedTab.tsx);
 * Preact runs effects after the frame that shows them, so the mark is no earlier than the paint. The popup is
 * opened as a tab: the toolbar popup can't be opened by automation, and it is the same page.
 */
import type { BrowserContext } from '@playwright/test';
import { launchChromium } from '../e2e/harness/chromium';
import { QUIET_PAGE } from '../e2e/harness/driver-parts';
import { markTime, seedAtScale } from '../e2e/harness/seed-at-scale';
import { controlWorker } from '../e2e/harness/worker-control';
import { figure, median, type Figure } from './figures';

const OPENS = 15;
/** Opens with the worker stopped first: the browser stops an idle worker after 30 s, so this is a person's usual first open of a while. */
const ASLEEP_OPENS = 5;

/** Opens the popup in a tab; ms from navigation start to its first saved items painted. */
async function openPopup(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('scrollcart:saved-ready').length > 0);
  // Since navigation start: loading the page, its script, the message round trip and the draw.
  return { page, paint: (await page.evaluate(markTime, 'scrollcart:saved-ready'))! };
}

export async function popupAtScale(): Promise<Figure[]> {
  // No world: the popup reads only the database, and the worker stays local.
  const session = await launchChromium({ world: null });
  try {
    const origin = `chrome-extension://${session.extensionId}`;
    const url = `${origin}/popup.html`;
    const first = await session.context.newPage();
    await first.goto(url);
    // The empty list means the background has created the database the seed writes into.
    await first.waitForSelector('.pc-empty', { state: 'attached' });
    await first.evaluate(seedAtScale);
    await first.close();

    const paint: number[] = [];
    const history: number[] = [];
    for (let i = 0; i < OPENS; i += 1) {
      const { page, paint: ms } = await openPopup(session.context, url);
      paint.push(ms);
      // The mark follows the first items' paint; the rest of the page is drawn in the same task.
      const items = await page.evaluate(() => document.querySelectorAll('.pc-item').length);
      if (items !== 20) throw new Error(`Saved tab drew ${items} items by its first paint's task, expected its first page of 20`);
      const clickedAt = await page.evaluate(() => {
        const at = performance.now();
        [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((e) => e.id === 'tab-history')?.click();
        return at;
      });
      await page.waitForFunction((after) => (performance.getEntriesByName('scrollcart:history-ready').at(-1)?.startTime ?? 0) > after, clickedAt);
      const rows = await page.evaluate(() => document.querySelectorAll('.pc-click').length);
      if (rows !== 50) throw new Error(`History tab drew ${rows} rows, expected its first page of 50`);
      history.push((await page.evaluate(markTime, 'scrollcart:history-ready'))! - clickedAt);
      await page.close();
    }
    console.log(`popup opens → first saved items painted, in order (ms): ${paint.map((ms) => ms.toFixed(0)).join(' ')}`);

    const quiet = await session.context.newPage();
    await quiet.goto(`${origin}${QUIET_PAGE}`);
    const worker = await controlWorker(await session.context.newCDPSession(quiet), origin);
    const asleep: number[] = [];
    for (let i = 0; i < ASLEEP_OPENS; i += 1) {
      await worker.stop();
      const { page, paint: ms } = await openPopup(session.context, url);
      asleep.push(ms);
      await page.close();
    }
    console.log(`popup opens with the worker stopped first, in order (ms): ${asleep.map((ms) => ms.toFixed(0)).join(' ')}`);
    return [
      figure(`popup open → first saved items painted, 1,000 saved (median of ${OPENS})`, median(paint), 'ms', { max: 100 }),
      figure('popup open → first saved items painted, the first open after seeding (cold caches)', paint[0]!, 'ms', { max: 100 }),
      figure(`popup open → first saved items painted, the worker stopped first (median of ${ASLEEP_OPENS})`, median(asleep), 'ms', { max: 100 }),
      figure(`popup History tab → rendered, 100,000 clicks (median of ${OPENS})`, median(history), 'ms', { max: 100 }),
    ];
  } finally {
    await session.close();
  }
}
