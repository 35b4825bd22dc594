import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings as readInPage, watchSettings as watchInPage } from '@/utils/feed/settings-watch';
import { DEFAULT_SETTINGS, readSettings, updateSettings } from '@/utils/settings';

beforeEach(() => fakeBrowser.reset());

const overlayPart = ({ pausedSites, showNonShopChips }: typeof DEFAULT_SETTINGS) => ({ pausedSites, showNonShopChips });

describe("the content script's settings, read without WXT's storage wrapper or zod", () => {
  it('reads what the extension pages wrote, and the defaults when nothing was', async () => {
    expect(await readInPage()).toEqual(overlayPart(DEFAULT_SETTINGS));
    await updateSettings({ pausedSites: ['www.tiktok.com'], showNonShopChips: false });
    expect(await readInPage()).toEqual(overlayPart(await readSettings()));
    expect(await readInPage()).toEqual({ pausedSites: ['www.tiktok.com'], showNonShopChips: false });
  });

  it('hears each change, field by field validated, until unwatched', async () => {
    const seen: string[][] = [];
    const unwatch = watchInPage((settings) => seen.push(settings.pausedSites));
    await updateSettings({ pausedSites: ['www.tiktok.com'] });
    await fakeBrowser.storage.local.set({ settings: { pausedSites: 'not a list' } });
    unwatch();
    await updateSettings({ pausedSites: [] });
    expect(seen).toEqual([['www.tiktok.com'], []]);
  });
});
