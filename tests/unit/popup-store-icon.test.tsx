import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { ScrollCartDb } from '@/utils/db';
import { cachedFaviconReader, faviconUrl, NEVER_VISITED_PAGE, storeMonogram } from '@/utils/popup/store-icon';
import { product, saved, variant } from './popup-fixtures';
import { mountPopup, openTestDb, popupTestLifecycle, testEnv, waitFor } from './popup-dom';

const ORIGIN = 'chrome-extension://abc/';
const HOST = 'demo-store.myshopify.com';

describe('store icon helpers', () => {
  it("builds Chrome's _favicon URL for a page", () => {
    expect(faviconUrl('chrome-extension://abc', `https://${HOST}/`)).toBe(`chrome-extension://abc/_favicon/?pageUrl=https%3A%2F%2F${HOST}%2F&size=32`);
  });

  it('takes a whole first letter of the store name, without www.', () => {
    expect(storeMonogram('Demo Store')).toBe('D');
    expect(storeMonogram('www.shop.example-brand.com')).toBe('S');
    expect(storeMonogram('東京雑貨')).toBe('東');
    expect(storeMonogram('e\u0301cole')).toBe('E\u0301');
    expect(storeMonogram('👟 Shoes')).toBe('👟');
    expect(storeMonogram('  ')).toBe('?');
  });

  it('offers the cached icon only where the browser has one, comparing with its generic icon once', async () => {
    const reads: string[] = [];
    const icons: Record<string, number[]> = { [faviconUrl(ORIGIN, NEVER_VISITED_PAGE)]: [1, 2, 3], [faviconUrl(ORIGIN, `https://${HOST}/`)]: [9, 9], [faviconUrl(ORIGIN, 'https://unseen.myshopify.com/')]: [1, 2, 3] };
    const read = async (url: string) => (reads.push(url), icons[url] ? new Uint8Array(icons[url]) : null);
    const cached = cachedFaviconReader({ available: true, extensionOrigin: ORIGIN, read });
    expect(await cached(HOST)).toBe(faviconUrl(ORIGIN, `https://${HOST}/`));
    expect(await cached('unseen.myshopify.com')).toBeNull();
    expect(await cached('broken.myshopify.com')).toBeNull();
    expect(reads.filter((u) => u.includes('scrollcart.invalid'))).toHaveLength(1);

    const none = cachedFaviconReader({ available: false, extensionOrigin: ORIGIN, read: async () => Promise.reject(new Error('must not read')) });
    expect(await none(HOST)).toBeNull();
  });
});

let db: ScrollCartDb | undefined;
popupTestLifecycle();

async function seeded() {
  db = openTestDb('popup-icon');
  const tee = product(HOST, 'tee', [variant(1, 'S', 6500)], { storeName: 'Demo Store', title: 'Tee' });
  await db.products.put(tee);
  await db.saved.put(saved(tee, 1));
  return db;
}

const heading = (root: HTMLElement) => root.querySelector(`section[data-host="${HOST}"] .pc-store-title`);

describe('store group header icon', () => {
  it('shows the cached favicon, decorative, next to the name', async () => {
    const url = faviconUrl(ORIGIN, `https://${HOST}/`);
    const root = mountPopup(testEnv(await seeded(), { cachedFavicon: async (host) => (host === HOST ? url : null) }));
    const img = await waitFor(() => heading(root)?.querySelector('img'));
    expect(img.getAttribute('src')).toBe(url);
    expect(img.getAttribute('alt')).toBe('');
    expect(root.querySelector(`section[data-host="${HOST}"] h2`)!.textContent).toBe('Demo Store');
  });

  it('falls back to the monogram with no cached icon, without the API (Firefox), and when the image fails', async () => {
    const root = mountPopup(testEnv(await seeded(), { cachedFavicon: async () => null }));
    const mono = await waitFor(() => heading(root)?.querySelector('.pc-monogram'));
    expect(mono.textContent).toBe('D');
    expect(mono.getAttribute('aria-hidden')).toBe('true');
    render(null, root);

    const firefox = mountPopup(testEnv(db!));
    expect((await waitFor(() => heading(firefox)?.querySelector('.pc-monogram'))).textContent).toBe('D');
    render(null, firefox);

    const broken = mountPopup(testEnv(db!, { cachedFavicon: async () => `${ORIGIN}_favicon/?pageUrl=x` }));
    const img = await waitFor(() => heading(broken)?.querySelector('img'));
    img.dispatchEvent(new Event('error'));
    expect((await waitFor(() => heading(broken)?.querySelector('.pc-monogram'))).textContent).toBe('D');
  });
});
