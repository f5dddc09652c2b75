/**
 * The paged way of staging an import, for a worker that cannot read the chosen file itself
 * (`importStageFile` answers 'unavailable'): the page sends the records in pages, each checked
 * again here (the page that read the file is not trusted with the log).
 */
import type { BackgroundCalls } from '../../core/messaging/protocol';
import type { Handlers } from '../../core/messaging/rpc';
import { fitRecords, fitSettings, unsafeKeys } from '../../core/backup/validate';
import { AppError } from '../../core/errors';
import { isStore, stagingOf, type Stagings } from './backup-staging';

export function createStagePagesCall(
  imports: Stagings,
  now: () => Date,
): Handlers<Pick<BackgroundCalls, 'importStage'>, unknown> {
  return {
    importStage({ importId, store, records }) {
      const s = stagingOf(imports, importId, now().getTime());
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
  };
}
