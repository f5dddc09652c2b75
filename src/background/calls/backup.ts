/**
 * The background's side of backups. An export is read in pages (a runtime message is limited to
 * 64 MiB; 100,000 mentions are about 100 MB of JSON). An import is staged in pages in this
 * worker's memory, checked again here (the page that read the file is not trusted with the
 * log), and then written in one transaction. A worker stopped before the commit loses the
 * staged records and answers 'import-expired', and the page sends them again.
 */
import { readPart, storeCounts } from '../../core/db/backup';
import { commitImport, previewImport } from '../../core/db/backup-import';
import { recountMentions } from '../../core/db/mention-counts';
import { SCHEMA_VERSION } from '../../core/db/migrations';
import type { VigieDatabase } from '../../core/db/open';
import { getSettings, updateSettings } from '../../core/db/settings';
import {
  BACKUP_STORES,
  countsOf,
  type BackupData,
  type BackupStore,
  type StoreCounts,
} from '../../core/backup/format';
import { MAX_RECORDS, parseBackup } from '../../core/backup/parse';
import { fitRecords, fitSettings, integrity, unsafeKeys } from '../../core/backup/validate';
import type { BackgroundCalls } from '../../core/messaging/protocol';
import { type Handlers } from '../../core/messaging/rpc';
import { AppError } from '../../core/errors';
import { newId } from '../../core/model/ids';
import type { Crisis, CrisisEvent, Mention, Settings } from '../../core/model/types';

export type BackupCalls = Pick<
  BackgroundCalls,
  | 'backupInfo'
  | 'backupPart'
  | 'backupDone'
  | 'importStart'
  | 'importStage'
  | 'importStageFile'
  | 'importPreview'
  | 'importCommit'
  | 'importCancel'
>;

export interface BackupDeps {
  db: VigieDatabase;
  now: () => Date;
  /** The manifest's version, written into each backup. */
  appVersion: () => string;
  changed: (what: { crises: boolean }) => void;
  /**
   * Called while a long import is written, without waiting for it: an extension API call
   * resets the idle timer after which Chromium stops a service worker (30 s).
   */
  keepAlive?: () => void;
  /**
   * Called once an import is written, for what follows the settings outside the database
   * (monitoring's registration, access to pages, and the pages watched).
   */
  settingsImported?: () => Promise<void>;
  /** The text behind a blob: URL, and this extension's origin (the tests hand in their own). */
  readUrl?: (url: string) => Promise<string>;
  origin?: string;
}

/**
 * The text behind a blob: URL, read by the worker as bytes, then decoded: faster on a large
 * backup than `response.text()` in Chromium.
 */
async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return new TextDecoder().decode(await response.arrayBuffer());
}

/** An import being staged: what the page announced, and what it has sent so far. */
export interface Staging {
  expected: StoreCounts;
  mentions: Mention[];
  crises: Crisis[];
  events: CrisisEvent[];
  settings: Settings | null;
  touchedAt: number;
}

/** Records per backup page, and the JSON size a page stops at (well under 64 MiB). */
const MAX_PART = 1000;
const MAX_PART_CHARS = 8_000_000;
/** A staging left alone this long is dropped (a page closed mid-import). */
const STALE_MS = 30 * 60 * 1000;
/** Imports staged at once; the oldest goes first. */
const MAX_STAGINGS = 2;

/** The imports being staged, in this worker's memory only: a restarted worker has none. */
const stagings = new Map<string, Staging>();

const isStore = (store: unknown): store is BackupStore =>
  BACKUP_STORES.includes(store as BackupStore);

function validCounts(counts: unknown): counts is StoreCounts {
  if (typeof counts !== 'object' || counts === null) return false;
  return BACKUP_STORES.every((store) => {
    const n = (counts as Record<string, unknown>)[store];
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_RECORDS[store];
  });
}

/**
 * The backup calls. `imports` holds the staged imports; the tests hand in a new map to play a
 * worker that restarted.
 */
export function createBackupCalls(
  deps: BackupDeps,
  imports: Map<string, Staging> = stagings,
): Handlers<BackupCalls, unknown> {
  const { db } = deps;

  function staging(importId: unknown): Staging {
    const found = typeof importId === 'string' ? imports.get(importId) : undefined;
    if (!found) {
      throw new AppError('import-expired', 'The staged import is gone; send the file again.');
    }
    found.touchedAt = deps.now().getTime();
    return found;
  }

  /** The whole staged file, checked as a whole, or an error saying what is missing or wrong. */
  function complete(s: Staging): { data: BackupData; orphans: Set<string> } {
    const missing = BACKUP_STORES.find((store) => s[store].length !== s.expected[store]);
    if (missing || !s.settings) {
      throw new AppError(
        'bad-request',
        `The import is not fully staged (${missing ?? 'settings'})`,
      );
    }
    const data: BackupData = {
      mentions: s.mentions,
      crises: s.crises,
      events: s.events,
      settings: s.settings,
    };
    const checked = integrity(data);
    if (checked.problem) throw new AppError('bad-backup', checked.problem);
    return { data, orphans: checked.orphans };
  }

  return {
    async backupInfo() {
      const [counts, settings] = await Promise.all([storeCounts(db), getSettings(db)]);
      return { appVersion: deps.appVersion(), schemaVersion: SCHEMA_VERSION, counts, settings };
    },

    backupPart({ store, after, limit }) {
      if (!isStore(store)) throw new AppError('bad-request', 'Unknown store');
      if (after !== null && typeof after !== 'string') {
        throw new AppError('bad-request', 'after must be an id or null');
      }
      if (!Number.isInteger(limit) || limit < 1) throw new AppError('bad-request', 'limit ≥ 1');
      return readPart(db, store, after, Math.min(limit, MAX_PART), MAX_PART_CHARS);
    },

    async backupDone({ exportedAt }) {
      const at = typeof exportedAt === 'string' ? Date.parse(exportedAt) : NaN;
      if (Number.isNaN(at) || at > deps.now().getTime() + 60_000) {
        throw new AppError('bad-request', 'exportedAt must be a past ISO date');
      }
      const settings = await getSettings(db);
      // Only ever forward: an older export finishing late does not hide a newer one. A last
      // backup in the future (a clock set wrong, a crafted file imported) is not one.
      const last = settings.lastBackupAt ? Date.parse(settings.lastBackupAt) : NaN;
      if (last >= at && last <= deps.now().getTime() + 60_000) return settings;
      const updated = await updateSettings(db, { lastBackupAt: new Date(at).toISOString() });
      deps.changed({ crises: false });
      return updated;
    },

    importStart({ counts }) {
      if (!validCounts(counts)) throw new AppError('bad-request', 'Wrong record counts');
      const now = deps.now().getTime();
      for (const [id, s] of imports) if (now - s.touchedAt > STALE_MS) imports.delete(id);
      while (imports.size >= MAX_STAGINGS) imports.delete(imports.keys().next().value!);
      const importId = newId();
      imports.set(importId, {
        expected: { mentions: counts.mentions, crises: counts.crises, events: counts.events },
        mentions: [],
        crises: [],
        events: [],
        settings: null,
        touchedAt: now,
      });
      return { importId };
    },

    importStage({ importId, store, records }) {
      const s = staging(importId);
      if (!Array.isArray(records)) throw new AppError('bad-request', 'records must be a list');
      const unsafe = unsafeKeys(records);
      if (unsafe) throw new AppError('bad-backup', `${String(store)}${unsafe}`);
      // Texts over their limits are shortened here too; the page that read the file counted
      // them for the user.
      if (store === 'settings') {
        if (records.length !== 1) throw new AppError('bad-backup', 'settings: one record');
        const fit = fitSettings(records[0], {});
        if (!fit.ok) throw new AppError('bad-backup', fit.problem);
        s.settings = fit.settings;
        return { staged: 1 };
      }
      if (!isStore(store)) throw new AppError('bad-request', 'Unknown store');
      const list = s[store] as unknown[];
      if (list.length + records.length > s.expected[store]) {
        throw new AppError('bad-request', `More ${store} than announced`);
      }
      const problem = fitRecords(store, records, {}, list.length);
      if (problem) throw new AppError('bad-backup', problem);
      for (const record of records) list.push(record);
      return { staged: list.length };
    },

    /**
     * The worker reads the chosen file itself: carrying a large log through runtime messages
     * made most of an import's time, the messaging itself. Every check the pages go through is made
     * (the whole parse); the checksum is left to the page, which verified it over the same
     * bytes (it guards against a damaged file, not against the page). Only this extension's
     * blob: URLs are read.
     */
    async importStageFile({ importId, url }) {
      const s = staging(importId);
      const origin = deps.origin ?? globalThis.location?.origin;
      if (typeof url !== 'string' || !origin || !url.startsWith(`blob:${origin}/`)) {
        throw new AppError('bad-request', 'url must be a blob: URL of this extension');
      }
      let text: string;
      try {
        text = await (deps.readUrl ?? fetchText)(url);
      } catch (error) {
        throw new AppError('unavailable', `The file could not be read here: ${String(error)}`);
      }
      const parsed = await parseBackup(text, undefined, { verifyChecksum: false });
      if (!parsed.ok) {
        const { code, detail } = parsed.problem;
        throw new AppError('bad-backup', detail ? `${code}: ${detail}` : code);
      }
      const { data } = parsed.backup;
      const counts = countsOf(data);
      if (BACKUP_STORES.some((store) => counts[store] !== s.expected[store])) {
        throw new AppError('bad-request', 'The file holds other counts than announced');
      }
      s.mentions = data.mentions;
      s.crises = data.crises;
      s.events = data.events;
      s.settings = data.settings;
      return { staged: counts };
    },

    importPreview({ importId }) {
      const { data, orphans } = complete(staging(importId));
      return previewImport(db, data, orphans);
    },

    async importCommit({ importId, mode }) {
      if (mode !== 'merge' && mode !== 'replace') {
        throw new AppError('bad-request', 'mode must be merge or replace');
      }
      const { data, orphans } = complete(staging(importId));
      const summary = await commitImport(db, data, orphans, mode, deps.keepAlive);
      // The import forgot the kept mention counts: count now, not on the popup's next open.
      await recountMentions(db);
      imports.delete(importId);
      deps.changed({ crises: true });
      await deps.settingsImported?.();
      return summary;
    },

    importCancel({ importId }) {
      return { cancelled: imports.delete(importId) };
    },
  };
}
