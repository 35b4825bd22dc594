/**
 * Hand-written type guards for the few shapes the content script receives: zod, even
 * zod/mini, was ~11 KB gzip of the content script's 15 KB budget and most of its start-up
 * task (docs/performance.md). Each guard is held to the zod schema the background uses for
 * the same shape by tests that run both on the same accepted and refused values
 * (tests/unit/content-checks.test.ts). Only the content script should need these.
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
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

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
