import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { VariantPicker } from '@/components/popup/VariantPicker';
import type { ScrollCartDb } from '@/utils/db';
import { click, product, saved, sighting, variant } from './popup-fixtures';
import { byText, edit, mountPopup, openTestDb, popupTestLifecycle, testEnv, useCatalogue, waitFor } from './popup-dom';

let db: ScrollCartDb | undefined;
popupTestLifecycle();

const host = 'demo-store.myshopify.com';
const tee = product(host, 'transit-logo-tee', [variant(1, 'XS', 6500, { available: false }), variant(2, 'S', 6500), variant(3, 'M', 5850, { lowestPrice: 5200 })], { storeName: 'Demo Store', title: 'Transit Logo Tee' });
const box = product(host, 'fruit-box', [variant(9, 'Default Title', 3000, { requiresSellingPlan: true })], { requiresSellingPlan: true, title: 'Fruit box' });
const ad = sighting('7400000000000000001', `https://${host}/products/transit-logo-tee?utm_source=tiktok`, { author: 'demostore', caption: 'The tee — free shipping' });

async function seed() {
  db = openTestDb('popup-ui');
  await db.products.bulkPut([tee, box]);
  await db.sightings.put(ad);
  await db.saved.bulkPut([saved(tee, 3, { savedAt: 20, priceWhenSaved: 6500, sightingItemId: ad.itemId }), saved(box, 9, { savedAt: 10 })]);
  return db;
}

describe('Saved tab', () => {
  it('teaches how to save when nothing is saved', async () => {
    db = openTestDb('popup-ui');
    const root = mountPopup(testEnv(db));
    await waitFor(() => byText(root, 'h2', 'Nothing saved yet'));
    expect(root.textContent).toContain('Press Save on that card');
  });

  it('points to the permission page when shops seen in ads still wait for permission', async () => {
    db = openTestDb('popup-ui');
    const base = testEnv(db);
    const env = testEnv(db, {
      call: (async (type: string, data: unknown) =>
        type === 'data/permission-status'
          ? { ok: true, data: { awaiting: [{ host: 'shop.example-brand.com', ads: 3 }, { host: 'b.example', ads: 1 }], everyShop: false, myshopify: true } }
          : base.call(type as 'overview/get', data as never)) as typeof base.call,
    });
    const root = mountPopup(env);
    const button = await waitFor(() => byText<HTMLButtonElement>(root, 'button', 'Review shop permissions'));
    expect(root.textContent).toContain('2 shops seen in ads wait for your permission');
    button.click();
    await waitFor(() => env.opened.length === 1);
    expect(env.opened).toEqual(['chrome-extension://test-id/permissions.html']);
  });

  it('shows items under their store with prices, change, stock, the ad, and what checkout leaves out', async () => {
    const root = mountPopup(testEnv(await seed()));
    const store = await waitFor(() => root.querySelector<HTMLElement>(`section[data-host="${host}"]`));
    expect(store.querySelector('h2')?.textContent).toBe('Demo Store');
    const text = store.textContent ?? '';
    expect(text).toContain('Now $58.50');
    expect(text).toContain('saved at $65.00');
    expect(text).toContain('lowest seen $52.00');
    expect(byText(store, '.pc-badge', 'Down 10%')?.className).toContain('pc-drop');
    expect(text).toContain('Fruit box: sold by subscription only');
    expect(byText<HTMLAnchorElement>(store, 'a', 'Ad by @demostore')?.href).toBe(`https://www.tiktok.com/@demostore/video/${ad.itemId}`);
    expect(byText(store, 'button', 'Checkout on Demo Store')).toBeDefined();
    await waitFor(() => root.querySelector('[data-testid="overview-counts"]')?.textContent?.includes('2 saved'));
  });

  it('offers a variant picker with unbuyable variants marked', () => {
    useCatalogue('en');
    const root = document.createElement('div');
    const choices = { options: [{ name: 'Size', values: ['XS', 'S'] }], variants: [{ id: 1, title: 'XS', available: false, requiresSellingPlan: false, price: 1 }, { id: 2, title: 'S', available: true, requiresSellingPlan: false, price: 1 }, { id: 3, title: 'Box', available: true, requiresSellingPlan: true, price: 1 }] };
    const picked: number[] = [];
    render(<VariantPicker choices={choices} value={2} onChange={(id) => picked.push(id)} />, root);
    const select = root.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['XS (sold out)', 'S', 'Box (subscription only)']);
    expect(root.querySelector('label')?.textContent).toContain('Variant (Size)');
    edit(select, '1');
    expect(picked).toEqual([1]);
  });

  it('changes variant and quantity, removes and undoes, and checks out in a new tab', async () => {
    const database = await seed();
    const env = testEnv(database);
    const root = mountPopup(env);
    const select = await waitFor(() => root.querySelector<HTMLSelectElement>('li[data-key$="#3"] select'));
    edit(select, '2');
    await waitFor(() => root.querySelector('li[data-key$="#2"]'));
    expect(await database.saved.get(`${tee.key}#2`)).toMatchObject({ priceWhenSaved: 6500, sightingItemId: ad.itemId });

    edit(root.querySelector<HTMLInputElement>('li[data-key$="#2"] input[type="number"]')!, '3');
    await waitFor(async () => (await database.saved.get(`${tee.key}#2`))?.quantity === 3);
    await waitFor(() => root.querySelector<HTMLInputElement>('li[data-key$="#2"] input[type="number"]')?.value === '3');

    byText<HTMLButtonElement>(root, 'li[data-key$="#9"] button', 'Remove')!.click();
    const undo = await waitFor(() => byText<HTMLButtonElement>(root, 'button', 'Undo'));
    expect(root.textContent).toContain('Removed Fruit box.');
    await waitFor(() => root.querySelector('li[data-key$="#9"]') === null);
    undo.click();
    await waitFor(() => root.querySelector('li[data-key$="#9"]'));

    byText<HTMLButtonElement>(root, 'button', 'Checkout on Demo Store')!.click();
    await waitFor(() => env.opened.length === 1);
    expect(env.opened).toEqual([`https://${host}/cart/${2}:3?utm_source=tiktok`]);
    await waitFor(() => byText(root, '[role="status"]', /Checkout opened in a new tab/));
    expect((await database.clicks.toArray()).map((c) => c.kind)).toEqual(['checkout']);
  });

  it('explains a password-protected store instead of offering checkout', async () => {
    const database = await seed();
    await database.products.put({ ...box, status: 'password-protected', detail: 'password page' });
    const root = mountPopup(testEnv(database));
    await waitFor(() => byText(root, '[role="note"]', /password-protected, and a checkout link can't get past the password/));
    expect(byText(root, 'button', /Checkout on/)).toBeUndefined();
    expect(byText<HTMLAnchorElement>(root, 'a', 'Open the store')?.href).toBe(`https://${host}/`);
  });

  it('shows the background error with a retry', async () => {
    const env = testEnv(openTestDb('unused'), { call: async () => ({ ok: false, error: { kind: 'handler-failed', message: 'disk full' } }) });
    const root = mountPopup(env);
    await waitFor(() => byText(root, '[role="alert"] p', /disk full/));
    expect(byText(root, 'button', 'Try again')).toBeDefined();
  });
});

describe('tabs', () => {
  it('move with the arrow keys, Home and End, mirrored right to left', async () => {
    db = openTestDb('popup-ui');
    const root = mountPopup(testEnv(db));
    const tabs = () => [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const selected = () => tabs().find((t) => t.getAttribute('aria-selected') === 'true')?.textContent;
    expect(tabs().map((t) => [t.textContent, t.tabIndex])).toEqual([['Saved', 0], ['History', -1], ['Settings', -1]]);
    const press = async (key: string) => {
      const tab = tabs().find((t) => t.getAttribute('aria-selected') === 'true')!;
      tab.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await waitFor(() => document.activeElement?.getAttribute('aria-selected') === 'true');
    };
    await press('ArrowRight');
    expect(selected()).toBe('History');
    expect(document.activeElement?.textContent).toBe('History');
    const panel = root.querySelector(`#${tabs()[1]!.getAttribute('aria-controls')}`)!;
    expect([panel.getAttribute('role'), panel.getAttribute('aria-labelledby'), (panel as HTMLElement).hidden]).toEqual(['tabpanel', 'tab-history', false]);
    await press('End');
    expect(selected()).toBe('Settings');
    await press('ArrowRight');
    expect(selected()).toBe('Saved');
    document.documentElement.dir = 'rtl';
    await press('ArrowLeft');
    expect(selected()).toBe('History');
    await press('Home');
    expect(selected()).toBe('Saved');
  });
});

describe('History tab', () => {
  it('lists clicks by day, searches, and exports what it found', async () => {
    db = await seed();
    const now = Date.now();
    await db.clicks.bulkAdd([
      click('c1', now - 1000, { kind: 'checkout', host, productKey: tee.key }),
      click('c2', now - 2000, { kind: 'save', host, productKey: box.key }),
      click('c3', now - 3 * 86_400_000, { kind: 'cta', sightingItemId: ad.itemId }),
    ]);
    const env = testEnv(db);
    const root = mountPopup(env, 'history');
    await waitFor(() => root.querySelectorAll('.pc-click').length === 3);
    expect([...root.querySelectorAll('.pc-day h2')].map((h) => h.textContent)[0]).toBe('Today');
    expect(root.querySelector('.pc-click')?.textContent).toContain('Went to checkout · Transit Logo Tee · Demo Store');
    edit(root.querySelector<HTMLInputElement>('input[type="search"]')!, 'fruit');
    await waitFor(() => root.querySelectorAll('.pc-click').length === 1);
    byText<HTMLButtonElement>(root, 'button', 'Export CSV')!.click();
    await waitFor(() => env.downloads.length === 1);
    expect(env.downloads[0]!.text.split('\r\n').filter(Boolean)).toHaveLength(2);
    await waitFor(() => byText(root, '[role="status"]', 'Exported 1 row.'));
  });

  it('says so when nothing has been clicked yet', async () => {
    db = openTestDb('popup-ui');
    const root = mountPopup(testEnv(db), 'history');
    await waitFor(() => byText(root, 'p', /No clicks yet/));
  });
});

describe('Settings tab', () => {
  it('deletes everything only after a second, explicit confirmation', async () => {
    db = openTestDb('popup-ui');
    const sent: unknown[] = [];
    const base = testEnv(db);
    const env = testEnv(db, {
      call: (async (type: string, data: unknown) =>
        type === 'data/delete-all' ? (sent.push(data), { ok: true, data: { deleted: { saved: 2 } } }) : base.call(type as 'overview/get', data as never)) as typeof base.call,
    });
    const root = mountPopup(env, 'settings');
    (await waitFor(() => byText<HTMLButtonElement>(root, 'button', 'Delete everything'))).click();
    const yes = await waitFor(() => byText<HTMLButtonElement>(root, 'button', 'Yes, delete everything'));
    expect(sent).toEqual([]);
    byText<HTMLButtonElement>(root, 'button', 'Cancel')!.click();
    await waitFor(() => !byText(root, 'button', 'Yes, delete everything'));
    expect(yes.isConnected).toBe(false);
    (await waitFor(() => byText<HTMLButtonElement>(root, 'button', 'Delete everything'))).click();
    (await waitFor(() => byText<HTMLButtonElement>(root, 'button', 'Yes, delete everything'))).click();
    await waitFor(() => byText(root, '[role="status"]', 'Everything ScrollCart kept was deleted.'));
    expect(sent).toEqual([{ confirm: true }]);
  });

  it('saves each change as it is made', async () => {
    db = openTestDb('popup-ui');
    const env = testEnv(db);
    const root = mountPopup(env, 'settings');
    const utm = await waitFor(() => byText(root, 'label', /campaign tags/)?.querySelector('input'));
    utm.click();
    await waitFor(() => env.settings.forwardUtm === false);
    byText(root, 'label', /cart page first/)!.querySelector('input')!.click();
    await waitFor(() => env.settings.checkoutLanding === 'cart');
    const threshold = byText(root, 'label', /Smallest drop/)!.querySelector('input')!;
    expect(threshold.disabled).toBe(true);
    edit(byText(root, 'label', /Keep the click history/)!.querySelector('input')!, '0');
    await waitFor(() => byText(root, 'label', /whole number from 1 to 3650/));
    expect(env.settings.historyRetentionDays).toBe(365);
    edit(byText(root, 'label', /Keep the click history/)!.querySelector('input')!, '30');
    await waitFor(() => env.settings.historyRetentionDays === 30);
  });
});
