/**
 * Reading a backup file: everything is checked before anything is used, and the first problem
 * found rejects the file whole. Only texts longer than a record may hold are mended (shortened,
 * and counted): a backup of an earlier Vigie that kept them still restores. The order of the
 * checks decides which problem the user is told about: not JSON, not a backup, too new,
 * damaged (checksum), then the first wrong record.
 */
import * as v from 'valibot';
import { dataChecksum } from './build';
import {
  BACKUP_FORMAT,
  BACKUP_STORES,
  countsOf,
  FORMAT_VERSION,
  type BackupData,
  type BackupFile,
} from './format';
import { issueText, problem, type BackupProblem } from './problems';
import { upgradeBackup, type FormatUpgrade, type RawBackup } from './upgrade';
import { fitRecords, fitSettings, integrity, unsafeKeys, type Shortened } from './validate';

/**
 * The largest file read: a JavaScript string holds about 512 million characters, and the
 * parsed records take several times the text's size. A log of 100,000 mentions is ~100 MB.
 */
export const MAX_BACKUP_CHARS = 400_000_000;

/**
 * At most this many records of each kind, in a file or announced by an import: far beyond any
 * real log, short of exhausting memory.
 */
export const MAX_RECORDS: Record<keyof BackupData, number> = {
  mentions: 2_000_000,
  crises: 100_000,
  events: 5_000_000,
  settings: 1,
};

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The file around its records, at format `version` (the records are checked one by one). */
const headerSchema = (version: number) =>
  v.strictObject({
    format: v.literal(BACKUP_FORMAT),
    formatVersion: v.literal(version),
    appVersion: v.pipe(v.string(), v.maxLength(100)),
    schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
    exportedAt: v.pipe(v.string(), v.isoTimestamp()),
    counts: v.strictObject({ mentions: count, crises: count, events: count }),
    checksum: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/)),
    data: v.strictObject({
      mentions: v.pipe(v.array(v.unknown()), v.maxLength(MAX_RECORDS.mentions)),
      crises: v.pipe(v.array(v.unknown()), v.maxLength(MAX_RECORDS.crises)),
      events: v.pipe(v.array(v.unknown()), v.maxLength(MAX_RECORDS.events)),
      settings: v.unknown(),
    }),
  });
const HEADER = headerSchema(FORMAT_VERSION);

export type ParsedBackup =
  | {
      ok: true;
      backup: BackupFile;
      /** Ids of mentions whose crisis is not in the file (they go to the inbox). */
      orphans: Set<string>;
      /** The texts over their limits that were shortened, by place (an earlier Vigie's file). */
      shortened: Shortened;
    }
  | { ok: false; problem: BackupProblem };

const isRecord = (value: unknown): value is RawBackup =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The data of a parsed file, every record checked, texts over their limits shortened in place
 * (counted in `shortened`), or the first problem.
 */
function checkData(data: RawBackup, shortened: Shortened): string | null {
  for (const store of BACKUP_STORES) {
    const found = fitRecords(store, data[store] as unknown[], shortened);
    if (found) return found;
  }
  const settings = fitSettings(data.settings, shortened);
  if (!settings.ok) return settings.problem;
  data.settings = settings.settings;
  return null;
}

/**
 * Parses and checks a backup file's text. `upgrades` exists for the tests, which read files of
 * a pretend older format. `verifyChecksum: false` skips the one check that guards the file
 * against damage, not the log against the file: the background's second reading of a file the
 * page already read whole, checksum included.
 */
export async function parseBackup(
  text: string,
  upgrades?: readonly FormatUpgrade[],
  { verifyChecksum = true }: { verifyChecksum?: boolean } = {},
): Promise<ParsedBackup> {
  const fail = (p: BackupProblem): ParsedBackup => ({ ok: false, problem: p });
  const current = upgrades ? upgrades.length + 1 : FORMAT_VERSION;
  if (text.length > MAX_BACKUP_CHARS)
    return fail(problem('too-large', `${text.length} characters`));

  let raw: unknown;
  try {
    // A byte order mark is no part of the JSON (some editors add one when saving).
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return fail(problem('not-json', error instanceof Error ? error.message : String(error)));
  }
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) return fail(problem('not-backup'));

  // Paths in problems name records as the user knows them (mentions[3]…), without "data.".
  const unsafe = unsafeKeys(raw.data) ?? unsafeKeys({ ...raw, data: null });
  if (unsafe) return fail(problem('invalid', unsafe));

  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(
      problem(
        'invalid',
        `formatVersion: expected a whole number from 1, got ${JSON.stringify(version)}`,
      ),
    );
  }
  if (version > current) return fail(problem('newer', String(version)));

  // The checksum covers the data as written, so it is checked before any upgrade.
  if (typeof raw.checksum !== 'string') return fail(problem('invalid', 'checksum: missing'));
  if (!isRecord(raw.data)) return fail(problem('invalid', 'data: expected an object'));
  // The file's length bounds the data's canonical text closely (no indentation, no header).
  if (verifyChecksum && (await dataChecksum(raw.data, text.length)) !== raw.checksum) {
    return fail(problem('checksum'));
  }

  const upgraded = upgradeBackup(raw, version, upgrades);
  const schema = upgrades ? headerSchema(current) : HEADER;
  const header = v.safeParse(schema, upgraded, { abortEarly: true });
  if (!header.success) return fail(problem('invalid', issueText(header.issues[0], [])));

  const data = upgraded.data as RawBackup;
  const shortened: Shortened = {};
  const wrong = checkData(data, shortened);
  if (wrong) return fail(problem('invalid', wrong));

  const backup = upgraded as unknown as BackupFile;
  const counts = countsOf(backup.data);
  for (const store of BACKUP_STORES) {
    if (counts[store] !== backup.counts[store]) {
      return fail(
        problem(
          'invalid',
          `counts.${store}: says ${backup.counts[store]}, the file holds ${counts[store]}`,
        ),
      );
    }
  }
  const checked = integrity(backup.data);
  if (checked.problem) return fail(problem('invalid', checked.problem));
  return { ok: true, backup, orphans: checked.orphans, shortened };
}
