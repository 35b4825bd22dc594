/**
 * Reads ScrollCart's IndexedDB from inside an extension context (the Chromium service
 * worker, or a Firefox extension page of the same origin). Passed to `evaluate`, so it
 * must be self-contained: no imports, no closures.
 */
export async function readTable(table: string): Promise<unknown[]> {
  // Opening a database that does not exist would create an empty one under the background's feet.
  if (!(await indexedDB.databases()).some((d) => d.name === 'scrollcart')) return [];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('scrollcart');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!db.objectStoreNames.contains(table)) return [];
    return await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(table, 'readonly').objectStore(table).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}
