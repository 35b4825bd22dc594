/**
 * Where items sit in TikTok's JSON: feed responses, the server-rendered blob (new and legacy)
 * and prefetch-cache results. Pure and library-free: the main-world tap and the isolated
 * parser share it, so both read the same shapes (research §1, §2).
 */
import {
  LEGACY_ITEM_MODULE,
  RESPONSE_ITEM_PATHS,
  SSR_ITEMS_KEY,
  SSR_SCOPE,
  SSR_VIDEO_DETAIL_KEY,
  SSR_VIDEO_ITEM_PATH,
} from './signals';

/** Lists longer than this are cut: a real page holds tens of items, a forged one must not cost more. */
export const MAX_LIST = 500;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property only: `__proto__` or `constructor` in page JSON must never lead anywhere else. */
function own(value: unknown, key: string): unknown {
  return isRecord(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

/** The values at a key path; `*` fans out over an array (and yields nothing for anything else). */
function valuesAt(root: unknown, path: readonly string[]): unknown[] {
  let current: unknown[] = [root];
  for (const key of path) {
    const next: unknown[] = [];
    for (const value of current) {
      if (key === '*') {
        if (Array.isArray(value)) next.push(...value.slice(0, MAX_LIST - next.length));
      } else {
        const child = own(value, key);
        if (child !== undefined && child !== null) next.push(child);
      }
    }
    current = next;
  }
  return current;
}

function itemsAt(root: unknown, paths: readonly (readonly string[])[]): unknown[] {
  return paths.flatMap((path) => valuesAt(root, path)).slice(0, MAX_LIST);
}

/** The items of a feed API response (`itemList`, an item detail, search results), or `[]`. */
export function itemsOfResponse(json: unknown): unknown[] {
  return itemsAt(json, RESPONSE_ITEM_PATHS);
}

/** Does a feed response have one of the known item containers at all (an empty `itemList` counts)? */
export function hasItemShape(json: unknown): boolean {
  return RESPONSE_ITEM_PATHS.some((path) => {
    const star = path.indexOf('*');
    const container = valuesAt(json, star === -1 ? path : path.slice(0, star));
    return container.some((value) => (star === -1 ? isRecord(value) : Array.isArray(value)));
  });
}

/** The items of the `__UNIVERSAL_DATA_FOR_REHYDRATION__` blob: For You's first page and a video page's item. */
export function itemsOfUniversalData(json: unknown): unknown[] {
  const scope = own(json, SSR_SCOPE);
  return itemsAt(scope, [[SSR_ITEMS_KEY, '*'], [SSR_VIDEO_DETAIL_KEY, ...SSR_VIDEO_ITEM_PATH]]);
}

/** The items of the legacy `SIGI_STATE` blob: `ItemModule` maps item id → item. */
export function itemsOfSigiState(json: unknown): unknown[] {
  const module = own(json, LEGACY_ITEM_MODULE);
  return isRecord(module) ? Object.values(module).slice(0, MAX_LIST) : [];
}
