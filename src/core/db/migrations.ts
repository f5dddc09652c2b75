/**
 * Schema migrations, an ordered list: migration i takes the database from version i to i + 1.
 * A shipped migration is never edited; a change of schema adds a new one at the end.
 */
import { unwrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { wordEntries } from '../model/search';
import { isPacked, packList, timeOf, type Time, type UnpackedList } from './posting-pack';
import { PostingChanges } from './postings';
import type { PostingList, StoredMention, VigieDB } from './schema';
import { crisisV5, settingsV5 } from '../model/upgrade-v5';
import type { Crisis, Settings } from '../model/types';

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
    // The `site` index left the schema in 3 → 4: typed, its name is no longer one of it.
    unwrap(mentions).createIndex('site', 'site');
    mentions.createIndex('tags', 'tags', { multiEntry: true });

    const crises = db.createObjectStore('crises', { keyPath: 'id' });
    crises.createIndex('openedAt', ['openedAt', 'id']);
    crises.createIndex('stateOpenedAt', ['state', 'openedAt', 'id']);

    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('crisisAt', ['crisisId', 'at', 'id']);
    events.createIndex('at', 'at');

    db.createObjectStore('settings', { keyPath: 'key' });
  },

  // 1 → 2: search and filters. Each mention gets the words a search finds it by, indexed one
  // entry per word and capture time; a site's or a tone's mentions get indexes in capture order,
  // so a filtered list pages by cursor like the others; the mention counts are kept in a `meta`
  // store rather than counted at each look. Existing mentions are rewritten (and counted) in
  // this transaction: if the upgrade stops halfway, the database stays at version 1, whole.
  async (db, tx) => {
    const mentions = tx.objectStore('mentions');
    // The `words` index left the schema in 3 → 4: typed, its name is no longer one of it.
    unwrap(mentions).createIndex('words', 'words', { multiEntry: true });
    mentions.createIndex('siteAt', ['site', 'capturedAt', 'id']);
    mentions.createIndex('toneAt', ['tone', 'capturedAt', 'id']);
    db.createObjectStore('meta', { keyPath: 'key' });
    const counts = { untriaged: 0, inbox: 0, mentions: 0 };
    for (let cursor = await mentions.openCursor(); cursor; cursor = await cursor.continue()) {
      const mention = cursor.value;
      await cursor.update({ ...mention, words: wordEntries(mention) } as StoredMention);
      counts.mentions += 1;
      if (mention.inboxAt) counts.inbox += 1;
      if (mention.untriagedAt) counts.untriaged += 1;
    }
    await tx.objectStore('meta').put({ key: 'mentionCounts', ...counts });
  },

  // 2 → 3: evidence. Saved copies of pages, each with its hash, in a store of their own; a
  // mention holds the reference (`evidence.pageCopy`), found again by `mentionId`.
  (db) => {
    const copies = db.createObjectStore('pageCopies', { keyPath: 'id' });
    copies.createIndex('mentionId', 'mentionId');
  },

  // 3 → 4: search by posting lists (postings.ts) instead of the `words` index, which cost one
  // index entry per word of each mention written (an import of 100,000 mentions spent four
  // fifths of its time on them); the `site` index goes too, `siteAt` answers the same. Each
  // mention is rewritten without its words and noted in the lists, in this transaction: if the
  // upgrade stops halfway, the database stays at version 3.
  async (db, tx) => {
    const mentions = tx.objectStore('mentions');
    unwrap(mentions).deleteIndex('words');
    unwrap(mentions).deleteIndex('site');
    db.createObjectStore('postings');
    const lists = new PostingChanges();
    for (let cursor = await mentions.openCursor(); cursor; cursor = await cursor.continue()) {
      const { words: _words, ...mention } = cursor.value as StoredMention & { words?: unknown };
      await cursor.update(mention);
      lists.replaced(undefined, mention);
    }
    await lists.save(tx.objectStore('postings'));
  },

  // 4 → 5: messages in kinds and languages (core/model/upgrade-v5.ts): each crisis and the
  // settings rewritten in this transaction.
  async (_db, tx) => {
    const crises = tx.objectStore('crises');
    for (let cursor = await crises.openCursor(); cursor; cursor = await cursor.continue()) {
      await cursor.update(crisisV5(cursor.value) as Crisis);
    }
    const settings = tx.objectStore('settings');
    const record = await settings.get('settings');
    if (record) await settings.put({ ...record, value: settingsV5(record.value) as Settings });
  },

  // 5 → 6: posting lists packed (posting-pack.ts): times as numbers, ids in one string, which
  // the browser clones far faster than arrays of small strings. Each list is rewritten in this
  // transaction. A database upgraded from version 3 or older got its lists from 3 → 4 in this
  // same upgrade, written by today's PostingChanges, hence packed already: left as they are.
  async (_db, tx) => {
    const postings = tx.objectStore('postings');
    // A mention's time is in about 25 lists: packed once.
    const times = new Map<string, Time>();
    const pack = (iso: string) => {
      let time = times.get(iso);
      if (time === undefined) times.set(iso, (time = timeOf(iso)));
      return time;
    };
    for (let cursor = await postings.openCursor(); cursor; cursor = await cursor.continue()) {
      const list = cursor.value as PostingList | UnpackedList;
      if (!isPacked(list)) await cursor.update(packList(list.at.map(pack), list.id));
    }
  },

  // 6 → 7: the team cell (core/sync): the connected cell, and the outbox of changes waiting
  // for its server, in order, found by document.
  (db) => {
    db.createObjectStore('cell', { keyPath: 'key' });
    const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    outbox.createIndex('docId', 'docId');
  },

  // 7 → 8: feed watch (core/feeds): the sources, and the sightings their items gave, found by
  // a story's addresses and folded title, and listed by status, newest first.
  (db) => {
    db.createObjectStore('feedSources', { keyPath: 'id' });
    const sightings = db.createObjectStore('feedSightings', { keyPath: 'id' });
    sightings.createIndex('urlKeys', 'urlKeys', { multiEntry: true });
    sightings.createIndex('titleKey', 'titleKey');
    sightings.createIndex('firstSeenAt', 'firstSeenAt');
    sightings.createIndex('statusAt', ['status', 'firstSeenAt']);
  },
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = migrations.length;
