/**
 * Upgrades of older backup formats, an ordered list like the schema migrations: upgrade i takes
 * a parsed file from format version i + 1 to i + 2. Each one works on the raw JSON (it knows the
 * shape of its own input), and sets `formatVersion`. A shipped upgrade is never edited; a change
 * of format adds one at the end, and FORMAT_VERSION follows.
 */

export type RawBackup = Record<string, unknown>;
export type FormatUpgrade = (backup: RawBackup) => RawBackup;

/** Format 1 is the first: nothing to upgrade yet. */
export const FORMAT_UPGRADES: readonly FormatUpgrade[] = [];

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
