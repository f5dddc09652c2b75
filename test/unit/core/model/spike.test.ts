import { describe, expect, it } from 'vitest';
import { detectSpike, spikeWindows } from '../../../../src/core/model/spike';

const HOUR = 3_600_000;
const now = Date.parse('2026-11-25T12:00:00.000Z');

describe('spike alert', () => {
  it('rings when the last 24 hours run above the week’s mean plus two standard deviations', () => {
    expect(detectSpike({ last24h: 12, previous7: [2, 3, 1, 2, 4, 2, 3] })).toMatchObject({
      last24h: 12,
    });
    // An ordinary busy day of an irregular week does not.
    expect(detectSpike({ last24h: 9, previous7: [1, 9, 0, 8, 2, 10, 1] })).toBeNull();
  });

  it('stays quiet for a handful of flags after a silent week, and with no history', () => {
    expect(detectSpike({ last24h: 3, previous7: [0, 0, 0, 0, 0, 0, 0] })).toBeNull();
    expect(detectSpike({ last24h: 6, previous7: [0, 0, 0, 0, 0, 0, 0] })).not.toBeNull();
    expect(detectSpike({ last24h: 50, previous7: [] })).toBeNull();
  });

  it('counts events into the last 24 hours and each of the 7 days before, oldest first', () => {
    const events = [
      [now - 1 * HOUR, 1],
      [now - 23 * HOUR, 3],
      [now - 25 * HOUR, 1],
      [now - 7.5 * 24 * HOUR, 2],
      [now - 9 * 24 * HOUR, 1],
    ] as const;
    expect(spikeWindows(events, now)).toEqual({ last24h: 4, previous7: [2, 0, 0, 0, 0, 0, 1] });
  });

  it('counts nothing at a time in the future', () => {
    expect(spikeWindows([[now + HOUR, 1_000_000]], now)).toEqual({
      last24h: 0,
      previous7: [0, 0, 0, 0, 0, 0, 0],
    });
  });
});
