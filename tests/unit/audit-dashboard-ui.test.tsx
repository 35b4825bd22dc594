import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Dashboard } from '@/components/Dashboard';
import ar from '@/components/public/_locales/ar/messages.json';
import { words } from '@/utils/audit/types';
import { wordsToText } from '@/utils/audit/words';
import { dashboardHandlers } from '@/utils/handlers/dashboard';
import type { Handlers } from '@/utils/messages';
import type { ProductKey, TikTokItemId } from '@/utils/model';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { failed, HOST, product, sighting } from './audit-fixtures';
import { dashboardDb, dashboardTestLifecycle, lookupIn, serveDashboardPage, testServices, until, type Catalogue } from './dashboard-dom';

dashboardTestLifecycle();

async function mount() {
  const db = dashboardDb('dash-ui');
  await db.sightings.bulkPut([
    sighting({ caption: 'Canvas Sneaker size 9 — $59', landingUrlRaw: `https://${HOST}/products/canvas-sneaker?variant=202`, landingUrl: `https://${HOST}/products/canvas-sneaker?variant=202` }),
    sighting({ itemId: '7600000000000000002' as TikTokItemId, landingUrlRaw: `https://${HOST}/products/gone`, landingUrl: `https://${HOST}/products/gone`, productKey: `${HOST}/gone` as ProductKey }),
  ]);
  await db.products.bulkPut([product(), { ...failed('not-found'), key: `${HOST}/gone` as ProductKey }]);
  const handlers = dashboardHandlers({ db } as never, testServices({ ...DEFAULT_SETTINGS, myStores: [HOST] }, async () => ({ counters: {}, missed: [] })));
  serveDashboardPage(handlers as unknown as Handlers);
  render(<Dashboard />, document.body);
}

describe('the dashboard page', () => {
  it("shows each ad's checks with a sign and a word for the verdict (never colour alone), and the evidence on demand", async () => {
    await mount();
    const failing = await until(() => document.querySelector('[data-check-id="variant_in_stock"][data-verdict="fail"]'));
    expect(failing.textContent).toContain('✗ Fail');
    expect(failing.textContent).toContain('The advertised variant “White / 9” is sold out.');
    expect(failing.querySelector('details summary')?.textContent).toBe('Evidence');
    expect(document.querySelector('[data-check-id="product_page"][data-verdict="fail"] .dash-reason')?.textContent).toBe('The product page answers 404 Not Found: the store has no product “gone”.');
    // variant sold out, 404, and no UTM tags on either link.
    expect(document.querySelector('[data-count="failing"]')?.textContent).toBe('4');
    expect(document.querySelector('svg[role="img"] title')?.textContent).toMatch(/^6 impressions from /);
  });

  it('is driven by native buttons and labelled inputs, and says why a snapshot was refused', async () => {
    await mount();
    const capture = await until(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Snapshot now'));
    expect([...document.querySelectorAll('input')].every((input) => input.id === '' || document.querySelector(`label[for="${input.id}"]`))).toBe(true);
    capture.click();
    const status = await until(() => (document.querySelector('[data-testid="store-status"]')?.textContent?.includes('Alt+Shift+S') ? document.querySelector('[data-testid="store-status"]') : null));
    expect(status.getAttribute('aria-live')).toBe('polite');
    const remove = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Remove')!;
    expect(remove.getAttribute('aria-label')).toBe(`Remove ${HOST} from my stores`);
  });
});

describe('reasons in Arabic', () => {
  it('fill the same substitutions into the Arabic catalogue', () => {
    const arabic = lookupIn(ar as Catalogue);
    expect(wordsToText(words('dash_reason_price_differs', '$39.99', '$48.00'), arabic)).toBe('يذكر الوصف $39.99، لكن المتجر يطلب $48.00.');
    expect(wordsToText(words('dash_reason_lands_on_page', { key: 'dash_page_collection' }), arabic)).toBe('يهبط الإعلان على صفحة مجموعة، لا على صفحة منتج.');
  });
});
