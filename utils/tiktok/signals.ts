/**
 * Every fact ScrollCart relies on about TikTok's web app, in one place: when TikTok
 * changes its site, this is the file that changes. Sources and confidence for each
 * entry: ../shared/research/tiktok-web-feed.md (section numbers in the comments).
 */

/** Feed endpoints whose JSON carries `itemList` (§1). Matched on the URL path. */
export const FEED_ENDPOINTS: readonly string[] = [
  '/api/recommend/item_list/',
  '/api/following/item_list/',
  '/api/friends/item_list/',
  '/api/explore/item_list/',
  '/api/related/item_list/',
  '/api/post/item_list/',
  '/api/preload/item_list/',
  '/api/item/detail/',
  '/api/challenge/item_list/',
  '/api/music/item_list/',
  '/api/search/general/full/',
  '/api/search/item/full/',
];

/** The server-rendered JSON blob and where the items sit in it (§2). */
export const SSR_SCRIPT_ID = '__UNIVERSAL_DATA_FOR_REHYDRATION__';
export const SSR_SCOPE = '__DEFAULT_SCOPE__';
export const SSR_ITEMS_KEY = 'webapp.updated-items';
export const LEGACY_SSR_SCRIPT_ID = 'SIGI_STATE';

/** The first For You page may come from this cache instead of a request (§2). */
export const PREFETCH_GLOBAL = '$PREFETCH_CACHE';
export const PREFETCH_KEYS: readonly string[] = ['recommendItemList', 'userPostList'];

/** Item fields that mark a paid ad impression (§3.3): any one of them. */
export const AD_INFO_FIELD = 'ad_info';
export const AD_FLAG_FIELDS: readonly string[] = ['isTT4BAds', 'isAd'];

/** Feed card DOM hooks (§5). Never class names: they are hashed per build. */
export const SELECTORS = {
  card: '[data-e2e="recommend-list-item-container"]',
  playerWrapper: '[id^="xgwrapper-"]',
  adLabel: '[data-e2e="ad-tag"]',
  adCta: '[data-e2e="ttam-ads-cta"]',
  author: '[data-e2e="video-author-uniqueid"]',
  caption: '[data-e2e="video-desc"]',
} as const;

/** `xgwrapper-<slot>-<itemId>`: ties a card to its JSON item (§5). */
export const PLAYER_WRAPPER_ID = /^xgwrapper-\d+-(\d{6,25})$/;

/** Hosts of TikTok's own shop: an ad that lands there is a TikTok Shop ad, not a Shopify one (§7). */
export const TIKTOK_SHOP_HOSTS: readonly string[] = ['www.tiktok.com', 'shop.tiktok.com', 'tiktok.com'];
export const TIKTOK_SHOP_PATHS: readonly RegExp[] = [/^\/view\/product\/\d+/, /^\/shop\/pdp\//, /^\/[a-z]{2}\/pdp\//];

/** TikTok's redirect wrapper and the query keys that may hold the target (§4, DESIGN.md). */
export const REDIRECT_PATHS: readonly string[] = ['/link/v2', '/link/v1', '/link'];
export const REDIRECT_TARGET_KEYS: readonly string[] = ['target', 'url', 'u'];
