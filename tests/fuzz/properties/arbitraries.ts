/**
 * Generators shared by the fuzz properties: hostile text, URL-ish strings near the shapes the
 * parsers care about, and arbitrary JSON. Biased towards the edges (payloads, control and
 * bidi characters, lone surrogates, odd hosts) rather than uniform noise, which rarely gets
 * past the first check of a parser.
 */
import fc from 'fast-check';

/** Script, markup and style payloads a page or a store could put in any text it controls. */
export const PAYLOADS: readonly string[] = [
  '<img src=x onerror="window.__scPwned=true">',
  '"><svg onload=window.__scPwned=true>',
  '<script>window.__scPwned=true</script>',
  'javascript:window.__scPwned=true',
  "</style><style>*{display:none!important}</style>",
  '<style>@import url(https://evil.example/x.css)</style>',
  'x" style="position:fixed;inset:0;background:url(https://evil.example/)',
  '\u202Egnp.exe\u202C',
  '\u2066\u2067\u2068\u2069\u200E\u200F',
  '{{constructor.constructor("window.__scPwned=true")()}}',
  '=HYPERLINK("https://evil.example","x")',
  '__proto__',
  'constructor',
  '\u0000\u0007\u001B[31m',
  '\uD800',
  '\uDFFF\uD800',
];

/** Any UTF-16 code unit, lone surrogates included: what a page's JSON can really carry. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

export const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 10 })).map(([p, s]) => `${s}${p}${s}`) },
);

/** Host names near the guard's edges: public, myshopify, TikTok, IP spellings, local names, IDN. */
export const hostish = fc.oneof(
  fc.domain(),
  fc.constantFrom(
    'demo-store.myshopify.com',
    'shop.example-brand.com',
    'www.tiktok.com',
    'tiktok.com',
    'vm.tiktok.com',
    'localhost',
    '127.0.0.1',
    '2130706433',
    '0x7f.1',
    '[::1]',
    '169.254.169.254',
    'metadata.google.internal',
    'router.lan',
    '127.0.0.1.nip.io',
    'shop.example.com.',
    'xn--bcher-kva.example',
    'bücher.example',
    'ＥＸＡＭＰＬＥ.com',
    'a..b',
    '-bad-.com',
    'user:pw@shop.example.com',
    'shop.example.com:8443',
  ),
);

/** encodeURIComponent, but a lone surrogate (which it refuses) stays raw: the URL parser gets it as it comes. */
export function encodeLoose(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

const pathSegment = fc.oneof(
  fc.constantFrom('products', 'collections', 'cart', 'pages', 'en-ca', 'fr', 'zh-hant', 'es-419', 'en-CA', 'x', '..', '.', '%2e%2e', '%2F', 'cart.js', 'meta.json'),
  fc.stringMatching(/^[a-z0-9-]{1,16}$/),
  fc.string({ maxLength: 12 }).map(encodeLoose),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(...PAYLOADS).map(encodeLoose),
);

/** URL-shaped strings, most of them parseable, many of them Shopify product URLs. */
export const urlish = fc.oneof(
  { weight: 4, arbitrary: fc
      .record({
        scheme: fc.constantFrom('https://', 'https://', 'https://', 'http://', 'HTTPS://', 'javascript:', 'data:', 'ftp://', '//', ''),
        host: hostish,
        path: fc.array(pathSegment, { maxLength: 5 }),
        query: fc.array(fc.tuple(fc.constantFrom('variant', 'utm_source', 'utm_campaign', 'ttclid', 'target', 'url', 'q'), fc.string({ maxLength: 12 })), { maxLength: 3 }),
        hash: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
      })
      .map(({ scheme, host, path, query, hash }) => {
        const q = query.map(([k, v]) => `${k}=${encodeLoose(v)}`).join('&');
        return `${scheme}${host}/${path.join('/')}${q ? `?${q}` : ''}${hash !== undefined ? `#${hash}` : ''}`;
      }) },
  { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  { weight: 1, arbitrary: hostileText },
);

/** Arbitrary JSON values, as `JSON.parse` of a page's or a store's body can give. */
export const anyJson = fc.jsonValue({ maxDepth: 4 });

/** JSON-like values with the nasty keys a prototype-pollution attempt uses. */
export const nastyObject = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'ad_info', 'desc'), anyJson, { maxKeys: 4 });
