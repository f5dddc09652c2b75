/**
 * The background's side of an import: staged in this worker's memory (read by the worker from
 * the chosen file, or sent in pages by backup-stage-pages.ts), checked again here (the page
 * that read the file is not trusted with the log), previewed, then written in one transaction.
 */
import { countsOf } from '../../core/backup/format';
import { parseBackup } from '../../core/backup/parse';
import { commitImport, previewImport } from '../../core/db/backup-import';
import { mentionCounts } from '../../core/db/mention-counts';
import type { VigieDatabase } from '../../core/db/open';
import { AppError } from '../../core/errors';
import type { BackgroundCalls } from '../../core/messaging/protocol';
import type { Handlers } from '../../core/messaging/rpc';
import { complete, startStaging, stagingOf, type Stagings } from './backup-staging';

export type ImportCalls = Pick<
  BackgroundCalls,
  'importStart' | 'importStageFile' | 'importPreview' | 'importCommit' | 'importCancel'
>;

export interface ImportDeps {
  db: VigieDatabase;
  now: () => Date;
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

export function createImportCalls(
  deps: ImportDeps,
  imports: Stagings,
): Handlers<ImportCalls, unknown> {
  const { db } = deps;
  const staging = (importId: unknown) => stagingOf(imports, importId, deps.now().getTime());

  return {
    importStart({ counts }) {
      return { importId: startStaging(imports, counts, deps.now().getTime()) };
    },

    /**
     * The worker reads the chosen file itself: carrying a large log through runtime messages
     * made most of an import's time, the messaging itself. Every check the pages go through is made
     * (the whole parse); the checksum is left to the page, which verified it over the same
     * bytes (it guards against a damaged file, not against the page). The page asks as soon as
     * the file is chosen and checks it meanwhile, so the two reads run side by side; the staging
     * starts only once the file is parsed here, and the page cancels it when it refuses the
     * file. Only this extension's blob: URLs are read.
     */
    async importStageFile({ url }) {
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
      const staged = countsOf(data);
      const importId = startStaging(imports, staged, deps.now().getTime());
      const s = staging(importId);
      s.mentions = data.mentions;
      s.crises = data.crises;
      s.events = data.events;
      s.settings = data.settings;
      return { importId, staged };
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
      // A log that kept no mention counts has none after the import either: count now, not on
      // the popup's next open.
      await mentionCounts(db);
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
