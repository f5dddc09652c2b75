/**
 * Raw IndexedDB as promises, for the bench's in-page scripts (bench-log.ts, bench-floors.ts),
 * which write with no library between them and the database.
 */

/** The result of one request. */
export function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
}

/** A transaction's end: resolved once committed, rejected if it failed or was aborted. */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
    tx.onabort = () => fail(tx.error ?? new Error('aborted'));
  });
}
