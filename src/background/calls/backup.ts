/**
 * The background's side of backups. An export is read in pages (a runtime message is limited to
 * 64 MiB; 100,000 mentions are about 100 MB of JSON); an import is backup-import.ts, and its
 * paged way of staging backup-stage-pages.ts.
 */
import { readPart, storeCounts } from '../../core/db/backup';
import { SCHEMA_VERSION } from '../../core/db/migrations';
import { getSettings, updateSettings } from '../../core/db/settings';
import type { BackgroundCalls } from '../../core/messaging/protocol';
import type { Handlers } from '../../core/messaging/rpc';
import { AppError } from '../../core/errors';
import { createImportCalls, type ImportCalls, type ImportDeps } from './backup-import';
import { isStore, stagings, type Stagings } from './backup-staging';
import { createStagePagesCall } from './backup-stage-pages';

export type BackupCalls = ImportCalls &
  Pick<BackgroundCalls, 'backupInfo' | 'backupPart' | 'backupDone' | 'importStage'>;

export interface BackupDeps extends ImportDeps {
  /** The manifest's version, written into each backup. */
  appVersion: () => string;
}

/** Records per backup page, and the JSON size a page stops at (well under 64 MiB). */
const MAX_PART = 1000;
const MAX_PART_CHARS = 8_000_000;

/**
 * The backup calls. `imports` holds the staged imports; the tests hand in a new map to play a
 * worker that restarted.
 */
export function createBackupCalls(
  deps: BackupDeps,
  imports: Stagings = stagings,
): Handlers<BackupCalls, unknown> {
  const { db } = deps;
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

    ...createImportCalls(deps, imports),
    ...createStagePagesCall(imports, deps.now),
  };
}
