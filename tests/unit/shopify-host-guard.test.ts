import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fetchStoreJson } from '@/utils/shopify/fetch-json';
import { isPublicStoreHost } from '@/utils/shopify/product-url';
import { checkStoreHost, checkStoreUrl, type StoreUrlRefusal } from '@/utils/shopify/store-host-guard';

// Every spelling an attacker (a page, a landing URL, a store's redirect) could use to reach
// the user's own machine or network, with the reason the guard must give.
const HOSTILE: [string, StoreUrlRefusal][] = [
  ['http://demo-store.myshopify.com/products/x.js', 'not-https'],
  ['javascript:alert(1)', 'not-https'],
  ['data:application/json,{}', 'not-https'],
  ['file:///etc/passwd', 'not-https'],
  ['ftp://demo-store.myshopify.com/', 'not-https'],
  ['not a url', 'not-a-url'],
  ['https://', 'not-a-url'],
  ['https://user:pass@demo-store.myshopify.com/', 'userinfo'],
  ['https://demo-store.myshopify.com@127.0.0.1/', 'userinfo'],
  ['https://demo-store.myshopify.com:8443/', 'port'],
  ['https://demo-store.myshopify.com:80/', 'port'],
  ['https://127.0.0.1/', 'ip-literal'],
  ['https://2130706433/', 'ip-literal'],
  ['https://0177.0.0.1/', 'ip-literal'],
  ['https://0x7f.1/', 'ip-literal'],
  ['https://0x7f000001/', 'ip-literal'],
  ['https://127.1/', 'ip-literal'],
  ['https://0/', 'ip-literal'],
  ['https://10.0.0.1/', 'ip-literal'],
  ['https://192.168.1.1/', 'ip-literal'],
  ['https://169.254.169.254/latest/meta-data/', 'ip-literal'],
  ['https://100.64.0.1/', 'ip-literal'],
  ['https://8.8.8.8/', 'ip-literal'],
  ['https://1.1.1.1./', 'ip-literal'],
  ['https://%31%32%37.0.0.1/', 'ip-literal'],
  ['https://１２７.０.０.１/', 'ip-literal'],
  ['https://127。0。0。1/', 'ip-literal'],
  ['https://[::1]/', 'ip-literal'],
  ['https://[::]/', 'ip-literal'],
  ['https://[::ffff:127.0.0.1]/', 'ip-literal'],
  ['https://[0:0:0:0:0:ffff:7f00:1]/', 'ip-literal'],
  ['https://[fe80::1]/', 'ip-literal'],
  ['https://[fd00::1]/', 'ip-literal'],
  ['https://127.0.0.1.nip.io/', 'ip-literal'],
  ['https://10-0-0-1.sslip.io/', 'ip-literal'],
  ['https://app.localtest.me/', 'ip-literal'],
  ['https://shop.lvh.me/', 'ip-literal'],
  ['https://localhost/', 'local-name'],
  ['https://LOCALHOST/', 'local-name'],
  ['https://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/', 'local-name'],
  ['https://shop.localhost/', 'local-name'],
  ['https://printer.local/', 'local-name'],
  ['https://db.internal/', 'local-name'],
  ['https://nas.lan/', 'local-name'],
  ['https://nas.home.arpa/', 'local-name'],
  ['https://1.0.0.127.in-addr.arpa/', 'local-name'],
  ['https://router.localdomain/', 'local-name'],
  ['https://intranet/', 'local-name'],
  ['https://nas/', 'single-label'],
  ['https://shop/', 'single-label'],
  ['https://localhost./', 'trailing-dot'],
  ['https://localhost%2e/', 'trailing-dot'],
  ['https://demo-store.myshopify.com./', 'trailing-dot'],
  ['https://a_b.com/', 'bad-host'],
  ['https://-shop.com/', 'bad-host'],
  ['https://shop..com/', 'bad-host'],
  [`https://${'a'.repeat(64)}.com/`, 'bad-host'],
];

const ACCEPTED = [
  'https://demo-store.myshopify.com/products/x.js',
  'https://shop.example-brand.com/en-ca/cart.js',
  'https://www.other-store.example/meta.json',
  'https://davidan.md/products/kurtos-cu-scor%C8%9Bi%C8%99oara',
  'https://DEMO-store.MyShopify.com:443/products/x',
  // An IDN look-alike of localhost is some other public name, in punycode.
  'https://lоcalhost.com/',
  'https://xn--80ak6aa92e.com/',
  'https://shop.1-800-flowers.com/',
  // Empty userinfo is dropped by the parser: nothing is sent with the request.
  'https://:@demo-store.myshopify.com/',
];

describe('SSRF guard', () => {
  it.each(HOSTILE)('refuses %s (%s)', (url, reason) => {
    const checked = checkStoreUrl(url);
    expect(checked).toMatchObject({ ok: false, reason });
    if (!checked.ok) expect(checked.detail.length).toBeGreaterThan(5);
  });

  it.each(ACCEPTED)('accepts %s', (url) => {
    expect(checkStoreUrl(url).ok).toBe(true);
  });

  it('checks bare hosts only in canonical form, so a rewritten spelling is refused, not mapped', () => {
    expect(checkStoreHost('demo-store.myshopify.com')).toEqual({ ok: true, host: 'demo-store.myshopify.com' });
    for (const host of ['2130706433', '0x7f.1', 'SHOP.com', 'shop.com:8443', 'a@b.com', 'shop.com/x', '[::1]', 'shop.com.', '', 'ⓛⓞⓒⓐⓛⓗⓞⓢⓣ.com']) {
      expect(checkStoreHost(host).ok, host).toBe(false);
    }
    expect(isPublicStoreHost('shop.example-brand.com')).toBe(true);
    expect(isPublicStoreHost('127.0.0.1')).toBe(false);
  });

  it('never throws and never lets a loopback or private IPv4 through, whatever the string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const checked = checkStoreUrl(s);
        if (checked.ok) expect(checked.url.protocol).toBe('https:');
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom('dec', 'hex', 'quad'), (n, form) => {
        const quad = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
        const host = form === 'dec' ? String(n) : form === 'hex' ? `0x${n.toString(16)}` : quad;
        expect(checkStoreUrl(`https://${host}/`)).toMatchObject({ ok: false, reason: 'ip-literal' });
      }),
    );
  });

  it('is enforced by fetchStoreJson itself: nothing is sent for a refused URL or a path ScrollCart never builds', async () => {
    const sent: string[] = [];
    const spy = (async (input: RequestInfo | URL) => {
      sent.push(String(input));
      return new Response('{}');
    }) as typeof fetch;
    const deps = { fetch: spy, timeoutMs: 100, maxBytes: 1000 };
    for (const [url] of HOSTILE) expect(await fetchStoreJson(url, deps)).toMatchObject({ ok: false, status: 'blocked' });
    for (const path of ['/admin/api/orders.json', '/products/x.js?page=2', '/cart/add.js', '/en-ca/meta.json', '/products/a/b.js', '/account', '/products/x.js#f']) {
      expect(await fetchStoreJson(`https://demo-store.myshopify.com${path}`, deps), path).toMatchObject({ ok: false, status: 'blocked' });
    }
    expect(sent).toEqual([]);
  });
});
