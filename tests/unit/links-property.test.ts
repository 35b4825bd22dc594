import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_HOPS, unwrapLandingUrl, unwrapLink } from '@/utils/tiktok/links';

// Properties of the landing-URL unwrapper (issue 3 § Tests): it never throws, it is idempotent,
// it only ever returns http(s) URLs (or a typed rejection), and it peels any nesting it accepts.

const landing = fc
  .record({
    host: fc.domain(),
    path: fc.array(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { maxLength: 4 }),
    query: fc.array(fc.tuple(fc.constantFrom('utm_source', 'utm_campaign', 'ttclid', 'gclid', 'variant', 'q', 'ref'), fc.string({ maxLength: 12 })), { maxLength: 5 }),
  })
  .map(({ host, path, query }) => {
    const url = new URL(`https://${host}/${path.join('/')}`);
    for (const [k, v] of query) url.searchParams.append(k, v);
    return url.href;
  });

type Wrap = (url: string) => string;
const wrappers: Wrap[] = [
  (u) => `https://www.tiktok.com/link/v2?aid=1988&scene=ad&target=${encodeURIComponent(u)}`,
  (u) => `https://www.tiktok.com/link/v2?target=${encodeURIComponent(encodeURIComponent(u))}`, // double-encoded
  (u) => `https://vm.tiktok.com/link/?url=${encodeURIComponent(u)}&x=1`,
  (u) => `http://tiktok.com/link/v1/?u=${encodeURIComponent(u)}`,
];
const wrapChain = fc.array(fc.integer({ min: 0, max: wrappers.length - 1 }), { maxLength: MAX_HOPS });
const wrapAll = (url: string, chain: number[]) => chain.reduce((u, i) => wrappers[i]!(u), url);

const anyInput = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.tuple(landing, wrapChain).map(([u, chain]) => wrapAll(u, chain)),
  fc.constantFrom('javascript:alert(1)', 'data:,x', 'https://www.tiktok.com/link/v2?target=javascript%3Aalert(1)', 'https://www.tiktok.com/link/v2?target=%E0%A4%A'),
);

describe('unwrapLandingUrl properties', () => {
  it('never throws, and returns an http(s) URL or null', () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const result = unwrapLandingUrl(raw);
        if (result) expect(new URL(result.url).protocol).toMatch(/^https?:$/);
        const typed = unwrapLink(raw);
        expect(typed.ok ? typed.link : null).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent: unwrapping the result again changes nothing', () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const once = unwrapLandingUrl(raw);
        if (!once) return;
        expect(unwrapLandingUrl(once.url)).toEqual({ ...once, hops: 0 });
      }),
      { numRuns: 2000 },
    );
  });

  it(`peels any chain of up to ${MAX_HOPS} nested or double-encoded TikTok wrappers`, () => {
    fc.assert(
      fc.property(landing, wrapChain, (url, chain) => {
        const result = unwrapLandingUrl(wrapAll(url, chain));
        expect(result?.url).toBe(url);
        expect(result?.hops).toBe(chain.length);
      }),
    );
  });

  it('refuses deeper nesting with a typed reason instead of half-unwrapping it', () => {
    fc.assert(
      fc.property(landing, fc.array(fc.integer({ min: 0, max: wrappers.length - 1 }), { minLength: MAX_HOPS + 1, maxLength: MAX_HOPS + 3 }), (url, chain) => {
        expect(unwrapLink(wrapAll(url, chain))).toEqual({ ok: false, reason: 'too-deep' });
      }),
    );
  });

  it('reports exactly the tracking parameters of the landing URL, separately', () => {
    fc.assert(
      fc.property(landing, wrapChain, (url, chain) => {
        const expected: Record<string, string> = {};
        for (const [k, v] of new URL(url).searchParams) if (/^(utm_|ttclid$|gclid$)/.test(k)) expected[k] = v;
        expect(unwrapLandingUrl(wrapAll(url, chain))?.tracking).toEqual(expected);
      }),
    );
  });

  it('detects unexpanded __MACRO__ placeholders wherever they are', () => {
    const macro = fc.stringMatching(/^__[A-Z]{1,8}(_[A-Z0-9]{1,6}){0,2}__$/);
    fc.assert(
      fc.property(landing, macro, wrapChain, (url, m, chain) => {
        const withMacro = `${url}${url.includes('?') ? '&' : '?'}utm_content=${m}`;
        expect(unwrapLandingUrl(wrapAll(withMacro, chain))?.macros).toContain(m);
      }),
    );
  });
});
