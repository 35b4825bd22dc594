/** What a person does on the feed, made robust to a busy machine. */
import { expect } from '@playwright/test';
import type { Driver, FeedTab } from './driver';
import { controlCentre } from './page-probes';

/**
 * Presses an ad card's Save with a real click until `saved` rows exist: under load the card can
 * still be re-rendering when a click lands (seen in Firefox), and saving is idempotent.
 */
export async function pressSaveUntilSaved(driver: Driver, tab: FeedTab, itemId: string, saved = 1): Promise<void> {
  await expect
    .poll(
      async () => {
        const before = (await driver.rows('saved')).length;
        if (before >= saved) return before;
        const at = await tab.evaluate(controlCentre, { itemId, text: 'Save' });
        if (at) await tab.clickAt(at.x, at.y);
        return (await driver.rows('saved')).length;
      },
      { timeout: 30_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBe(saved);
}
