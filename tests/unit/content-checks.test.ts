/**
 * The content script's hand-written checks (utils/checks.ts and its users) against the zod
 * schemas the background uses for the same shapes: on valid examples and on every single-field change of them (a field removed, or replaced by an
 * odd value), both must give the same verdict. The content script carries no zod (docs/performance.md); these tests are what
 * keep its checks from drifting away from the schemas.
 */
import { describe, expect, it } from 'vitest';
import { CardModel } from '@/utils/card-model';
import { parseOverlaySettings } from '@/utils/feed/settings-watch';
import { ANSWERS, contentSender, isCardModel, type ContentMessageType } from '@/utils/protocol/content-script';
import { coreProtocol } from '@/utils/protocol/core';
import { dataProtocol } from '@/utils/protocol/data';
import { diagnosticsProtocol } from '@/utils/protocol/diagnostics';
import { parseSettings } from '@/utils/settings-schema';
import { CHANNEL_TAG } from '@/utils/tiktok/channel';
import { checkTapMessage } from '@/utils/tiktok/channel-check';
import { TapMessageSchema } from '../reference/channel-schema';
import { agrees, ODD, variantsOf } from './agreement';

const CARDS: Record<string, unknown>[] = [
  { state: 'product', host: 'demo.myshopify.com', storeName: null, title: 'Tote', variantTitle: 'Moss', variantId: 11, currency: 'USD', price: 1999, compareAtPrice: null, available: true, buyUrl: 'https://demo.myshopify.com/cart/11:1' },
  { state: 'failed', host: 'shop.example', status: 'rate-limited', detail: 'slow down' },
  { state: 'needs-permission', host: 'shop.example' },
  { state: 'not-shoppable', adKind: 'external' },
  { state: 'pending' },
];

describe("the content script's checks agree with the background's zod schemas", () => {
  it('card models', () => agrees(CardModel, isCardModel, CARDS));

  const answers: { [T in ContentMessageType]: Record<string, unknown>[] } = {
    'sighting/report': CARDS.map((card) => ({ itemId: '7301', impressions: 2, productKey: 'demo.myshopify.com/tote', card })),
    'sighting/learned': [{ recorded: 3 }],
    'click/record': [{ recorded: true }],
    'saved/add': [{ saved: false, reason: 'sold out' }, { saved: true, reason: null }],
    'diagnostics/report': [{ stored: true }],
    'diagnostics/missed': [{ stored: false }],
    'data/open-permission-page': [{ opened: true, reason: null }],
  };
  const specs = { ...coreProtocol, ...diagnosticsProtocol, ...dataProtocol };
  for (const type of Object.keys(answers) as ContentMessageType[]) {
    it(`the answer to ${type}`, () => agrees(specs[type].response, ANSWERS[type], answers[type]));
  }

  it('tap channel messages', () => {
    const head = { tag: CHANNEL_TAG, channel: 'c'.repeat(36) };
    const stats = { responses: { '/api/recommend/item_list/': 3, 'ssr:webapp.updated-items': 1 }, items: 90, candidates: 12, unreadable: 0, dropped: 0, clicks: 1, clicksIgnored: 0 };
    agrees(TapMessageSchema, (value) => checkTapMessage(value) !== null, [
      { ...head, kind: 'items', source: 'api', page: '/foryou', items: [{ id: '1' }, 2] },
      { ...head, kind: 'items', source: 'ssr', page: '/foryou', items: [], organic: ['7400000000000000002', '1'] },
      { ...head, kind: 'click', page: '/foryou', itemId: '7301', url: 'https://shop.example/products/x', known: 'ad' },
      { ...head, kind: 'click', page: '', itemId: null, url: '', known: 'unknown' },
      { ...head, kind: 'stats', stats },
      { ...head, kind: 'stats', stats: { ...stats, responses: Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`/api/${i}/`, i])) } },
    ]);
  });

  it('a stats message with too many endpoints or an over-long endpoint is refused', () => {
    const stats = { items: 0, candidates: 0, unreadable: 0, dropped: 0, clicks: 0, clicksIgnored: 0 };
    const message = (responses: Record<string, number>) => ({ tag: CHANNEL_TAG, channel: 'c', kind: 'stats', stats: { ...stats, responses } });
    for (const responses of [Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`/e${i}`, 1])), { ['/'.repeat(129)]: 1 }]) {
      expect(checkTapMessage(message(responses))).toBeNull();
      expect(TapMessageSchema.safeParse(message(responses)).success).toBe(false);
    }
  });

  it('the two settings the overlay reads, field by field as the full parse reads them', () => {
    const example = { pausedSites: ['www.tiktok.com'], showNonShopChips: false, forwardUtm: false };
    const lists = [['h'.repeat(253)], ['h'.repeat(254)], Array.from({ length: 100 }, () => 'a.example'), Array.from({ length: 101 }, () => 'a.example'), ['a', 1], [null]];
    const raws = [...variantsOf(example), ...ODD, ...lists.map((pausedSites) => ({ pausedSites, showNonShopChips: true }))];
    for (const raw of raws) {
      const full = parseSettings(raw);
      expect(parseOverlaySettings(raw), JSON.stringify(raw)).toEqual({ pausedSites: full.pausedSites, showNonShopChips: full.showNonShopChips });
    }
  });
});

describe("the content script's sender", () => {
  const answering = (reply: unknown) => contentSender(async () => reply);
  const ask = (reply: unknown) => answering(reply)('saved/add', { itemId: '7301' as never, clickId: '00000000-0000-4000-8000-000000000000' });

  it('passes a checked answer and a well-formed error through', async () => {
    expect(await ask({ ok: true, data: { saved: true, reason: null } })).toEqual({ ok: true, data: { saved: true, reason: null } });
    expect(await ask({ ok: false, error: { kind: 'db-unavailable', message: 'closed', extra: 1 } })).toEqual({ ok: false, error: { kind: 'db-unavailable', message: 'closed', extra: 1 } });
  });

  it('turns anything else into a typed invalid-response, never a throw later', async () => {
    for (const reply of [undefined, null, 'ok', [], { ok: true, data: { saved: 'yes' } }, { ok: true }, { ok: false }, { ok: false, error: 'boom' }, { ok: false, error: { kind: 'other', message: 'x' } }, { ok: 'true', data: { saved: true, reason: null } }]) {
      const answer = await ask(reply);
      expect(answer.ok, JSON.stringify(reply)).toBe(false);
      expect(!answer.ok && answer.error.kind, JSON.stringify(reply)).toBe('invalid-response');
    }
  });
});
