/**
 * The paged way of staging an import, for a background that cannot read the chosen file itself
 * (its `importStageFile` answers 'unavailable'): the records go in pages, each well under the
 * 64 MiB a runtime message may carry.
 */
import type { BackupData } from '../../core/backup/format';
import { must, type Ask, type Progress } from './backup-transfer';

/** The JSON size (characters) of the records staged per message: far under the 64 MiB limit. */
const STAGE_CHARS = 4_000_000;
const STAGE_COUNT = 5000;

/** `records` cut into pages of at most STAGE_COUNT records and about STAGE_CHARS of JSON. */
export function stagePages<T>(records: readonly T[]): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let chars = 0;
  for (const record of records) {
    const size = JSON.stringify(record).length;
    if (page.length > 0 && (page.length >= STAGE_COUNT || chars + size > STAGE_CHARS)) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(record);
    chars += size;
  }
  if (page.length) pages.push(page);
  return pages;
}

/** Sends `data` page by page into the staging `importId`; `total`: how many records it holds. */
export async function stageInPages(
  ask: Ask,
  importId: string,
  data: BackupData,
  onProgress: Progress,
  total: number,
): Promise<string> {
  let done = 0;
  for (const store of ['crises', 'events', 'mentions'] as const) {
    for (const records of stagePages<unknown>(data[store])) {
      await must(ask('importStage', { importId, store, records }));
      done += records.length;
      onProgress(done, total);
    }
  }
  await must(ask('importStage', { importId, store: 'settings', records: [data.settings] }));
  return importId;
}
