// Its own file: components/i18n.ts keeps each text once asked, so one language per module graph.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyDocumentLocale } from '@/components/i18n';
import { openDb, type ScrollCartDb } from '@/utils/db';
import { product, saved, variant } from './popup-fixtures';
import { byText, mountPopup, testEnv, useCatalogue, waitFor } from './popup-dom';

let db: ScrollCartDb | undefined;
afterEach(async () => {
  render(null, document.getElementById('root') ?? document.body);
  await db?.delete();
});

describe('Arabic', () => {
  it('lays the popup out right to left, with Arabic text and Arabic number formats', async () => {
    fakeBrowser.reset();
    useCatalogue('ar');
    applyDocumentLocale(document);
    expect([document.documentElement.dir, document.documentElement.lang]).toEqual(['rtl', 'ar']);
    db = openDb(`popup-ar-${crypto.randomUUID()}`);
    const tee = product('demo-store.myshopify.com', 'tee', [variant(1, 'S', 6500), variant(2, 'M', 5850, { available: false })], { storeName: 'متجر التجربة' });
    await db.products.put(tee);
    await db.saved.bulkPut([saved(tee, 1, { priceWhenSaved: 7000 }), saved(tee, 2, { savedAt: 0 })]);
    const root = mountPopup({ ...testEnv(db), locale: 'ar' });
    await waitFor(() => byText(root, 'button', 'الدفع في متجر التجربة'));
    expect([...root.querySelectorAll('[role="tab"]')].map((t) => t.textContent)).toEqual(['المحفوظات', 'السجل', 'الإعدادات']);
    const text = root.textContent ?? '';
    expect(text).toContain('لن يُضاف إلى الدفع:');
    // Intl formats money and percentages in Arabic; the digits may be Arabic-Indic or Latin, as ICU decides for `ar`.
    expect(text).toMatch(/الآن .*(65|٦٥)/);
    expect(byText(root, '.pc-badge', /^انخفض /)).toBeDefined();
  });
});
