/**
 * Hand-written type guards for the shapes the content script and the popup receive: zod,
 * even zod/mini, was ~11 KB gzip of the content script's 15 KB budget and most of its
 * start-up task, and two thirds of the code the popup compiled at open (docs/performance.md).
 * Each guard is held to the zod schema the background uses for the same shape by tests that
 * run both on the same accepted and refused values (tests/unit/content-checks.test.ts,
 * tests/unit/popup-checks.test.ts). The background and the dashboard validate with zod.
 */

export type Guard<T> = (value: unknown) => value is T;

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string of at most `max` UTF-16 units, as zod's `maxLength` counts. */
export const isText =
  (max = Infinity, min = 0): Guard<string> =>
  (value): value is string =>
    typeof value === 'string' && value.length <= max && value.length >= min;

/** zod's `z.int()`: a safe integer. */
export const isInt = (value: unknown): value is number => Number.isSafeInteger(value);
export const isCount = (value: unknown): value is number => isInt(value) && value >= 0;
export const isPositiveInt = (value: unknown): value is number => isInt(value) && value > 0;
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
/** zod 4's `z.number()`: finite (it refuses NaN and ±Infinity). */
export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A string the whole of which `pattern` matches (anchored, no `g` flag: `test` keeps no state). */
export const matches =
  (pattern: RegExp): Guard<string> =>
  (value): value is string =>
    typeof value === 'string' && pattern.test(value);

export const isCurrency = matches(/^[A-Z]{3}$/);

/** As zod's `z.url({ protocol: /^https$/ })` reads it: trimmed, parsed, https. */
export const isHttpsUrl = (value: unknown): value is string => typeof value === 'string' && URL.canParse(value.trim()) && new URL(value.trim()).protocol === 'https:';

export const oneOf =
  <T extends string>(values: readonly T[]): Guard<T> =>
  (value): value is T =>
    (values as readonly unknown[]).includes(value);

export const orNull =
  <T>(guard: Guard<T>): Guard<T | null> =>
  (value): value is T | null =>
    value === null || guard(value);

export const orAbsent =
  <T>(guard: Guard<T>): Guard<T | undefined> =>
  (value): value is T | undefined =>
    value === undefined || guard(value);

export const arrayOf =
  <T>(guard: Guard<T>, max = Infinity): Guard<T[]> =>
  (value): value is T[] =>
    Array.isArray(value) && value.length <= max && value.every(guard);

/**
 * zod's `z.record(z.string(), …)`: an object whose every own value passes `guard`, but for a
 * `__proto__` key, which zod neither checks nor keeps (callers never look that key up).
 */
export const recordOf =
  <T>(guard: Guard<T>): Guard<Record<string, T>> =>
  (value): value is Record<string, T> =>
    isObject(value) && Object.entries(value).every(([key, field]) => key === '__proto__' || guard(field));

/**
 * A tagged union: the guard named by the value's `field` (an own key of `guards` only, so
 * `__proto__` or `toString` pick nothing), which must also accept it.
 */
export function byField<T>(field: string, guards: Record<string, Guard<T>>): Guard<T> {
  return (value): value is T => {
    const tag = isObject(value) ? value[field] : undefined;
    return typeof tag === 'string' && Object.hasOwn(guards, tag) && guards[tag]!(value);
  };
}

/**
 * An object with at least these fields, each passing its guard. Like zod's `z.object`, other
 * keys are allowed; unlike it, they are not stripped: callers read only the fields they checked.
 */
export function hasFields<T>(guards: { [K in keyof T]-?: Guard<T[K]> }): Guard<T> {
  const entries = Object.entries(guards) as [string, Guard<unknown>][];
  return (value): value is T => isObject(value) && entries.every(([key, guard]) => guard(value[key]));
}
