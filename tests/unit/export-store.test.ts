// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKS } from '@/utils/audit/checks/index';
import { openDb, type ScrollCartDb } from '@/utils/db';
import { parseCsv } from '@/utils/export/csv';
import { FIXED_COLUMNS, storeCsvHeader } from '@/utils/export/store-export';
import { dashboardHandlers, type DashboardServices } from '@/utils/handlers/dashboard';
import { handleMessage, type Handlers } from '@/utils/messages';
import type { ProductKey, TikTokItemId } from '@/utils/model';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { failed, HOST, product, sighting } from './audit-fixtures';

let db: ScrollCartDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const lookup = (key: string, args: string[] = []) => (args.length ? `${key}(${args.join('|')})` : key);

async function setUp(capture: DashboardServices['capture'] = async () => ({ ok: false, reason: 'no-feed-tab', detail: '' })) {
  db = openDb(`export-store-${crypto.randomUUID()}`);
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const services: DashboardServices = {
    capture,
    readSettings: async () => settings,
    updateSettings: async (change) => (settings = { ...settings, ...change }),
    lookup,
    readDiagnostics: async () => ({ counters: {}, missed: [] }),
  };
  const handlers = dashboardHandlers({ db, version: 't', now: () => Date.UTC(2026, 6, 1), canFetchHost: async () => true, resolve: async () => product(), settings: services.readSettings } as never, services);
  const caption = 'Linen shirt, now "only" $39.99, =cheap';
  await db.sightings.bulkPut([
    sighting(),
    sighting({ itemId: '7600000000000000002' as TikTokItemId, caption, landingUrlRaw: `https://${HOST}/products/trail-lantern`, landingUrl: `https://${HOST}/products/trail-lantern`, productKey: `${HOST}/trail-lantern` as ProductKey, lastSeen: Date.UTC(2026, 5, 2) }),
    sighting({ itemId: '7600000000000000003' as TikTokItemId, productKey: 'other.myshopify.com/x' as ProductKey, landingUrl: 'https://other.myshopify.com/products/x', landingUrlRaw: 'https://other.myshopify.com/products/x' }),
  ]);
  await db.products.bulkPut([product(), { ...failed('not-found'), key: `${HOST}/trail-lantern` as ProductKey }]);
  return { handlers, settings: () => settings, caption };
}

describe('dashboard/export-store', () => {
  it('writes one CSV row per ad of the store, with the documented columns, matching the report', async () => {
    const { handlers, caption } = await setUp();
    const file = await handlers['dashboard/export-store']({ host: HOST, format: 'csv' }, {});
    expect(file).toMatchObject({ mime: 'text/csv;charset=utf-8', filename: `scrollcart-audit-${HOST}-2026-07-01.csv` });
    const [header, ...rows] = parseCsv(file.text);
    expect(header).toEqual(storeCsvHeader());
    expect(header!.slice(0, FIXED_COLUMNS.length)).toEqual([...FIXED_COLUMNS]);
    expect(header!.slice(FIXED_COLUMNS.length)).toEqual(CHECKS.flatMap((c) => [c.id, `${c.id}_reason`]));
    const report = await handlers['dashboard/report']({ host: HOST }, {});
    expect(rows.map((r) => r[header!.indexOf('item_id')])).toEqual(report.ads.map((a) => a.itemId));
    for (const [i, ad] of report.ads.entries()) {
      for (const check of ad.checks) expect(rows[i]![header!.indexOf(check.id)], `${ad.itemId} ${check.id}`).toBe(check.verdict);
    }
    const lantern = rows.find((r) => r[header!.indexOf('item_id')] === '7600000000000000002')!;
    expect(lantern[header!.indexOf('caption')]).toBe(caption);
    expect(lantern[header!.indexOf('product_page_reason')]).toBe('dash_reason_product_404(trail-lantern)');
    expect(lantern[header!.indexOf('schema_version')]).toBe('1');
    expect(lantern[header!.indexOf('first_seen')]).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('neutralises a caption that is a formula', async () => {
    const { handlers } = await setUp();
    await db!.sightings.update(sighting().itemId, { caption: '=HYPERLINK("https://evil.example","click")' });
    const [header, ...rows] = parseCsv((await handlers['dashboard/export-store']({ host: HOST, format: 'csv' }, {})).text);
    expect(rows.map((r) => r[header!.indexOf('caption')])).toContain(`'=HYPERLINK("https://evil.example","click")`);
  });

  it('writes the same ads and verdicts as JSON, with reasons in words', async () => {
    const { handlers } = await setUp();
    const json = JSON.parse((await handlers['dashboard/export-store']({ host: HOST, format: 'json' }, {})).text);
    expect(json).toMatchObject({ format: 'scrollcart-store-audit', schemaVersion: 1, store: HOST });
    expect(json.checks.map((c: { id: string }) => c.id)).toEqual(CHECKS.map((c) => c.id));
    expect(json.ads).toHaveLength(2);
    expect(json.ads[0].checks[1]).toMatchObject({ id: 'product_page', verdict: 'fail', reason: 'dash_reason_product_404(trail-lantern)' });
  });
});

describe('dashboard handlers', () => {
  it('remembers my stores as host names, and lists hosts seen in ads', async () => {
    const { handlers, settings } = await setUp();
    expect(await handlers['dashboard/set-stores']({ stores: [`https://${HOST}/products/x`, 'not a host', HOST] }, {})).toEqual({ myStores: [HOST], rejected: ['not a host'] });
    expect(settings().myStores).toEqual([HOST]);
    expect(await handlers['dashboard/stores']({}, {})).toEqual({ myStores: [HOST], seen: [{ host: HOST, ads: 2 }, { host: 'other.myshopify.com', ads: 1 }] });
  });

  it('captures, shows and deletes a snapshot, and exports and imports everything', async () => {
    const { handlers, settings } = await setUp(async () => ({ ok: true, dataUrl: 'data:image/jpeg;base64,/9j/AA==' }));
    const taken = await handlers['dashboard/snapshot-capture']({ itemId: sighting().itemId }, {});
    expect(taken).toMatchObject({ ok: true, snapshot: { sightingItemId: sighting().itemId, bytes: 4 } });
    const id = taken.ok ? taken.snapshot.id : 0;
    expect((await handlers['dashboard/report']({ host: HOST }, {})).ads.find((a) => a.itemId === sighting().itemId)?.snapshots).toHaveLength(1);
    expect(await handlers['dashboard/snapshot-image']({ id }, {})).toEqual({ dataUrl: 'data:image/jpeg;base64,/9j/AA==' });

    await handlers['dashboard/set-stores']({ stores: [HOST] }, {});
    const backup = await handlers['dashboard/export-all']({ snapshots: true }, {});
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'scrollcart-backup', settings: { myStores: [HOST] } });
    expect(await handlers['dashboard/snapshot-delete']({ id }, {})).toEqual({ deleted: true });
    await handlers['dashboard/set-stores']({ stores: ['shop.example.com'] }, {});
    expect(await handlers['dashboard/import']({ text: backup.text }, {})).toMatchObject({ ok: true, added: { snapshots: 1, sightings: 0 } });
    expect(settings().myStores).toEqual(['shop.example.com', HOST]);
    expect(await handlers['dashboard/import']({ text: '{"format":"nope"}' }, {})).toMatchObject({ ok: false });
  });

  it('are for our extension pages only: a content script may not capture or export', async () => {
    const { handlers } = await setUp();
    const self = { id: 'ours', origin: 'chrome-extension://ours/' };
    const content = { id: 'ours', tabUrl: 'https://www.tiktok.com/foryou', url: 'https://www.tiktok.com/foryou' };
    const reply = await handleMessage({ type: 'dashboard/export-all', data: { snapshots: true } }, content, handlers as unknown as Handlers, self);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });
    const page = { id: 'ours', url: 'chrome-extension://ours/dashboard.html' };
    expect(await handleMessage({ type: 'dashboard/report', data: { host: HOST } }, page, handlers as unknown as Handlers, self)).toMatchObject({ ok: true });
  });
});
