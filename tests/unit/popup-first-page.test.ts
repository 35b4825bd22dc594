import { afterEach, describe, expect, it, vi } from 'vitest';
import { callWithEarly } from '@/components/popup/env';
import { PAGE, warmIntlData, type EarlyMessage } from '@/components/popup/first-page';

const view = { groups: [], totalItems: 0, choices: {} };

describe('the first saved page, asked before the popup loaded', () => {
  it('answers the first matching call once, validated like any answer; later calls are sent', async () => {
    const sent: unknown[] = [];
    const early: EarlyMessage = { type: 'popup/saved-list', data: { limit: PAGE }, reply: Promise.resolve({ ok: true, data: view }) };
    const call = callWithEarly(async (message) => (sent.push(message), { ok: true, data: { ...view, totalItems: 3 } }), early);
    expect(await call('popup/saved-list', { limit: PAGE })).toEqual({ ok: true, data: view });
    expect(sent).toEqual([]);
    expect(await call('popup/saved-list', { limit: PAGE })).toEqual({ ok: true, data: { ...view, totalItems: 3 } });
    expect(sent).toEqual([{ type: 'popup/saved-list', data: { limit: PAGE } }]);
  });

  it('sends a call that asks for something else, and rejects an early answer of the wrong shape', async () => {
    const sent: unknown[] = [];
    const early: EarlyMessage = { type: 'popup/saved-list', data: { limit: PAGE }, reply: Promise.resolve({ ok: true, data: { groups: 'nope' } }) };
    const call = callWithEarly(async (message) => (sent.push(message), { ok: true, data: view }), early);
    expect(await call('popup/saved-list', { limit: PAGE * 2 })).toEqual({ ok: true, data: view });
    expect(sent).toHaveLength(1);
    const reply = await call('popup/saved-list', { limit: PAGE });
    expect(reply.ok ? null : reply.error.kind).toBe('invalid-response');
  });
});

describe('warming Intl while the first page is asked', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('builds formatters in the browser UI language, through the browser\'s own i18n (no polyfill in the entry)', () => {
    const getUILanguage = vi.fn(() => 'ar');
    vi.stubGlobal('browser', { i18n: { getUILanguage } });
    expect(() => warmIntlData()).not.toThrow();
    expect(getUILanguage).toHaveBeenCalledTimes(1);
  });
});
