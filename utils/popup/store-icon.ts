/**
 * A store's icon in the popup, without ScrollCart fetching anything from the store: the
 * browser's own favicon cache where it offers one to extensions (Chrome's `_favicon` with the
 * "favicon" permission, https://developer.chrome.com/docs/extensions/how-to/ui/favicons),
 * otherwise a monogram of the store's name. Firefox has no such cache API: always the monogram.
 */

/** A page the browser has never shown (.invalid never resolves, RFC 2606): its icon is the browser's generic one. */
export const NEVER_VISITED_PAGE = 'https://scrollcart.invalid/';

/** Chrome's favicon URL for a page, served from the browser's cache (never from the network). */
export function faviconUrl(extensionOrigin: string, pageUrl: string, size = 32): string {
  const base = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  return `${base}_favicon/?pageUrl=${encodeURIComponent(pageUrl)}&size=${size}`;
}

/** The first letter (a whole grapheme: accents, CJK, emoji) of the store's name, upper-cased; its host's without `www.`. */
export function storeMonogram(label: string): string {
  const text = label.trim().replace(/^www\./i, '');
  const first = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)[Symbol.iterator]().next().value?.segment ?? '?';
  return first.toLocaleUpperCase();
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export interface FaviconCacheDeps {
  /** The browser offers its favicon cache (Chrome with the "favicon" permission). */
  available: boolean;
  extensionOrigin: string;
  /** Reads one of our own `_favicon` URLs (an extension-internal resource, no network). */
  read(url: string): Promise<Uint8Array | null>;
}

/**
 * `cachedFavicon(host)`: the `_favicon` URL of the store's front page if the browser has its
 * icon, else null. Chrome answers an uncached page with its generic globe rather than an
 * error, so an icon equal to the never-visited page's is treated as none.
 */
export function cachedFaviconReader(deps: FaviconCacheDeps): (host: string) => Promise<string | null> {
  let generic: Promise<Uint8Array | null> | undefined;
  return async (host) => {
    if (!deps.available) return null;
    generic ??= deps.read(faviconUrl(deps.extensionOrigin, NEVER_VISITED_PAGE));
    const url = faviconUrl(deps.extensionOrigin, `https://${host}/`);
    const [icon, fallback] = await Promise.all([deps.read(url), generic]);
    return icon && icon.length > 0 && fallback && !sameBytes(icon, fallback) ? url : null;
  };
}
