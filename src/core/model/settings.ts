/**
 * Default settings and how a partial update merges into them.
 */
import { NO_TEMPLATES } from './templates';
import type { Level, Settings } from './types';

/** The containment checklist's built-in items, first always "stop further damage". */
export const DEFAULT_CHECKLIST: Settings['checklist'] = [
  { id: 'stop-damage', label: '', temporary: false },
  { id: 'holding-statement', label: '', temporary: false },
  { id: 'temporary-fix', label: '', temporary: true },
  { id: 'escalate', label: '', temporary: false },
];

export const DEFAULT_SETTINGS: Settings = {
  reactionTargetsHours: { 1: 72, 2: 24, 3: 4, 4: 1 },
  updateCadenceHours: { 1: 24, 2: 24, 3: 24, 4: 4 },
  checklist: DEFAULT_CHECKLIST,
  stakeholders: [],
  templates: NO_TEMPLATES,
  watchlist: [],
  wordRules: [],
  monitoring: false,
  backupReminderDays: 14,
  lastBackupAt: null,
  theme: 'system',
};

function positiveHours(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function levelHours(
  value: Partial<Record<Level, number>> | undefined,
  fallback: Record<Level, number>,
): Record<Level, number> {
  return {
    1: positiveHours(value?.[1], fallback[1]),
    2: positiveHours(value?.[2], fallback[2]),
    3: positiveHours(value?.[3], fallback[3]),
    4: positiveHours(value?.[4], fallback[4]),
  };
}

/**
 * The fields of `value` that settings have and that are set (a field an older version kept is
 * left behind).
 */
function known(value: Partial<Settings> | undefined): Partial<Settings> {
  if (!value) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      ([key, field]) => Object.hasOwn(DEFAULT_SETTINGS, key) && field !== undefined,
    ),
  ) as Partial<Settings>;
}

/**
 * Settings with every field present: stored values over the defaults, then the patch over both.
 * Reaction targets must stay positive hours; anything else falls back to the default.
 */
export function mergeSettings(
  stored: Partial<Settings> | undefined,
  patch: Partial<Settings> = {},
): Settings {
  const merged = { ...DEFAULT_SETTINGS, ...known(stored), ...known(patch) };
  return {
    ...merged,
    reactionTargetsHours: levelHours(
      merged.reactionTargetsHours,
      DEFAULT_SETTINGS.reactionTargetsHours,
    ),
    updateCadenceHours: levelHours(merged.updateCadenceHours, DEFAULT_SETTINGS.updateCadenceHours),
  };
}
