/**
 * Upgrades of older backup formats, an ordered list like the schema migrations: upgrade i takes
 * a parsed file from format version i + 1 to i + 2. Each one works on the raw JSON (it knows the
 * shape of its own input), and sets `formatVersion`. A shipped upgrade is never edited; a change
 * of format adds one at the end, and FORMAT_VERSION follows.
 */

import { crisisV5, settingsV5 } from '../model/upgrade-v5';

export type RawBackup = Record<string, unknown>;
export type FormatUpgrade = (backup: RawBackup) => RawBackup;

const isRecord = (value: unknown): value is RawBackup =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const FORMAT_UPGRADES: readonly FormatUpgrade[] = [
  // 1 → 2: messages in kinds and languages, as the database's migration 4 → 5 does it.
  (backup) => {
    const data = isRecord(backup.data) ? backup.data : null;
    if (!data) return backup;
    return {
      ...backup,
      data: {
        ...data,
        crises: Array.isArray(data.crises) ? data.crises.map(crisisV5) : data.crises,
        settings: settingsV5(data.settings),
      },
    };
  },
];

/**
 * Brings a parsed file of format `from` up to the last format of `list`. The caller has checked
 * that `from` is a whole number from 1 to `list.length + 1`.
 */
export function upgradeBackup(
  backup: RawBackup,
  from: number,
  list: readonly FormatUpgrade[] = FORMAT_UPGRADES,
): RawBackup {
  let current = backup;
  for (let version = from; version <= list.length; version++) {
    const upgrade = list[version - 1];
    if (upgrade) current = { ...upgrade(current), formatVersion: version + 1 };
  }
  return current;
}
