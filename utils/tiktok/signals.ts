/**
 * Every fact ScrollCart relies on about TikTok's web app, in one place: when TikTok
 * changes its site, this is the file that changes. Sources and confidence for each
 * entry: ../shared/research/tiktok-web-feed.md (section numbers in the comments).
 * Plain data only (no code runs at import), so the main-world tap can import it cheaply.
 */

/** Feed endpoints whose JSON carries items (§1, high unless noted). Matched as a path prefix, same origin only. */
export const FEED_ENDPOINTS: readonly string[] = [
  '/api/recommend/item_list/',
  '/api/following/item_list/',
  '/api/friends/item_list/', // plural: `friend/` does not occur in the bundle (§1)
  '/api/explore/item_list/',
  '/api/related/item_list/',
  '/api/post/item_list/', // also covers `/api/post/item_list/v1/`
  '/api/preload/item_list/',
  '/api/item/detail/',
  '/api/challenge/item_list/',
  '/api/music/item_list/',
  '/api/topic/item_list/',
  '/api/mix/item_list/',
  '/api/collection/item_list/',
  '/api/favorite/item_list/',
  '/api/user/collect/item_list/',
  '/api/poi/item_list/',
  '/api/question/item_list/',
  '/api/creator/item_list/',
  '/api/search/general/full/', // medium: named in the SDK path list, caller not in the bundle copy
  '/api/search/item/full/', // medium
];

/** Where a response keeps its items, as key paths ('*' = every element of an array). */
export const RESPONSE_ITEM_PATHS: readonly (readonly string[])[] = [
  ['itemList', '*'], // item_list endpoints (§1, high)
  ['itemInfo', 'itemStruct'], // /api/item/detail/ and the video page (§2, high)
  ['item_list', '*'], // search videos (low: scrapers only)
  ['data', '*', 'item'], // search "top" results (low: scrapers only)
];

/** The server-rendered JSON blob and where the items sit in it (§2). */
export const SSR_SCRIPT_ID = '__UNIVERSAL_DATA_FOR_REHYDRATION__';
/** The app merges the blob into this global and may remove the script after hydration (§2, low). */
export const SSR_GLOBAL = '__$UNIVERSAL_DATA$__';
export const SSR_SCOPE = '__DEFAULT_SCOPE__';
/** For You's first feed: an array of items (§2, high for the code path). */
export const SSR_ITEMS_KEY = 'webapp.updated-items';
/** A directly loaded video page: `[key].itemInfo.itemStruct` (§2, high). */
export const SSR_VIDEO_DETAIL_KEY = 'webapp.video-detail';
export const SSR_VIDEO_ITEM_PATH: readonly string[] = ['itemInfo', 'itemStruct'];
/** ≈2021-2023 shape: `SIGI_STATE.ItemModule` maps id → item (§2, medium; gone from live pages in 2026). */
export const LEGACY_SSR_SCRIPT_ID = 'SIGI_STATE';
export const LEGACY_SSR_GLOBAL = 'SIGI_STATE';
export const LEGACY_ITEM_MODULE = 'ItemModule';

/** The first For You page may come from this cache instead of a request (§2, high for keys and shape). */
export const PREFETCH_GLOBAL = '$PREFETCH_CACHE';
export const PREFETCH_KEYS: readonly string[] = ['recommendItemList', 'userPostList'];
/** An entry is `{ used: false, request: Promise }` until the app swaps it for `{ used: true, result }` (§2). */
export const PREFETCH_REQUEST = 'request';
export const PREFETCH_RESULT = 'result';

/** Item id fields: the web API's `id` (§3.1), the app family's `aweme_id` (Douyin sample, §3.3, low for web). */
export const ITEM_ID_FIELDS: readonly string[] = ['id', 'aweme_id'];
/**
 * Objects that mark a paid ad (§3.3): the web's `ad_info` (high), and the app family's
 * `raw_ad_data` (Douyin sample; not seen on web, accepted so an app-shaped payload is not missed).
 */
export const AD_INFO_FIELDS: readonly string[] = ['ad_info', 'raw_ad_data'];
/** `isTT4BAds === true` (high) or `isAd === true` (medium) also mark a paid ad (§3.3). */
export const AD_FLAG_FIELDS: readonly string[] = ['isTT4BAds', 'isAd'];
/** Fields inside the ad object: the landing URL (§4, high) and the CTA text (app family, low for web). */
export const AD_LANDING_FIELD = 'web_url';
export const AD_CTA_FIELD = 'button_text';
/** Item text fields (§3.1). Branded/commerce fields (`adLabelVersion`, `brandOrganicType`, `isECVideo`, anchors) are deliberately absent: not ads (§3.3). */
export const ITEM_CAPTION_FIELD = 'desc';
export const ITEM_AUTHOR_FIELD = 'author';
export const AUTHOR_HANDLE_FIELDS: readonly string[] = ['uniqueId', 'unique_id'];

/** Feed card DOM hooks (§5). Never class names: they are hashed per build. */
export const SELECTORS = {
  /** The card (§5, medium): `article` now, `div` in 2022; the 2025 layout's article under the column list. */
  card: '[data-e2e="recommend-list-item-container"], #column-list-container > article[data-scroll-index]',
  playerWrapper: '[id^="xgwrapper-"]',
  videoLink: 'a[href*="/video/"]',
  /** Ad hooks (§5, medium); `feed-ad` was seen once (low). */
  adLabel: '[data-e2e="ad-tag"]',
  adCta: '[data-e2e="ttam-ads-cta"]',
  adOther: '[data-e2e="feed-ad"]',
  authorHandle: '[data-e2e="video-author-uniqueid"]',
  authorLink: '[data-e2e="video-author-avatar"][href^="/@"], a[href^="/@"]',
  caption: '[data-e2e="video-desc"]',
} as const;

/**
 * Subtrees whose text is never read as an ad label: the caption and its hashtag links, names,
 * the sound title (all written by users, §5), and `sponsored-tag`, which is the creator's
 * "Paid partnership" disclosure, branded rather than paid (§5, low: treat as branded).
 */
export const NOT_A_LABEL =
  '[data-e2e="video-desc"], [data-e2e^="desc-span"], [data-e2e="browse-video-desc"], [data-e2e="search-common-link"], ' +
  '[data-e2e="video-author-uniqueid"], [data-e2e="video-author-nickname"], [data-e2e="browse-username"], ' +
  '[data-e2e="video-author-avatar"], [data-e2e="video-music"], [data-e2e="sponsored-tag"], a[href^="/@"], a[href^="/tag/"], ' +
  'script, style, template, noscript, textarea, [contenteditable]';

/** A TikTok item id as ScrollCart keeps it: decimal digits (a 64-bit snowflake today; room for growth). */
export const ITEM_ID_PATTERN = /^\d{1,25}$/;

/** `xgwrapper-<slot>-<itemId>`: ties a card to its JSON item (§5, medium-high). */
export const PLAYER_WRAPPER_ID = /^xgwrapper-\d+-(\d{6,25})$/;
export const VIDEO_LINK_ID = /\/video\/(\d{6,25})(?:[/?#]|$)/;

/**
 * The ad label as rendered, per locale (§5 table). Matched whole (never as a substring) on
 * normalised text outside NOT_A_LABEL. Confidence: en "Sponsored" and vi medium; es, pt low;
 * the rest unverified (generic social-ad lists), so a live capture per locale should confirm them.
 */
export const AD_LABELS: Readonly<Record<string, readonly string[]>> = {
  en: ['Sponsored', 'Ad'], // "Ad": unverified short form
  ar: ['ممول', 'مُموَّل', 'إعلان'], // unverified
  fr: ['Sponsorisé', 'Publicité'], // unverified
  es: ['Patrocinado', 'Publicidad', 'Anuncio'], // low
  de: ['Gesponsert', 'Anzeige', 'Werbung'], // unverified ("Werbung" was seen on sponsored-tag, which is excluded above)
  pt: ['Patrocinado', 'Publicidade', 'Anúncio'], // low
  vi: ['Được tài trợ', 'Quảng cáo'], // medium / unverified
  id: ['Bersponsor', 'Iklan'], // unverified
  ja: ['広告', 'スポンサー'], // unverified
  zh: ['广告', '廣告'], // app-side: Douyin sample `label.text` (§3.3, low for web)
  it: ['Sponsorizzato'], // unverified
  tr: ['Sponsorlu', 'Reklam'], // unverified
  ru: ['Реклама'], // unverified
  ko: ['광고'], // unverified
  th: ['ได้รับการสนับสนุน', 'โฆษณา'], // unverified
};

/**
 * Hosts a feed card's `window.open` reaches that are TikTok's own UI, not an ad's landing page:
 * the share menu's targets and TikTok itself (a TikTok Shop URL is still accepted). Inferred
 * from the share menu, low; used only to keep the click fallback from calling these ads.
 */
export const NOT_LANDING_HOSTS: readonly string[] = [
  'tiktok.com', 'facebook.com', 'twitter.com', 'x.com', 'whatsapp.com', 'linkedin.com', 'reddit.com',
  'telegram.me', 't.me', 'wa.me', 'pinterest.com', 'line.me', 'messenger.com',
];

/** Hosts of TikTok's own shop: an ad that lands there is a TikTok Shop ad, not a Shopify one (§7). */
export const TIKTOK_SHOP_HOSTS: readonly string[] = ['www.tiktok.com', 'shop.tiktok.com', 'tiktok.com'];
export const TIKTOK_SHOP_PATHS: readonly RegExp[] = [/^\/view\/product\/\d+/, /^\/shop\/pdp\//, /^\/[a-z]{2}\/pdp\//];

/** TikTok's redirect wrapper and the query keys that may hold the target (§4, DESIGN.md). */
export const REDIRECT_PATHS: readonly string[] = ['/link/v2', '/link/v1', '/link'];
export const REDIRECT_TARGET_KEYS: readonly string[] = ['target', 'url', 'u'];
/** Click ids and campaign tags set aside for audits (§4: `ttclid`, `utm_*`; the rest are other networks'). */
export const TRACKING_PARAM = /^(utm_[a-z0-9_]+|ttclid|gclid|gbraid|wbraid|dclid|fbclid|msclkid|twclid|li_fat_id|igshid|yclid|mc_cid|mc_eid|_gl)$/i;
/** An advertiser macro TikTok did not expand: `__CAMPAIGN_NAME__`, `__CID__` … (§4, medium). */
export const UNEXPANDED_MACRO = /__[A-Z0-9]+(?:_[A-Z0-9]+)*__/g;
