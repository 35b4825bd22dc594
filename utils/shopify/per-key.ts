/** One instance per key (a store host), made on first use and kept for the worker's life. */
export function perKey<T>(make: () => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make();
      made.set(key, value);
    }
    return value;
  };
}
