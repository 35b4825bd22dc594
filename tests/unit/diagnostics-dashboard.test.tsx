/**
 * The dashboard's diagnostics: the counters the content scripts reported and the shapes of
 * missed ads, shown to the person (in words, with the exact counter names for a bug report)
 * and written into the whole-database export, all through the real handlers and storage.
 */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Dashboard } from '@/components/Dashboard';
import ar from '@/components/public/_locales/ar/messages.json';
import en from '@/components/public/_locales/en/messages.json';
import { readDiagnostics } from '@/utils/diagnostics-store';
import { parseBackup } from '@/utils/export/backup';
import { dashboardHandlers } from '@/utils/handlers/dashboard';
import { diagnosticsHandlers } from '@/utils/handlers/diagnostics';
import { handleMessage, type Handlers } from '@/utils/messages';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { cardShape } from '@/utils/tiktok/dom';
import { dashboardDb, dashboardTestLifecycle, lookupIn, SELF, serveDashboardPage, testServices, until, type Catalogue } from './dashboard-dom';

dashboardTestLifecycle();

function setUp() {
  const deps = { db: dashboardDb('diag-ui'), now: () => Date.UTC(2026, 10, 25, 12) } as never;
  const handlers = { ...dashboardHandlers(deps, testServices({ ...DEFAULT_SETTINGS }, readDiagnostics)), ...diagnosticsHandlers(deps) } as unknown as Handlers;
  const fromTikTok = { id: 'ours', tabUrl: 'https://www.tiktok.com/foryou', url: 'https://www.tiktok.com/foryou' };
  serveDashboardPage(handlers);
  // What the feed's content script sends: counters, and the shape of a card someone right-clicked.
  const fromContent = async (type: string, data: unknown) => {
    const reply = await handleMessage({ type, data }, fromTikTok, handlers, SELF);
    if (!reply.ok) throw new Error(JSON.stringify(reply));
  };
  return { handlers, fromContent };
}

const missedCard = () => {
  const card = document.createElement('article');
  card.setAttribute('data-e2e', 'recommend-list-item-container');
  card.innerHTML = '<div data-e2e="video-desc">my private caption</div><span data-e2e="brand-new-ad-badge">Promoted</span><a href="/@someone">someone</a>';
  return cardShape(card);
};

const section = () => document.querySelector('[data-testid="diagnostics"]');
const countOf = (key: string) => section()?.querySelector(`tr[data-counter="${CSS.escape(key)}"] [data-field="count"]`)?.textContent;

describe('diagnostics on the dashboard', () => {
  it('says nothing was counted or reported yet, rather than showing an empty table', async () => {
    setUp();
    render(<Dashboard />, document.body);
    await until(() => section()?.querySelector('[data-testid="diag-counters-empty"]'));
    expect(section()?.querySelector('[data-testid="diag-missed-empty"]')?.textContent).toContain('ScrollCart missed this ad');
    expect(section()?.querySelector('table')).toBeNull();
  });

  it('shows the counters in words with their exact names, and the missed cards with their hooks and texts', async () => {
    const { fromContent } = setUp();
    await fromContent('diagnostics/report', { delta: { ads: 5, 'adsBySource:dom': 2, 'adsBySource:api': 3, 'skipped:no-id': 4, 'responses:/api/recommend/item_list/': 3 } });
    await fromContent('diagnostics/report', { delta: { ads: 1, 'adsBySource:dom': 1, 'overlay:domFallbacks': 3 } });
    await fromContent('diagnostics/missed', { page: '/foryou', shape: missedCard() });
    render(<Dashboard />, document.body);

    await until(() => section()?.querySelector('[data-testid="diag-counters"]'));
    expect(countOf('ads')).toBe('6');
    expect(countOf('adsBySource:dom')).toBe('3');
    expect(countOf('overlay:domFallbacks')).toBe('3');
    const row = section()!.querySelector('tr[data-counter="skipped:no-id"]')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['Items skipped', 'no-id', '4']);
    expect(section()!.querySelector('[data-diag-count="dom-ads"]')?.textContent).toBe('3');
    expect(section()!.querySelector('table caption')?.textContent).toBe('Counters');
    expect([...section()!.querySelectorAll('th')].every((th) => th.getAttribute('scope') === 'col')).toBe(true);

    const missed = section()!.querySelector('[data-testid="diag-missed"] li')!;
    expect(missed.textContent).toContain('on For You');
    expect([...missed.querySelectorAll('[data-testid="diag-missed-hooks"] li')].map((li) => li.textContent)).toEqual(['brand-new-ad-badge', 'recommend-list-item-container', 'video-desc']);
    expect([...missed.querySelectorAll('[data-testid="diag-missed-texts"] li')].map((li) => li.textContent)).toContain('Promoted');
    // Nothing personal was stored, so nothing personal is shown.
    expect(section()!.textContent).not.toMatch(/private caption|someone/);
    // The whole shape is behind a native disclosure; its scrolling box takes keyboard focus.
    const details = missed.querySelector('details')!;
    expect(details.querySelector('summary')?.textContent).toBe("The card's shape (JSON)");
    expect(details.querySelector('pre')?.getAttribute('tabindex')).toBe('0');
    expect(JSON.parse(details.querySelector('pre')!.textContent!)).toMatchObject({ tag: 'article', e2e: 'recommend-list-item-container' });
  });

  it('shows new counters on Refresh, a native button', async () => {
    const { fromContent } = setUp();
    await fromContent('diagnostics/report', { delta: { ads: 1 } });
    render(<Dashboard />, document.body);
    await until(() => countOf('ads') === '1');
    await fromContent('diagnostics/report', { delta: { ads: 2, 'skipped:bad-id': 1 } });
    const refresh = [...section()!.querySelectorAll('button')].find((b) => b.textContent === 'Refresh diagnostics')!;
    expect(refresh.getAttribute('type')).toBe('button');
    refresh.click();
    await until(() => countOf('ads') === '3');
    expect(countOf('skipped:bad-id')).toBe('1');
  });

  it('writes counters and missed shapes into the whole-database export, and import leaves this browser’s own alone', async () => {
    const { handlers, fromContent } = setUp();
    await fromContent('diagnostics/report', { delta: { ads: 2, 'skipped:invalid-ad': 1 } });
    await fromContent('diagnostics/missed', { page: '/following', shape: missedCard() });
    const exported = (await handlers['dashboard/export-all']!({ snapshots: false }, {})) as { text: string };
    const parsed = parseBackup(exported.text);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.backup.diagnostics?.counters).toEqual({ ads: 2, 'skipped:invalid-ad': 1 });
    expect(parsed.backup.diagnostics?.missed).toMatchObject([{ page: '/following', at: Date.UTC(2026, 10, 25, 12), shape: { hooks: expect.arrayContaining(['brand-new-ad-badge']) } }]);

    // Another browser's diagnostics describe that browser: importing them changes nothing here.
    const theirs = JSON.parse(exported.text) as { diagnostics: { counters: Record<string, number> } };
    theirs.diagnostics.counters = { ads: 999 };
    expect(await handlers['dashboard/import']!({ text: JSON.stringify(theirs) }, {})).toMatchObject({ ok: true });
    expect((await readDiagnostics()).counters).toEqual({ ads: 2, 'skipped:invalid-ad': 1 });
    // A hand-made block is checked like every other part of the file, and a file without one still reads.
    theirs.diagnostics.counters = { ads: -1 };
    expect(parseBackup(JSON.stringify(theirs))).toMatchObject({ ok: false, problem: expect.stringMatching(/^diagnostics\.counters\.ads: /) });
    const { diagnostics: _dropped, ...older } = theirs;
    expect(parseBackup(JSON.stringify(older)).ok).toBe(true);
  });
});

describe('diagnostics wording', () => {
  const keys = Object.keys(en).filter((key) => key.startsWith('dash_diag_'));

  it('has every new text in Arabic, with the same placeholders', () => {
    expect(keys.length).toBeGreaterThan(20);
    const arabic = ar as Catalogue;
    const english = en as Catalogue;
    for (const key of keys) {
      expect(arabic[key]?.message, key).toBeTruthy();
      expect(Object.keys(arabic[key]?.placeholders ?? {}), key).toEqual(Object.keys(english[key]?.placeholders ?? {}));
    }
    expect(lookupIn(arabic)('dash_diag_missed_item', ['1 تشرين', 'لك'])).toBe('أُبلغ عنه 1 تشرين في لك');
  });
});
