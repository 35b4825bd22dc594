import { afterEach, describe, expect, it } from 'vitest';
import { reportMissedAd, takeContextCard, trackContextCard } from '@/utils/feed/missed-ad';
import type { ContentSender } from '@/utils/protocol/content-script';

const CARD = '<article data-e2e="recommend-list-item-container"><p data-e2e="video-desc">my caption @me</p><span id="target">Sponsored</span></article>';

let stop: AbortController;
afterEach(() => {
  stop?.abort();
  takeContextCard();
  document.body.replaceChildren();
});

function rightClick(target: Element) {
  target.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
}

function senderLog() {
  const sent: { type: string; data: unknown }[] = [];
  const ask = (async (type: string, data: unknown) => (sent.push({ type, data }), { ok: true, data: { stored: true } })) as unknown as ContentSender;
  return { ask, sent };
}

describe('"ScrollCart missed this ad"', () => {
  it('the injected report sends the shape of the card right-clicked last, once', async () => {
    stop = new AbortController();
    trackContextCard(document, stop.signal);
    document.body.innerHTML = CARD;
    rightClick(document.getElementById('target')!);
    const { ask, sent } = senderLog();
    expect(await reportMissedAd(ask, '/foryou')).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'diagnostics/missed', data: { page: '/foryou', shape: { hooks: ['recommend-list-item-container', 'video-desc'], texts: ['Sponsored'] } } });
    // The caption is user-written: never in the shape.
    expect(JSON.stringify(sent[0])).not.toContain('caption');
    // Taken once: a second injection has nothing to report.
    expect(await reportMissedAd(ask, '/foryou')).toBe(false);
    expect(sent).toHaveLength(1);
  });

  it('reports nothing for a right-click outside a card, a card that left the page, or after the content script stopped', async () => {
    stop = new AbortController();
    trackContextCard(document, stop.signal);
    document.body.innerHTML = `<div id="outside"></div>${CARD}`;
    const { ask, sent } = senderLog();
    rightClick(document.getElementById('outside')!);
    expect(await reportMissedAd(ask, '/foryou')).toBe(false);
    rightClick(document.getElementById('target')!);
    document.body.replaceChildren();
    expect(await reportMissedAd(ask, '/foryou')).toBe(false);
    stop.abort();
    document.body.innerHTML = CARD;
    rightClick(document.getElementById('target')!);
    expect(await reportMissedAd(ask, '/foryou')).toBe(false);
    expect(sent).toEqual([]);
  });
});
