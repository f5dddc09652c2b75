/** The stores a mention query reads, all in one read-only transaction, as idb types them. */
import type { IDBPIndex, IDBPObjectStore, IDBPTransaction } from 'idb';
import type { VigieDB } from './schema';

type Stores = ('mentions' | 'meta' | 'postings')[];

/** The indexes of the mentions whose keys end with the capture time. */
export type TimeIndex = 'capturedAt' | 'inboxAt' | 'crisisId' | 'siteAt' | 'toneAt';

export type QueryTx = IDBPTransaction<VigieDB, Stores, 'readonly'>;
export type Store = IDBPObjectStore<VigieDB, Stores, 'mentions', 'readonly'>;
export type Postings = IDBPObjectStore<VigieDB, Stores, 'postings', 'readonly'>;
export type MentionIndex = IDBPIndex<VigieDB, Stores, 'mentions', TimeIndex>;
