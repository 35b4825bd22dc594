import { describe, expect, it } from 'vitest';
import { captionPrice } from '@/utils/audit/checks/caption-price';
import { clickId } from '@/utils/audit/checks/click-id';
import { linkResolves } from '@/utils/audit/checks/link-resolves';
import { productPage } from '@/utils/audit/checks/product-page';
import { storeOpen } from '@/utils/audit/checks/store-open';
import { utmTags } from '@/utils/audit/checks/utm-tags';
import { variantInStock } from '@/utils/audit/checks/variant-in-stock';
import { runChecks } from '@/utils/audit/run';
import type { AuditCheck, CheckInput } from '@/utils/audit/types';
import { failed, HOST, inputFor, landing, product } from './audit-fixtures';

const PRODUCT = landing('/products/canvas-sneaker', 'variant=201&utm_source=tiktok&utm_medium=paid&utm_campaign=__CAMPAIGN_NAME__&ttclid=abc');
const run = (check: AuditCheck, input: CheckInput) => check.run(input);

describe('link_resolves', () => {
  it('passes with the redirect chain when a TikTok wrapper leads to the store', () => {
    const wrapped = `https://www.tiktok.com/link/v2?aid=1988&target=${encodeURIComponent(PRODUCT)}`;
    const result = run(linkResolves, inputFor(wrapped));
    expect(result.verdict).toBe('pass');
    expect(result.reason).toEqual({ key: 'dash_reason_link_resolves', args: ['1', HOST] });
    expect(result.evidence.map((e) => e.value)).toEqual([wrapped, PRODUCT]);
  });
  it('fails on a link no browser can open, and warns while the store is unreachable or not looked up', () => {
    expect(run(linkResolves, inputFor('javascript:alert(1)')).verdict).toBe('fail');
    expect(run(linkResolves, inputFor('http://audit-outfitters.myshopify.com/products/x')).verdict).toBe('fail');
    expect(run(linkResolves, inputFor(PRODUCT, failed('network'))).verdict).toBe('warn');
    expect(run(linkResolves, inputFor(PRODUCT, null)).reason.key).toBe('dash_reason_not_looked_up');
  });
  it('passes when the store answered, even with a 404 (product_page owns that failure)', () => {
    expect(run(linkResolves, inputFor(PRODUCT, failed('not-found'))).verdict).toBe('pass');
  });
});

describe('product_page', () => {
  it('passes on a product the store serves', () => {
    expect(run(productPage, inputFor(PRODUCT))).toMatchObject({ verdict: 'pass', reason: { key: 'dash_reason_product_page', args: ['Canvas Sneaker'] } });
  });
  it('fails on a 404, the home page and a collection', () => {
    expect(run(productPage, inputFor(landing('/products/trail-lantern'), failed('not-found')))).toMatchObject({
      verdict: 'fail',
      reason: { key: 'dash_reason_product_404', args: ['trail-lantern'] },
    });
    expect(run(productPage, inputFor(landing('/'))).reason).toEqual({ key: 'dash_reason_lands_on_page', args: [{ key: 'dash_page_home' }] });
    expect(run(productPage, inputFor(landing('/collections/summer'))).reason.args).toEqual([{ key: 'dash_page_collection' }]);
    expect(run(productPage, inputFor(landing('/collections/summer'))).verdict).toBe('fail');
  });
  it('warns when the lookup failed for a reason that says nothing about the page', () => {
    expect(run(productPage, inputFor(PRODUCT, failed('blocked')))).toMatchObject({ verdict: 'warn', reason: { args: [{ key: 'lookup_blocked' }] } });
  });
});

describe('variant_in_stock', () => {
  it('passes when the advertised variant is in stock', () => {
    expect(run(variantInStock, inputFor(landing('/products/canvas-sneaker', 'variant=201')))).toMatchObject({ verdict: 'pass', reason: { args: ['White / 8'] } });
  });
  it('fails when it is sold out, or not a variant of the product', () => {
    expect(run(variantInStock, inputFor(landing('/products/canvas-sneaker', 'variant=202')))).toMatchObject({
      verdict: 'fail',
      reason: { key: 'dash_reason_variant_sold_out', args: ['White / 9'] },
    });
    expect(run(variantInStock, inputFor(landing('/products/canvas-sneaker', 'variant=999'))).reason.key).toBe('dash_reason_variant_missing');
  });
  it('without a variant in the link: passes if any is in stock, fails if all are sold out', () => {
    expect(run(variantInStock, inputFor(landing('/products/canvas-sneaker', ''))).verdict).toBe('pass');
    const soldOut = product({ variants: product().variants.map((v) => ({ ...v, available: false })) });
    expect(run(variantInStock, inputFor(landing('/products/canvas-sneaker', ''), soldOut)).reason.key).toBe('dash_reason_all_sold_out');
  });
  it('names a single-variant product by its title, not "Default Title"', () => {
    const single = product({ variants: [{ ...product().variants[0]!, id: 5 as never, title: 'Default Title', available: false }] });
    expect(run(variantInStock, inputFor(landing('/products/canvas-sneaker', 'variant=5'), single)).reason.args).toEqual(['Canvas Sneaker']);
  });
  it('warns when there is no product to check', () => {
    expect(run(variantInStock, inputFor(landing('/products/x', 'variant=1'), failed('not-found'))).verdict).toBe('warn');
    expect(run(variantInStock, inputFor(landing('/collections/summer'))).reason.key).toBe('dash_reason_not_product_page');
  });
});

describe('caption_price', () => {
  const at = (caption: string, url = landing('/products/canvas-sneaker', 'variant=201'), row = product()) => run(captionPrice, inputFor(url, row, caption));
  it('passes when the caption states the store price, in any format', () => {
    for (const caption of ['Sneakers $59', 'Sneakers 59.00 USD', 'سعر ٥٩٫٠٠ US$', 'USD 59', 'only 59,00 $']) expect(at(caption).verdict, caption).toBe('pass');
  });
  it('passes when the caption states no price', () => {
    expect(at('Fresh kicks for summer 👟 40% off').reason.key).toBe('dash_reason_no_caption_price');
  });
  it('fails on a different price and names both', () => {
    const result = at('Sneakers now only $39.99');
    expect(result).toMatchObject({ verdict: 'fail', reason: { key: 'dash_reason_price_differs', args: ['$39.99', '$59.00'] } });
  });
  it('warns on a rounded price and on a price in another currency', () => {
    const cents = product({ variants: [{ ...product().variants[0]!, price: 5899 }] });
    expect(at('Sneakers $59', undefined, cents).reason.key).toBe('dash_reason_price_rounded');
    expect(at('Sneakers 59 €').reason.key).toBe('dash_reason_price_other_currency');
  });
  it('compares JPY and KWD in their own minor units', () => {
    const jpy = product({ currency: 'JPY', variants: [{ ...product().variants[0]!, price: 1000 }] });
    expect(at('抹茶 ¥1,000', landing('/products/canvas-sneaker', 'variant=201'), jpy).verdict).toBe('pass');
    const kwd = product({ currency: 'KWD', variants: [{ ...product().variants[0]!, price: 3500 }] });
    expect(at('فقط ٣٫٥٠٠ د.ك', landing('/products/canvas-sneaker', 'variant=201'), kwd).verdict).toBe('pass');
  });
  it('without a variant in the link, any variant price may match', () => {
    const two = product({ variants: [{ ...product().variants[0]!, price: 4800 }, { ...product().variants[1]!, price: 5900 }] });
    expect(at('from $59', landing('/products/canvas-sneaker', ''), two).verdict).toBe('pass');
    expect(at('from $59', landing('/products/canvas-sneaker', 'variant=201'), two).verdict).toBe('fail');
  });
});

describe('utm_tags', () => {
  it('passes with complete UTM tags and well-spelt macros', () => {
    expect(run(utmTags, inputFor(PRODUCT)).verdict).toBe('pass');
  });
  it('fails without UTM tags', () => {
    expect(run(utmTags, inputFor(landing('/products/canvas-sneaker', 'ttclid=1'))).reason.key).toBe('dash_reason_no_utm');
  });
  it('fails on single-underscore macro typos at either end, and names the right spelling', () => {
    const typo = landing('/products/canvas-sneaker', 'utm_source=tiktok&utm_medium=paid&utm_campaign=__CAMPAIGN_NAME_&utm_content=_CID_NAME__');
    const result = run(utmTags, inputFor(typo));
    expect(result).toMatchObject({ verdict: 'fail', reason: { key: 'dash_reason_macro_misspelt', args: ['__CAMPAIGN_NAME_, _CID_NAME__', '__CAMPAIGN_NAME__, __CID_NAME__'] } });
    expect(result.evidence[0]!.value).toBe('utm_campaign: __CAMPAIGN_NAME_ → __CAMPAIGN_NAME__');
  });
  it('warns on incomplete tags and on unknown macros, not on plain values with underscores', () => {
    expect(run(utmTags, inputFor(landing('/products/x', 'utm_source=tiktok'))).reason).toEqual({ key: 'dash_reason_utm_incomplete', args: ['utm_medium, utm_campaign'] });
    expect(run(utmTags, inputFor(landing('/products/x', 'utm_source=tiktok&utm_medium=paid&utm_campaign=__SUMMER__'))).reason.key).toBe('dash_reason_macro_unknown');
    expect(run(utmTags, inputFor(landing('/products/x', 'utm_source=tiktok&utm_medium=paid&utm_campaign=summer_sale_'))).verdict).toBe('pass');
  });
});

describe('click_id', () => {
  it('passes with a ttclid, warns without one or with an empty one', () => {
    expect(run(clickId, inputFor(PRODUCT)).verdict).toBe('pass');
    expect(run(clickId, inputFor(landing('/products/x', 'utm_source=tiktok'))).reason.key).toBe('dash_reason_no_click_id');
    expect(run(clickId, inputFor(landing('/products/x', 'ttclid='))).reason.key).toBe('dash_reason_click_id_empty');
    expect(run(clickId, inputFor(landing('/products/x', 'ttclid=__CLICKID__'))).verdict).toBe('warn');
  });
});

describe('store_open', () => {
  it('fails on a password-protected store and passes on an open one', () => {
    expect(run(storeOpen, inputFor(PRODUCT, failed('password-protected'))).verdict).toBe('fail');
    expect(run(storeOpen, inputFor(PRODUCT)).verdict).toBe('pass');
    expect(run(storeOpen, inputFor(PRODUCT, failed('not-found'))).verdict).toBe('pass');
    expect(run(storeOpen, inputFor(PRODUCT, failed('network'))).verdict).toBe('warn');
  });
});

describe('runChecks', () => {
  it('runs every registered check, and turns a throwing check into a failed result', () => {
    expect(runChecks(inputFor(PRODUCT)).map((r) => r.verdict)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    const broken: AuditCheck = { id: 'broken', title: 'dash_check_broken', run: () => { throw new Error('boom'); } };
    expect(runChecks(inputFor(PRODUCT), [broken])).toEqual([{ id: 'broken', verdict: 'fail', reason: { key: 'dash_reason_check_crashed', args: ['boom'] }, evidence: [] }]);
  });
});

describe('link_resolves on a page that is not a product', () => {
  it('passes on the URL alone and says the page itself was not looked up', () => {
    expect(linkResolves.run(inputFor(landing('/collections/summer'), null)).reason).toEqual({ key: 'dash_reason_link_unwraps', args: ['0', HOST] });
  });
});
