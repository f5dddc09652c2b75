/**
 * Schema migrations, an ordered list: migration i takes the database from version i to i + 1.
 * A shipped migration is never edited; a change of schema adds a new one at the end.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { VigieDB } from './schema';

export type Migration = (
  db: IDBPDatabase<VigieDB>,
  tx: IDBPTransaction<VigieDB, StoreNames<VigieDB>[], 'versionchange'>,
) => void | Promise<void>;

export const migrations: readonly Migration[] = [
  // 0 → 1: the first schema.
  (db) => {
    const mentions = db.createObjectStore('mentions', { keyPath: 'id' });
    mentions.createIndex('capturedAt', ['capturedAt', 'id']);
    mentions.createIndex('pageKey', ['pageKey', 'capturedAt']);
    mentions.createIndex('dedupeKey', 'dedupeKey', { unique: true });
    mentions.createIndex('crisisId', ['crisisId', 'capturedAt', 'id']);
    mentions.createIndex('inboxAt', ['inboxAt', 'id']);
    mentions.createIndex('untriagedAt', 'untriagedAt');
    mentions.createIndex('site', 'site');
    mentions.createIndex('tags', 'tags', { multiEntry: true });

    const crises = db.createObjectStore('crises', { keyPath: 'id' });
    crises.createIndex('openedAt', ['openedAt', 'id']);
    crises.createIndex('stateOpenedAt', ['state', 'openedAt', 'id']);

    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('crisisAt', ['crisisId', 'at', 'id']);
    events.createIndex('at', 'at');

    db.createObjectStore('settings', { keyPath: 'key' });
  },
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = migrations.length;
