/**
 * The redirect chain of a landing URL: the raw URL, then each TikTok wrapper's target, down to
 * the page (utils/tiktok/links.ts peels them all at once; the audit wants every step on record).
 */
import { MAX_HOPS, unwrapLandingUrl } from '../tiktok/links';
import { REDIRECT_PATHS, REDIRECT_TARGET_KEYS } from '../tiktok/signals';

function nextHop(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const tiktok = parsed.hostname === 'tiktok.com' || parsed.hostname.endsWith('.tiktok.com');
  if (!tiktok || !REDIRECT_PATHS.includes(parsed.pathname.replace(/\/$/, ''))) return null;
  for (const key of REDIRECT_TARGET_KEYS) {
    const target = decodeToUrl(parsed.searchParams.get(key) ?? '');
    if (target) return target;
  }
  return null;
}

/** A wrapper's target, percent-decoded until it is an http(s) URL (double-encoded targets occur). */
function decodeToUrl(value: string): string | null {
  let text = value.trim();
  for (let i = 0; text && i <= 3; i += 1) {
    try {
      const url = new URL(text);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch {
      // not a URL yet: decode once more
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return null;
    }
    if (decoded === text) return null;
    text = decoded;
  }
  return null;
}

/** `[raw, …, landing]`: one entry per wrapper peeled; `[raw]` when there is none. */
export function redirectChain(raw: string): string[] {
  const chain = [raw];
  for (let url = raw, hop = nextHop(url); hop !== null && chain.length <= MAX_HOPS; url = hop, hop = nextHop(url)) chain.push(hop);
  const landing = unwrapLandingUrl(raw)?.url;
  // The last step is the page as links.ts reads it (a double-encoded target decoded).
  if (landing && chain.at(-1) !== landing && chain.length > 1) chain[chain.length - 1] = landing;
  return chain;
}
