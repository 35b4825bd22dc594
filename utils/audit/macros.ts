/**
 * TikTok's URL macros in a landing URL (research/tiktok-web-feed.md §4): `__CAMPAIGN_NAME__`,
 * `__CID__`, … — double underscores outside, single ones inside. TikTok fills a macro only
 * when it is spelt exactly so; `__CAMPAIGN_NAME_` or `_CID_NAME__` reach the store (and the
 * campaign report) as typed. This finds well-formed macros, unknown ones, and misspellings.
 */

/** The macros TikTok documents for click URLs (ads.tiktok.com "supported macros"). */
export const TIKTOK_MACROS: ReadonlySet<string> = new Set([
  'CAMPAIGN_NAME',
  'CAMPAIGN_ID',
  'AID_NAME',
  'AID',
  'CID_NAME',
  'CID',
  'PLACEMENT',
  'CALLBACK_PARAM',
]);

export interface MacroFinding {
  /** The token as written. */
  text: string;
  /** The query parameter it sits in. */
  param: string;
  /** `ok`: TikTok fills it; `unknown`: well-formed but not a TikTok macro; `misspelt`: TikTok never fills it. */
  kind: 'ok' | 'unknown' | 'misspelt';
  /** For `misspelt`: the spelling TikTok expects. */
  suggestion: string | null;
}

const WELL_FORMED = /^__[A-Z0-9]+(?:_[A-Z0-9]+)*__$/;
/** A token that starts or ends with an underscore and looks like a macro name inside. */
const MACRO_LIKE = /^_*[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*_*$/;

function classify(token: string, param: string): MacroFinding | null {
  if (!token.startsWith('_') && !token.endsWith('_')) return null;
  if (!MACRO_LIKE.test(token)) return null;
  const core = token.replace(/^_+|_+$/g, '');
  if (WELL_FORMED.test(token)) return { text: token, param, kind: TIKTOK_MACROS.has(core) ? 'ok' : 'unknown', suggestion: null };
  // A lower-case "summer_sale_" is a value, not a macro; an upper-case or known name is a macro gone wrong.
  const upper = core.toUpperCase();
  if (core !== upper && !TIKTOK_MACROS.has(upper)) return null;
  return { text: token, param, kind: 'misspelt', suggestion: `__${upper}__` };
}

/** Every macro-like token in the URL's query values, in order. */
export function findMacros(url: string): MacroFinding[] {
  let query: URLSearchParams;
  try {
    query = new URL(url).searchParams;
  } catch {
    return [];
  }
  const found: MacroFinding[] = [];
  for (const [param, value] of query) {
    for (const token of value.split(/[^A-Za-z0-9_]+/)) {
      const finding = token ? classify(token, param) : null;
      if (finding) found.push(finding);
      if (found.length >= 32) return found;
    }
  }
  return found;
}
