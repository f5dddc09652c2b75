/**
 * The imports being staged, in this worker's memory only: what each one's page announced (or
 * the file read here holds), what it has staged so far, and the check of the whole once staged. A worker stopped before the
 * commit loses them and answers 'import-expired', and the page sends the file again.
 */
import {
  BACKUP_STORES,
  type BackupData,
  type BackupStore,
  type StoreCounts,
} from '../../core/backup/format';
import { MAX_RECORDS } from '../../core/backup/parse';
import { integrity } from '../../core/backup/validate';
import { AppError } from '../../core/errors';
import { newId } from '../../core/model/ids';
import type { Crisis, CrisisEvent, Mention, Settings } from '../../core/model/types';

/** An import being staged: what it holds in all, and what is staged so far. */
export interface Staging {
  expected: StoreCounts;
  mentions: Mention[];
  crises: Crisis[];
  events: CrisisEvent[];
  settings: Settings | null;
  touchedAt: number;
}

/** The staged imports by id; the tests hand in a map of their own. */
export type Stagings = Map<string, Staging>;

/** A staging left alone this long is dropped (a page closed mid-import). */
const STALE_MS = 30 * 60 * 1000;
/** Imports staged at once; the oldest goes first. */
const MAX_STAGINGS = 2;

/** The imports being staged in this worker: a restarted worker has none. */
export const stagings: Stagings = new Map();

export const isStore = (store: unknown): store is BackupStore =>
  BACKUP_STORES.includes(store as BackupStore);

function validCounts(counts: unknown): counts is StoreCounts {
  if (typeof counts !== 'object' || counts === null) return false;
  return BACKUP_STORES.every((store) => {
    const n = (counts as Record<string, unknown>)[store];
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_RECORDS[store];
  });
}

/** A new, empty staging of a file holding `counts` records, stale ones dropped first. */
export function startStaging(imports: Stagings, counts: unknown, now: number): string {
  if (!validCounts(counts)) throw new AppError('bad-request', 'Wrong record counts');
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
  return importId;
}

/** The staging of `importId`, touched at `now`, or 'import-expired' when it is gone. */
export function stagingOf(imports: Stagings, importId: unknown, now: number): Staging {
  const found = typeof importId === 'string' ? imports.get(importId) : undefined;
  if (!found) {
    throw new AppError('import-expired', 'The staged import is gone; send the file again.');
  }
  found.touchedAt = now;
  return found;
}

/** The whole staged file, checked as a whole, or an error saying what is missing or wrong. */
export function complete(s: Staging): { data: BackupData; orphans: Set<string> } {
  const missing = BACKUP_STORES.find((store) => s[store].length !== s.expected[store]);
  if (missing || !s.settings) {
    throw new AppError('bad-request', `The import is not fully staged (${missing ?? 'settings'})`);
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
