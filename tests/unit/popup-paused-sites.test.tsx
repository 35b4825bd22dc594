import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { ScrollCartDb } from '@/utils/db';
import { byText, mountPopup, openTestDb, popupTestLifecycle, testEnv, waitFor } from './popup-dom';

let db: ScrollCartDb | undefined;
popupTestLifecycle();

const siteBox = (root: HTMLElement, site: string) => root.querySelector<HTMLInputElement>(`input[data-site="${site}"]`);

describe('Settings: pause the product cards per site', () => {
  it('pauses and resumes the feed site, keeping other paused sites', async () => {
    db = openTestDb('popup-pause');
    const env = testEnv(db);
    env.settings.pausedSites = ['us.tiktok.com'];
    const root = mountPopup(env, 'settings');
    const feed = await waitFor(() => siteBox(root, 'www.tiktok.com'));
    expect(byText(root, 'label', 'Pause on \u2068www.tiktok.com\u2069')).toBeTruthy();
    expect(feed.checked).toBe(false);
    expect(siteBox(root, 'us.tiktok.com')!.checked).toBe(true);
    feed.click();
    await waitFor(() => env.settings.pausedSites.includes('www.tiktok.com'));
    expect(env.settings.pausedSites).toEqual(['us.tiktok.com', 'www.tiktok.com']);
    await waitFor(() => siteBox(root, 'www.tiktok.com')!.checked);
    siteBox(root, 'www.tiktok.com')!.click();
    await waitFor(() => env.settings.pausedSites.length === 1);
    expect(env.settings.pausedSites).toEqual(['us.tiktok.com']);
  });

  it('offers the tab open now only if the content script runs there', async () => {
    db = openTestDb('popup-pause');
    const root = mountPopup(testEnv(db, { activeTabHost: async () => 'm.tiktok.com' }), 'settings');
    await waitFor(() => siteBox(root, 'm.tiktok.com'));
    expect([...root.querySelectorAll<HTMLInputElement>('input[data-site]')].map((i) => i.dataset.site)).toEqual(['www.tiktok.com', 'm.tiktok.com']);

    render(null, root);
    let asked = false;
    const other = mountPopup(testEnv(db, { activeTabHost: async () => ((asked = true), 'demo-store.myshopify.com') }), 'settings');
    await waitFor(() => asked && siteBox(other, 'www.tiktok.com'));
    // The answer lands in a microtask after the ask; one macrotask later it has been drawn.
    await new Promise((r) => setTimeout(r, 0));
    expect(other.querySelectorAll('input[data-site]')).toHaveLength(1);
  });
});
