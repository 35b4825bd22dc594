import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adLabelOf, cardShape, findFeedCards, isAdCard, itemIdOfCard, sightingFromCard } from '@/utils/tiktok/dom';
import { AD_LABELS } from '@/utils/tiktok/signals';

// Cards are built here from markup in the shape of the local fake feed (tests/fixtures/tiktok/client/feed-card.js)
// and of the real 2022 card (samples/tiktok/dom_foryou_item_2022-03_tktrex.html). Class names are hashed-looking
// on purpose: nothing may rely on them.

const ID = '7400000000000000123';
const parse = (html: string): Document => new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');
const first = (html: string): Element => parse(html).body.firstElementChild!;

interface CardParts {
  id?: string | null;
  caption?: string;
  label?: string; // raw markup inside the label slot
  cta?: string; // raw markup of the CTA slot
  author?: string;
  extra?: string;
}
function cardHtml({ id = ID, caption = 'Linen season ☀️', label = '', cta = '', author = 'brand.official', extra = '' }: CardParts = {}): string {
  const player = id === null ? '' : `<div id="xgwrapper-0-${id}" class="css-1e2r3t-DivBasicPlayerWrapper"><img alt="${caption}" src="/c.png"></div>`;
  return `<article data-e2e="recommend-list-item-container" class="css-1x2y3z-ArticleItemContainer" data-scroll-index="3">
    <div class="css-9k8j7h-DivContentFlexLayout"><section data-e2e="feed-video" class="css-5t6y7u">${player}
      <div class="css-2w3e4r-DivMediaCardBottom">
        <div class="css-8u7y6t"><a href="/@${author}"><h3 data-e2e="video-author-uniqueid">${author}</h3><h4 data-e2e="video-author-nickname">Brand</h4></a></div>
        <div data-e2e="video-desc">${caption}</div>${label}
        <h4 data-e2e="video-music"><a href="/music/original-sound-1">♫ original sound - Brand</a></h4>${cta}${extra}
      </div></section>
      <section class="css-3e4r5t"><a data-e2e="video-author-avatar" href="/@${author}"><img src="/a.png" alt=""></a>
        <div><strong data-e2e="like-count">225.5K</strong></div><div><strong data-e2e="share-count">972</strong></div></section>
    </div></article>`;
}
const card = (parts?: CardParts) => first(cardHtml(parts));
const adTag = (text: string) => `<div data-e2e="ad-tag">${text}</div>`;
const ctaButton = (text = 'Shop now') => `<button type="button" data-e2e="ttam-ads-cta">${text}</button>`;

const real2022 = readFileSync('tests/fixtures/samples/tiktok/dom_foryou_item_2022-03_tktrex.html', 'utf8');

describe('the real 2022 For You card (organic)', () => {
  const doc = parse(real2022);
  const [c] = findFeedCards(doc);
  it('is found as a card, has no item id, and is not an ad', () => {
    expect(findFeedCards(doc)).toHaveLength(1);
    expect(itemIdOfCard(c!)).toBeNull(); // the FYP card has no /video/ link (§5)
    expect(isAdCard(c!)).toBe(false);
    expect(adLabelOf(c!)).toBeNull();
    expect(sightingFromCard(c!, '/foryou')).toBeNull();
  });

  it('has a shape with hooks and UI texts, but no caption, names or URLs', () => {
    const shape = cardShape(c!);
    const json = JSON.stringify(shape);
    expect(shape.hooks).toEqual(expect.arrayContaining(['recommend-list-item-container', 'video-desc', 'video-author-uniqueid', 'feed-follow', 'like-count']));
    expect(shape.texts).toEqual(expect.arrayContaining(["S'abonner", 'Signaler', '225.5K']));
    for (const personal of ['lenoutsa', 'Lenoutsa', 'DAB', 'comdab', 'Keblack', 'tiktokcdn', 'http', '/@', 'x-expires']) expect(json).not.toContain(personal);
    expect(json).not.toMatch(/tiktok-\w+-Div/); // no class names either
  });
});

describe('findFeedCards and itemIdOfCard', () => {
  it('finds cards under a root and the root itself, outermost only', () => {
    const doc = parse(`<main id="column-list-container">${cardHtml()}${cardHtml({ id: '7400000000000000124' })}<article data-scroll-index="9"></article></main>`);
    expect(findFeedCards(doc)).toHaveLength(3); // the bare 2025-layout article counts too
    const one = findFeedCards(doc)[0]!;
    expect(findFeedCards(one)).toEqual([one]);
    const nested = first(`<div data-e2e="recommend-list-item-container"><article data-e2e="recommend-list-item-container"></article></div>`);
    expect(findFeedCards(nested)).toEqual([nested]);
    expect(findFeedCards(parse('<div class="css-x-DivItemContainer"></div>'))).toEqual([]);
  });

  it('reads the id from the player wrapper first, then a /video/ link, else null', () => {
    expect(itemIdOfCard(card())).toBe(ID);
    expect(itemIdOfCard(card({ id: null, extra: '<a href="/@brand/video/7400000000000000777?lang=en">v</a>' }))).toBe('7400000000000000777');
    expect(itemIdOfCard(card({ extra: '<a href="/@brand/video/7400000000000000777">v</a>' }))).toBe(ID);
    expect(itemIdOfCard(card({ id: null }))).toBeNull();
    expect(itemIdOfCard(first('<article><div id="xgwrapper-0-abc"></div><div id="xgwrapper-x-7400000000000000001"></div><a href="/video/12">x</a></article>'))).toBeNull();
    expect(itemIdOfCard(first('<article><div id="xgwrapper-4-7400000000000000002"></div></article>'))).toBe('7400000000000000002');
  });
});

describe('isAdCard and adLabelOf', () => {
  it('recognises the ad-tag hook and the ads CTA hook', () => {
    const tagged = card({ label: adTag('Sponsored'), cta: ctaButton() });
    expect(isAdCard(tagged)).toBe(true);
    expect(adLabelOf(tagged)).toBe('Sponsored');
    const ctaOnly = card({ cta: ctaButton('Learn more') });
    expect(isAdCard(ctaOnly)).toBe(true);
    expect(adLabelOf(ctaOnly)).toBeNull();
    expect(isAdCard(card({ label: '<div data-e2e="ad-tag"><svg aria-hidden="true"></svg></div>' }))).toBe(true);
  });

  const labels = Object.entries(AD_LABELS).flatMap(([lang, texts]) => texts.map((text) => [lang, text] as const));
  it.each(labels)('recognises the %s label "%s" by text alone, without any ad hook', (_lang, text) => {
    const c = card({ label: `<div class="css-q1w2e3-DivTag"><span>${text}</span></div>` });
    expect(isAdCard(c)).toBe(true);
    expect(adLabelOf(c)).toBe(text);
  });

  it('recognises labels split across spans, with invisible characters, odd case and spacing, or as an aria-label', () => {
    const variants = [
      '<div><span>Spon</span><span>so</span><span>red</span></div>',
      '<div><b>Gespon</b><i>sert</i><span class="css-dot"> · </span></div>',
      '<p>Được <span>tài</span> <span>trợ</span></p>',
      '<div><span>\u200BSPONSORED\u200F</span></div>',
      '<div>\u202Bممول\u202C</div>',
      '<div>  Sponsoris\u0065\u0301  </div>', // é decomposed: matched after NFC
      '<div>مُموَّل</div>',
      '<button aria-label="Publicité"><svg></svg></button>',
      '<div><span>Pa</span><span>tro</span><span>ci</span><span>nado</span><span>!</span></div>',
    ];
    for (const label of variants) expect([label, isAdCard(card({ label }))]).toEqual([label, true]);
  });

  it('never reads the caption, names, sound title, links or the Paid partnership tag as a label', () => {
    const organic = [
      card({ caption: 'Sponsored' }),
      card({ caption: '<span data-e2e="desc-span-1">Spon</span><span data-e2e="desc-span-2">sored</span>' }),
      card({ caption: 'SHOP NOW 🔥 #ad #sponsored link in bio' }),
      card({ author: 'Anzeige' }),
      card({ label: '<div data-e2e="sponsored-tag">Werbung</div>' }),
      card({ label: '<div data-e2e="sponsored-tag">Paid partnership</div>' }),
      card({ extra: '<a href="/tag/ad"><strong>Ad</strong></a>' }),
      card({ extra: '<div>Sponsored content by creators I love and more text</div>' }),
      card({ extra: '<div>Adventure</div><div>Sponsoring</div>' }),
    ];
    for (const c of organic) {
      expect(isAdCard(c)).toBe(false);
      expect(adLabelOf(c)).toBeNull();
      expect(sightingFromCard(c, '/foryou')).toBeNull();
    }
  });

  it('stays bounded on a deeply nested or huge card', () => {
    const deep = first(`<article data-e2e="recommend-list-item-container">${'<div>'.repeat(3000)}Sponsored${'</div>'.repeat(3000)}</article>`);
    expect(() => isAdCard(deep)).not.toThrow();
    const wide = first(`<article data-e2e="recommend-list-item-container">${'<span>x</span>'.repeat(20_000)}</article>`);
    const started = performance.now();
    expect(isAdCard(wide)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('sightingFromCard', () => {
  it('makes a dom sighting with author, caption and CTA text, and no landing URL when the CTA has no link', () => {
    expect(sightingFromCard(card({ label: adTag('Sponsored'), cta: ctaButton('Shop now') }), '/foryou')).toEqual({
      itemId: ID,
      author: 'brand.official',
      caption: 'Linen season ☀️',
      ctaText: 'Shop now',
      landingUrlRaw: '',
      landingUrl: '',
      adKind: 'unknown',
      source: 'dom',
      page: '/foryou',
    });
  });

  it('takes the landing URL from an href on the CTA, unwrapped, and ignores non-http ones', () => {
    const target = 'https://demo-store.myshopify.com/products/tee?utm_source=tiktok';
    const wrapped = `https://www.tiktok.com/link/v2?target=${encodeURIComponent(target)}`;
    const linked = card({ cta: `<a data-e2e="ttam-ads-cta" href="${wrapped.replace(/&/g, '&amp;')}">Shop now</a>` });
    expect(sightingFromCard(linked, '/foryou')).toMatchObject({ landingUrlRaw: wrapped, landingUrl: target, adKind: 'product-link' });
    const inner = card({ cta: `<div data-e2e="ttam-ads-cta"><a href="https://www.tiktok.com/view/product/1729384756102938475">Buy</a></div>` });
    expect(sightingFromCard(inner, '/')).toMatchObject({ adKind: 'tiktok-shop' });
    const script = card({ cta: '<a data-e2e="ttam-ads-cta" href="javascript:alert(1)">Go</a>' });
    expect(sightingFromCard(script, '/')).toMatchObject({ landingUrlRaw: '', landingUrl: '', adKind: 'unknown' });
  });

  it('falls back to the avatar link for the author when the handle hook is gone (2026 layout)', () => {
    const c = card({ label: adTag('Sponsored'), author: 'caf%C3%A9.shop' });
    c.querySelector('[data-e2e="video-author-uniqueid"]')!.remove();
    expect(sightingFromCard(c, '/')?.author).toBe('café.shop');
  });

  it('returns null for an ad card with no item id (the DOM cannot be matched to an item)', () => {
    const c = card({ id: null, label: adTag('Sponsored') });
    expect(isAdCard(c)).toBe(true);
    expect(sightingFromCard(c, '/foryou')).toBeNull();
  });

  it('keeps a hostile caption as inert text and runs nothing', () => {
    const w = window as unknown as { pwned?: number };
    delete w.pwned;
    const doc = parse(cardHtml({ label: adTag('Sponsored'), caption: '&lt;img src=x onerror="window.pwned=1"&gt; free stuff', extra: '<img src="x:" onerror="window.pwned=2"><script>window.pwned=3</script>' }));
    const [c] = findFeedCards(doc);
    const sighting = sightingFromCard(c!, '/foryou');
    expect(sighting?.caption).toBe('<img src=x onerror="window.pwned=1"> free stuff');
    expect(JSON.stringify(cardShape(c!))).not.toContain('pwned');
    expect(w.pwned).toBeUndefined();
  });
});

describe('cardShape', () => {
  it('keeps hooks, roles, enumerated aria and label texts; hides item ids and free-text aria', () => {
    const c = card({ label: adTag('Sponsored'), cta: ctaButton(), extra: '<div role="button" aria-pressed="false" aria-label="Follow brand.official">+</div>' });
    const shape = cardShape(c);
    expect(shape.hooks).toEqual(expect.arrayContaining(['ad-tag', 'ttam-ads-cta', 'video-desc', 'feed-video']));
    expect(shape.texts).toEqual(expect.arrayContaining(['Sponsored', 'Shop now', '225.5K']));
    const json = JSON.stringify(shape);
    expect(json).toContain('"xgwrapper-0-<id>"');
    expect(json).toContain('"aria-pressed":"false"');
    expect(json).toContain('"aria-label":"…"');
    for (const personal of [ID, 'brand.official', 'Linen season', '/@', 'original sound']) expect(json).not.toContain(personal);
  });

  it('is depth-limited and size-bounded', () => {
    const huge = first(`<article data-e2e="recommend-list-item-container">${'<div>'.repeat(200)}deep${'</div>'.repeat(200)}${'<span data-e2e="x">t</span>'.repeat(5000)}</article>`);
    const shape = cardShape(huge);
    expect(shape.truncated).toBe(true);
    expect(shape.nodes).toBeLessThanOrEqual(300);
    expect(JSON.stringify(shape).length).toBeLessThan(64 * 1024);
  });
});
