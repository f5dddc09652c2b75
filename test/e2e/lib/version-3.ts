/**
 * For upgrade.e2e.ts only, bundled and run in an extension page: puts in place the log a user
 * of the previous version has, schema 3 (every mention's words in its record, under the
 * multiEntry `words` index), written with the product's own first three migrations.
 */
import { CountChanges } from '../../../src/core/db/mention-counts';
import { toStored } from '../../../src/core/db/mentions';
import { migrations } from '../../../src/core/db/migrations';
import { openVigieDB } from '../../../src/core/db/open';
import { DB_NAME } from '../../../src/core/db/schema';
import { wordEntries } from '../../../src/core/model/search';
import type { Mention } from '../../../src/core/model/types';

/** Deletes the log (the background's connection lets go) and writes `mentions` at schema 3. */
export async function makeVersion3(mentions: Mention[]): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('delete failed'));
  });
  const db = await openVigieDB(DB_NAME, migrations.slice(0, 3));
  const tx = db.transaction(['mentions', 'meta'], 'readwrite');
  const counts = new CountChanges();
  await tx.objectStore('meta').put({ key: 'mentionCounts', untriaged: 0, inbox: 0, mentions: 0 });
  for (const mention of mentions) {
    const stored = { ...toStored(mention), words: wordEntries(mention) };
    await tx.objectStore('mentions').put(stored);
    counts.replaced(undefined, stored);
  }
  await counts.save(tx.objectStore('meta'));
  await tx.done;
  const version = db.version;
  db.close();
  return version;
}

/** What the log's database holds now, as the background left it. */
export async function describeLog() {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  try {
    const tx = db.transaction('mentions');
    const store = tx.objectStore('mentions');
    const records = await new Promise<Record<string, unknown>[]>((resolve) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
    });
    return {
      version: db.version,
      stores: [...db.objectStoreNames],
      indexes: [...store.indexNames],
      withWords: records.filter((record) => 'words' in record).length,
      records: records.length,
    };
  } finally {
    db.close();
  }
}
