import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, parseSettings, readSettings, updateSettings, watchSettings } from '@/utils/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('start from the defaults and keep valid changes', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    await updateSettings({ forwardUtm: false, historyRetentionDays: 30 });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, forwardUtm: false, historyRetentionDays: 30 });
  });

  it('fall back field by field when a stored value is invalid', () => {
    expect(parseSettings({ forwardUtm: 'yes', historyRetentionDays: 0, showNonShopChips: false, extra: 1 })).toEqual({ ...DEFAULT_SETTINGS, showNonShopChips: false });
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('tell watchers about changes', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings((s) => seen.push(s.showNonShopChips));
    await updateSettings({ showNonShopChips: false });
    stop();
    expect(seen).toEqual([false]);
  });
});
