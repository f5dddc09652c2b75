/**
 * The figures behind the crisis log's charts, as pure functions: flags per day by tone, crises
 * opened per month by level, and the metrics across crises (medians and targets met, by level),
 * each crisis's metrics computed from its journal as the report does.
 */
import { crisisMetrics } from './journal';
import type { Crisis, CrisisEvent, Level, Settings, Tone } from './types';
import { LEVELS } from './types';
import { DAY } from '../time';

export interface DayCount {
  /** The day, YYYY-MM-DD in UTC. */
  day: string;
  counts: Record<Tone, number>;
}

/** The UTC days from `from` to `to` included, YYYY-MM-DD. */
export function daysBetween(from: number, to: number): string[] {
  const days: string[] = [];
  for (let t = Math.floor(from / DAY) * DAY; t <= to; t += DAY) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** Flags per day, stacked by tone, for every day in [from, to] (days without a flag at 0). */
export function flagsPerDay(
  flags: Iterable<{ capturedAt: string; tone: Tone }>,
  from: number,
  to: number,
): DayCount[] {
  const days = new Map(
    daysBetween(from, to).map((day) => [day, { negative: 0, neutral: 0, positive: 0 }]),
  );
  for (const flag of flags) {
    const counts = days.get(flag.capturedAt.slice(0, 10));
    if (counts) counts[flag.tone] += 1;
  }
  return [...days].map(([day, counts]) => ({ day, counts }));
}

export interface MonthCount {
  /** YYYY-MM */
  month: string;
  counts: Record<Level, number>;
}

/** Crises opened per month by level, from the first crisis's month to `now`'s. */
export function crisesPerMonth(crises: readonly Crisis[], now: number): MonthCount[] {
  if (crises.length === 0) return [];
  const first = crises.reduce(
    (min, c) => (c.openedAt < min ? c.openedAt : min),
    crises[0]!.openedAt,
  );
  const months = new Map<string, Record<Level, number>>();
  const cursor = new Date(`${first.slice(0, 7)}-01T00:00:00Z`);
  const last = new Date(now).toISOString().slice(0, 7);
  for (let i = 0; i < 600; i++) {
    const month = cursor.toISOString().slice(0, 7);
    months.set(month, { 1: 0, 2: 0, 3: 0, 4: 0 });
    if (month >= last) break;
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  for (const crisis of crises) {
    const counts = months.get(crisis.openedAt.slice(0, 7));
    if (counts) counts[crisis.level] += 1;
  }
  return [...months].map(([month, counts]) => ({ month, counts }));
}

/** The median of `values`, or null when there is none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface LevelMetrics {
  /** A level, or 'all' for every crisis. */
  level: Level | 'all';
  crises: number;
  medianReactMs: number | null;
  medianInformMs: number | null;
  medianResolveMs: number | null;
  /** Reaction targets met among the crises whose outcome is known (reacted, or overdue). */
  targetsMet: number;
  targetsKnown: number;
  /** Crises with no reaction at all yet (no containment action): never counted as met. */
  notReacted: number;
}

/** Metrics across crises, per level and for all, from each crisis's journal. */
export function metricsByLevel(
  crises: readonly Crisis[],
  eventsOf: (crisisId: string) => readonly CrisisEvent[],
  settings: Settings,
  now: number,
): LevelMetrics[] {
  const each = crises.map((crisis) => ({
    level: crisis.level,
    metrics: crisisMetrics(crisis, eventsOf(crisis.id), settings, now),
  }));
  const row = (level: Level | 'all'): LevelMetrics => {
    const group = each.filter((e) => level === 'all' || e.level === level);
    const values = (pick: (m: (typeof group)[number]['metrics']) => number | null) =>
      group.map((e) => pick(e.metrics)).filter((v): v is number => v !== null);
    const known = group.filter((e) => e.metrics.reactTargetMet !== null);
    return {
      level,
      crises: group.length,
      medianReactMs: median(values((m) => m.timeToReactMs)),
      medianInformMs: median(values((m) => m.timeToInformMs)),
      medianResolveMs: median(values((m) => m.timeToResolveMs)),
      targetsMet: known.filter((e) => e.metrics.reactTargetMet).length,
      targetsKnown: known.length,
      notReacted: group.filter((e) => !e.metrics.reacted).length,
    };
  };
  return [...LEVELS.map(row), row('all')];
}
