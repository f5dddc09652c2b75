/**
 * The shape of Vigie's IndexedDB database, as idb's typed schema. Stored mentions carry a few
 * derived fields that exist only to be indexed (IndexedDB cannot index a null crisisId).
 */
import type { DBSchema } from 'idb';
import type { Crisis, CrisisEvent, Mention, Settings } from '../model/types';
import type { CrisisOp, MentionOp } from '../sync/ops';
import type { FeedSighting, FeedSource } from '../feeds/records';

export const DB_NAME = 'vigie';

/** A mention as stored: the record plus the keys its sparse indexes read. */
export interface StoredMention extends Mention {
  /** url without its fragment: one page, whatever anchor it was opened at. */
  pageKey: string;
  /** url + quote + context: a second flag of the same quote on the same page is found here. */
  dedupeKey: string;
  /** capturedAt while in the inbox, absent otherwise. */
  inboxAt?: string;
  /** capturedAt while untriaged, absent otherwise. */
  untriagedAt?: string;
}

/**
 * The mentions captured in one month that hold one word (postings.ts), sorted by capture time
 * then id, packed (posting-pack.ts): `at[i]` is the capture time of the i-th id of `ids`.
 */
export interface PostingList {
  /** Epoch ms; an array of epoch ms and ISO texts when a time has no exact number. */
  at: Float64Array | (number | string)[];
  /** The ids, each after its length. */
  ids: string;
}

/** The mention counts, kept beside the mentions (see mention-counts.ts). */
export interface MetaRecord {
  key: 'mentionCounts';
  untriaged: number;
  inbox: number;
  mentions: number;
}

/**
 * A saved copy of the page a mention was taken from: the bytes as the browser gave them (MHTML
 * from Chromium's pageCapture, the serialized document elsewhere) and their SHA-256. Kept apart
 * from the mention, which holds only its reference: lists never read megabytes of page copy.
 */
export interface PageCopyRecord {
  id: string;
  mentionId: string;
  format: 'mhtml' | 'html';
  /** SHA-256 (hex) of `data` when it was saved. */
  sha256: string;
  savedAt: string;
  bytes: number;
  data: ArrayBuffer;
}

export interface SettingsRecord {
  key: 'settings';
  value: Settings;
}

/**
 * The team cell this browser is connected to, as the writes that share changes need it in
 * their own transaction (core/db/outbox.ts). The credentials are in the extension's storage,
 * not here.
 */
export interface CellRecord {
  key: 'cell';
  /** The server and the cell's database there, as the status shows them. */
  server: string;
  db: string;
  /** The member's name on the server: the author of what they share. */
  user: string;
  /** Whether new crises are shared as they open (the settings' default). */
  shareNew: boolean;
  /** The ids of the crises shared with the cell. */
  shared: string[];
  /** The last `_changes` sequence of the server applied here. */
  since: string;
  lastSyncAt: string | null;
  /** What went wrong last, for the status shown; null once a sync went through. */
  lastError: string | null;
  /** Mentions whose page copy the cell holds: sent from here, or received. */
  copies?: string[];
  /** Mentions whose page copy the cell holds and this browser has yet to fetch. */
  wantCopies?: string[];
}

/** A change waiting to reach the cell's server, in the order it was made. */
export type OutboxEntry = { seq?: number; docId: string } & (
  | { kind: 'crisis'; op: CrisisOp }
  | { kind: 'mention'; op: MentionOp }
  | { kind: 'event'; event: CrisisEvent }
);

export interface VigieDB extends DBSchema {
  mentions: {
    key: string;
    value: StoredMention;
    indexes: {
      capturedAt: [string, string];
      pageKey: [string, string];
      dedupeKey: string;
      crisisId: [string, string, string];
      inboxAt: [string, string];
      untriagedAt: string;
      tags: string;
      siteAt: [string, string, string];
      toneAt: [string, string, string];
    };
  };
  crises: {
    key: string;
    value: Crisis;
    indexes: {
      openedAt: [string, string];
      stateOpenedAt: [string, string, string];
    };
  };
  events: {
    key: string;
    value: CrisisEvent;
    indexes: {
      crisisAt: [string, string, string];
      at: string;
    };
  };
  settings: {
    key: string;
    value: SettingsRecord;
  };
  meta: {
    key: string;
    value: MetaRecord;
  };
  /** Keyed [word, month] (postings.ts). */
  postings: {
    key: [string, string];
    value: PostingList;
  };
  pageCopies: {
    key: string;
    value: PageCopyRecord;
    indexes: {
      mentionId: string;
    };
  };
  /** The connected cell, under the key 'cell'; empty when none is. */
  cell: {
    key: string;
    value: CellRecord;
  };
  /** Keyed by an increasing sequence number: the order of the changes. */
  outbox: {
    key: number;
    value: OutboxEntry;
    indexes: {
      docId: string;
    };
  };
  feedSources: {
    key: string;
    value: FeedSource;
  };
  feedSightings: {
    key: string;
    value: FeedSighting;
    indexes: {
      urlKeys: string;
      titleKey: string;
      firstSeenAt: string;
      statusAt: [string, string];
    };
  };
}
