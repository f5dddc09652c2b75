import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { settingsAfterImport } from '../../../../src/core/backup/merge';
import { SETTINGS_LISTS } from '../../../../src/core/model/limits';
import { SettingsSchema } from '../../../../src/core/model/schemas';
import { mergeSettings } from '../../../../src/core/model/settings';

const terms = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    term: `${prefix} ${i}`,
    aliases: [],
  }));

describe('settings merged from a backup', () => {
  it('keep the user’s entries, then take the file’s that fit: never more than a record holds', () => {
    const current = mergeSettings(undefined, { watchlist: terms('mine', 4_000) });
    const file = mergeSettings(undefined, { watchlist: terms('theirs', 3_000) });
    const { settings, outcome, added } = settingsAfterImport(current, file);
    expect(outcome).toBe('merged');
    expect(added).toBe(SETTINGS_LISTS.watchlist - 4_000);
    expect(settings.watchlist).toHaveLength(SETTINGS_LISTS.watchlist);
    expect(settings.watchlist.slice(0, 4_000)).toEqual(current.watchlist);
    // What is written passes the import's own check: the next backup restores.
    expect(v.is(SettingsSchema, settings)).toBe(true);
  });
});
