/**
 * For `npm run bench` only: what this machine's IndexedDB does at all with the log's mentions,
 * with no Vigie code in the measured path, and what a peer library does with them. The bench
 * bundles this file into one script and runs it in an extension page, after the log holds its
 * 100,000 mentions: the floors Vigie's export and import are held to, in the same run.
 */
import Dexie from 'dexie';
import { committed, request } from './idb-requests';

const VIGIE = 'vigie';
const FLOOR = 'vigie-bench-floor';
const PEER = 'vigie-bench-dexie';
/** Records per read when reading the store back: more per request reads slower here. */
const PAGE = 100;

interface IndexShape {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

function open(name: string, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  const opening = indexedDB.open(name, 1);
  if (upgrade) opening.onupgradeneeded = () => upgrade(opening.result);
  return request(opening);
}

async function drop(name: string): Promise<void> {
  await request(indexedDB.deleteDatabase(name));
}

/** The log's mention records as stored, and the shape of the store's indexes. */
async function vigieMentions(): Promise<{ records: unknown[]; indexes: IndexShape[] }> {
  const db = await request(indexedDB.open(VIGIE));
  try {
    const store = db.transaction('mentions').objectStore('mentions');
    const indexes = [...store.indexNames].map((name) => {
      const index = store.index(name);
      const { keyPath, unique, multiEntry } = index;
      return { name, keyPath, unique, multiEntry };
    });
    return { records: await request(store.getAll()), indexes };
  } finally {
    db.close();
  }
}

/** The log's posting lists (the search's index, postings.ts) as stored: keys and values. */
async function vigiePostings(): Promise<{ keys: IDBValidKey[]; values: unknown[] }> {
  const db = await request(indexedDB.open(VIGIE));
  try {
    const store = db.transaction('postings').objectStore('postings');
    const [keys, values] = await Promise.all([
      request(store.getAllKeys()),
      request(store.getAll()),
    ]);
    return { keys, values };
  } finally {
    db.close();
  }
}

/**
 * idb_floor_put_100k_s: the log's mentions written with raw IndexedDB into a new database with
 * the same object store and indexes, in one transaction. With `withPostings`
 * (idb_floor_put_postings_100k_s), the log's posting lists too, in the same transaction: all
 * that an import writes for the search to find those mentions. Returns seconds and the count.
 */
export async function putFloor(withPostings = false): Promise<{ s: number; count: number }> {
  const { records, indexes } = await vigieMentions();
  const postings = withPostings ? await vigiePostings() : { keys: [], values: [] };
  await drop(FLOOR);
  const db = await open(FLOOR, (created) => {
    const store = created.createObjectStore('mentions', { keyPath: 'id' });
    for (const { name, keyPath, unique, multiEntry } of indexes) {
      store.createIndex(name, keyPath, { unique, multiEntry });
    }
    created.createObjectStore('postings');
  });
  try {
    const start = performance.now();
    const tx = db.transaction(['mentions', 'postings'], 'readwrite');
    const store = tx.objectStore('mentions');
    for (const record of records) store.put(record);
    const lists = tx.objectStore('postings');
    postings.values.forEach((list, i) => lists.put(list, postings.keys[i]));
    await committed(tx);
    return { s: (performance.now() - start) / 1000, count: records.length };
  } finally {
    db.close();
    await drop(FLOOR);
  }
}

/** idb_floor_put_postings_100k_s: see putFloor. */
export const putPostingsFloor = () => putFloor(true);

/** An index as Dexie's schema string writes it: `&unique`, `*multiEntry`, `[compound+key]`. */
function dexieIndex({ keyPath, unique, multiEntry }: IndexShape): string {
  const path = Array.isArray(keyPath) ? `[${keyPath.join('+')}]` : keyPath;
  return `${unique ? '&' : ''}${multiEntry ? '*' : ''}${path}`;
}

/** dexie_bulkput_100k_s: the same records, through Dexie's `bulkPut`, with the same indexes. */
export async function dexieFloor(): Promise<{ s: number; count: number }> {
  const { records, indexes } = await vigieMentions();
  await Dexie.delete(PEER);
  const db = new Dexie(PEER);
  db.version(1).stores({ mentions: ['id', ...indexes.map(dexieIndex)].join(', ') });
  try {
    await db.open();
    const start = performance.now();
    await db.table('mentions').bulkPut(records);
    return { s: (performance.now() - start) / 1000, count: records.length };
  } finally {
    db.close();
    await Dexie.delete(PEER);
  }
}

/**
 * One stream of reads over `range`: each page's request asked as soon as the last one
 * answered, each page turned into JSON. Returns the records and characters it read.
 */
async function readStream(
  store: IDBObjectStore,
  lower: string | null,
  upper: string | null,
): Promise<{ count: number; chars: number }> {
  let count = 0;
  let chars = 0;
  let from = lower;
  let after = false;
  for (;;) {
    const range =
      from === null
        ? upper === null
          ? null
          : IDBKeyRange.upperBound(upper, true)
        : upper === null
          ? IDBKeyRange.lowerBound(from, after)
          : IDBKeyRange.bound(from, upper, after, true);
    const page = (await request(store.getAll(range, PAGE))) as { id: string }[];
    chars += JSON.stringify(page).length;
    count += page.length;
    if (page.length < PAGE) return { count, chars };
    from = page[page.length - 1]!.id;
    after = true;
  }
}

/**
 * idb_floor_read_100k_s: the log's mentions read back with raw IndexedDB as fast as it goes
 * here (pages of PAGE in one read-only transaction, two streams side by side over the two
 * halves of the keys, which random UUIDs split about evenly), each page turned into JSON.
 * Returns seconds, the count and the JSON's length in characters.
 */
export async function readFloor(): Promise<{ s: number; count: number; chars: number }> {
  const db = await request(indexedDB.open(VIGIE));
  try {
    const start = performance.now();
    const store = db.transaction('mentions').objectStore('mentions');
    const halves = await Promise.all([readStream(store, null, '8'), readStream(store, '8', null)]);
    return {
      s: (performance.now() - start) / 1000,
      count: halves[0].count + halves[1].count,
      chars: halves[0].chars + halves[1].chars,
    };
  } finally {
    db.close();
  }
}
