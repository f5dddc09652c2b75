import { describe, expect, it } from 'vitest';
import {
  complete,
  startStaging,
  stagingOf,
  type Stagings,
} from '../../../../src/background/calls/backup-staging';
import { sampleLog } from '../../core/backup/fixtures';

const counts = { mentions: 1, crises: 0, events: 0 };
const MINUTE = 60_000;

describe('the staged imports', () => {
  it('keeps two at most, dropping the oldest, and those left alone half an hour', () => {
    const imports: Stagings = new Map();
    const first = startStaging(imports, counts, 0);
    const second = startStaging(imports, counts, MINUTE);
    const third = startStaging(imports, counts, 2 * MINUTE);
    expect([...imports.keys()]).toEqual([second, third]);
    expect(first).not.toBe(second);
    startStaging(imports, counts, 31.5 * MINUTE);
    expect(imports.has(second)).toBe(false);
    expect(imports.has(third)).toBe(true);
  });

  it('refuses counts that are not whole numbers within the limits', () => {
    expect(() => startStaging(new Map(), { mentions: -1, crises: 0, events: 0 }, 0)).toThrow(
      'Wrong record counts',
    );
    expect(() => startStaging(new Map(), null, 0)).toThrow('Wrong record counts');
  });

  it('answers import-expired for an id it does not hold, and touches the one it does', () => {
    const imports: Stagings = new Map();
    const id = startStaging(imports, counts, 0);
    expect(stagingOf(imports, id, 5).touchedAt).toBe(5);
    expect(() => stagingOf(imports, 'gone', 5)).toThrow(
      expect.objectContaining({ code: 'import-expired' }),
    );
  });

  it('hands over the whole file only once every record and the settings are staged', () => {
    const data = sampleLog('staged');
    const imports: Stagings = new Map();
    const s = stagingOf(
      imports,
      startStaging(
        imports,
        {
          mentions: data.mentions.length,
          crises: data.crises.length,
          events: data.events.length,
        },
        0,
      ),
      0,
    );
    expect(() => complete(s)).toThrow('not fully staged (mentions)');
    Object.assign(s, { mentions: data.mentions, crises: data.crises, events: data.events });
    expect(() => complete(s)).toThrow('not fully staged (settings)');
    s.settings = data.settings;
    expect(complete(s).data).toEqual(data);
  });
});
