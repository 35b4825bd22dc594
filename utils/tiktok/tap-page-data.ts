/**
 * The feed data a page can carry without any request the tap would see: TikTok's prefetch
 * cache and the server-rendered blobs (research §2). Read once each, as early as they exist,
 * never modified.
 */
import {
  LEGACY_SSR_GLOBAL,
  LEGACY_SSR_SCRIPT_ID,
  PREFETCH_GLOBAL,
  PREFETCH_KEYS,
  PREFETCH_REQUEST,
  PREFETCH_RESULT,
  SSR_GLOBAL,
  SSR_SCRIPT_ID,
} from './signals';

/** Called once per blob or cache entry found, with its parsed JSON (a feed response body for the cache). */
export type OnPageData = (key: string, json: unknown) => void;

function own(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Runs `check` now, when the document becomes interactive (before deferred scripts), at DOMContentLoaded and at load. */
function atEachReadyStep(win: Window, check: () => void): void {
  const run = () => {
    try {
      check();
    } catch {
      // The page's data is the page's problem; the tap stays silent.
    }
  };
  run();
  win.document.addEventListener('readystatechange', run);
  win.document.addEventListener('DOMContentLoaded', run, { once: true });
  win.addEventListener('load', run, { once: true });
}

/**
 * `window.$PREFETCH_CACHE` may exist at document_start or be assigned later. A one-shot accessor
 * notices the assignment and turns back into a plain property holding the page's own value; the
 * entry is read a microtask later (the inline script fills its keys right after assigning). The
 * ready-step checks cover a cache defined some other way. Each key is read once: its `request`
 * promise is awaited (which marks it handled), or its `result` taken if the app already swapped it in.
 */
export function watchPrefetchCache(win: Window, onData: OnPageData): void {
  const handled = new Set<string>();
  const scan = () => {
    const cache = own(win, PREFETCH_GLOBAL);
    for (const key of PREFETCH_KEYS) {
      const entry = own(cache, key);
      if (handled.has(key) || typeof entry !== 'object' || entry === null) continue;
      const result = own(entry, PREFETCH_RESULT);
      const request = own(entry, PREFETCH_REQUEST) as PromiseLike<unknown> | undefined;
      if (result !== undefined) {
        handled.add(key);
        onData(`prefetch:${key}`, result);
      } else if (typeof request?.then === 'function') {
        handled.add(key);
        Promise.resolve(request)
          .then((json) => onData(`prefetch:${key}`, json), () => {})
          .catch(() => {});
      }
    }
  };
  const safeScan = () => {
    try {
      scan();
    } catch {
      // A getter or proxy of the page's that throws is not our error to report.
    }
  };
  try {
    if (!Object.prototype.hasOwnProperty.call(win, PREFETCH_GLOBAL)) {
      Object.defineProperty(win, PREFETCH_GLOBAL, {
        configurable: true,
        enumerable: true,
        get: () => undefined,
        set(value: unknown) {
          Object.defineProperty(win, PREFETCH_GLOBAL, { value, writable: true, configurable: true, enumerable: true });
          queueMicrotask(safeScan);
        },
      });
    }
  } catch {
    // A frozen window: the ready-step checks still run.
  }
  atEachReadyStep(win, safeScan);
}

function parseScript(win: Window, id: string): unknown {
  const text = win.document.getElementById(id)?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The rehydration blob (and the legacy `SIGI_STATE`): from its script element while it exists
 * (the app may remove it after hydration, §2 low), else from the global the app merges it into.
 */
export function readSsrBlobs(win: Window, onData: OnPageData): void {
  const blobs = [
    { key: 'ssr:universal', script: SSR_SCRIPT_ID, global: SSR_GLOBAL, done: false },
    { key: 'ssr:sigi', script: LEGACY_SSR_SCRIPT_ID, global: LEGACY_SSR_GLOBAL, done: false },
  ];
  atEachReadyStep(win, () => {
    for (const blob of blobs) {
      if (blob.done) continue;
      const json = parseScript(win, blob.script) ?? own(win, blob.global);
      if (typeof json !== 'object' || json === null) continue;
      blob.done = true;
      onData(blob.key, json);
    }
  });
}
