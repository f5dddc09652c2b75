/**
 * The backup file's shape: a header that says what the file is, and the whole log in `data`.
 * Records are kept in their domain form (no index keys): the importing Vigie computes its own
 * stored form. docs/backup-format.md describes every field.
 */
import type { Crisis, CrisisEvent, Mention, Settings } from '../model/types';
import { FORMAT_UPGRADES } from './upgrade';

export const BACKUP_FORMAT = 'vigie-backup';

/** The format version this build writes: one more than the upgrades it knows. */
export const FORMAT_VERSION = FORMAT_UPGRADES.length + 1;

/** The stores a backup carries as lists (the settings are one record). */
export type BackupStore = 'mentions' | 'crises' | 'events';
export const BACKUP_STORES: readonly BackupStore[] = ['mentions', 'crises', 'events'];

export type StoreCounts = Record<BackupStore, number>;

export interface BackupData {
  mentions: Mention[];
  crises: Crisis[];
  events: CrisisEvent[];
  settings: Settings;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The version of Vigie that wrote the file (manifest version). */
  appVersion: string;
  /** The database schema version of the Vigie that wrote the file (for information). */
  schemaVersion: number;
  exportedAt: string;
  counts: StoreCounts;
  /** "sha256:" and the SHA-256 (hex) of the canonical JSON of `data`. */
  checksum: string;
}

export interface BackupFile extends BackupHeader {
  data: BackupData;
}

/** How many records of each kind `data` holds. */
export function countsOf(data: Pick<BackupData, BackupStore>): StoreCounts {
  return {
    mentions: data.mentions.length,
    crises: data.crises.length,
    events: data.events.length,
  };
}

export type ImportMode = 'merge' | 'replace';

/**
 * Where an import shortened texts over their limits, and how many of each: a backup written by
 * an earlier Vigie may hold a page's text longer than a record may now ("mentions.pageTitle":
 * 3). Such texts are shortened, not refused: every backup restores.
 */
export type Shortened = Record<string, number>;

/** What an import does to the records of one kind. */
export interface RecordCounts {
  /** Not in the log: added. */
  added: number;
  /** In the log, changed later in the file: the file's record replaces the log's. */
  updated: number;
  /** In the log, changed at the same time: left as it is. */
  unchanged: number;
  /** In the log, changed later in the log: the log's record is kept. */
  kept: number;
}

export interface ImportSummary {
  mentions: RecordCounts;
  crises: RecordCounts;
  events: RecordCounts;
  /** Mentions merged into another one with the same quote on the same page. */
  sameQuote: number;
  /** Mentions whose crisis is not in the file (nor in the log): they go to the inbox. */
  toInbox: number;
  /**
   * Mentions of the file holding another capture than the log's under the same id: the log's
   * stays, the file's is kept beside it as a mention of its own in the inbox.
   */
  otherCapture: number;
  settings: 'taken' | 'kept' | 'merged';
  /** Directory entries, watched terms and word rules the merge adds to the settings. */
  settingsAdded: number;
}

/** What an import would do, both ways, and what the log holds now. */
export interface ImportPreview {
  merge: ImportSummary;
  replace: ImportSummary;
  current: StoreCounts;
}

/** What the background tells the page before it reads the log for a backup. */
export interface BackupInfo {
  appVersion: string;
  schemaVersion: number;
  counts: StoreCounts;
  settings: Settings;
}

/** One page of a store's records in id order; `next` is the id to continue after. */
export interface BackupPart {
  records: unknown[];
  next: string | null;
}
