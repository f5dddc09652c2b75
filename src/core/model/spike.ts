/**
 * The spike alert: the last 24 hours' flags and negative sightings against the 7 days before.
 * A spike is a count above the 7-day mean plus two standard deviations (and at least a few
 * events, so that 3 flags after a quiet week do not ring).
 */
import { DAY } from '../time';
export interface SpikeCheck {
  /** Flags and negative sightings in the last 24 hours. */
  last24h: number;
  /** The same count for each of the 7 days before, oldest first. */
  previous7: readonly number[];
}

export interface Spike {
  last24h: number;
  mean: number;
  threshold: number;
}

/** Below this many events in 24 hours nothing is a spike, however quiet the week was. */
export const MIN_SPIKE = 5;

export function detectSpike({ last24h, previous7 }: SpikeCheck): Spike | null {
  if (previous7.length === 0) return null;
  const mean = previous7.reduce((a, b) => a + b, 0) / previous7.length;
  const variance = previous7.reduce((sum, n) => sum + (n - mean) ** 2, 0) / previous7.length;
  const threshold = mean + 2 * Math.sqrt(variance);
  return last24h > threshold && last24h >= MIN_SPIKE ? { last24h, mean, threshold } : null;
}

/** Events at one time: `n` of them at `at` (ms). */
export type Counted = readonly [at: number, n: number];

/**
 * Counts events (`n` at each time, in ms) into the last 24 h and the 7 days before `now`. A
 * time in the future (a clock set wrong, a crafted backup) counts in no window.
 */
export function spikeWindows(events: Iterable<Counted>, now: number): SpikeCheck {
  const previous7 = [0, 0, 0, 0, 0, 0, 0];
  let last24h = 0;
  for (const [t, n] of events) {
    const age = now - t;
    if (!(age >= 0) || !(n > 0)) continue;
    if (age < DAY) last24h += n;
    else if (age < 8 * DAY) previous7[6 - (Math.floor(age / DAY) - 1)]! += n;
  }
  return { last24h, previous7 };
}
