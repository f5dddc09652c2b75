/**
 * Text the popup and the crisis log show: dates in the UI language, errors in words,
 * level and step names.
 */
import { builtInChecklistLabel, t, tn, uiLanguage, type MessageKey } from '../core/i18n';
import type { AppErrorData, CellStatus } from '../core/messaging/protocol';
import type { NextAction } from '../core/model/next-action';
import type { StepProgress } from '../core/model/steps';
import type { CrisisStep, Level, MessageLang, Reach, Tone } from '../core/model/types';
import type { SourceProblem } from '../core/feeds/sources';

let dateTime: Intl.DateTimeFormat | null = null;
let counter: Intl.NumberFormat | null = null;

/** A count in the UI language, grouped ("100,000"; "100 000" in French). */
export function formatCount(n: number): string {
  counter ??= new Intl.NumberFormat(uiLanguage());
  return counter.format(n);
}

/** A date and time, as "25 Nov 2026, 09:14" in the user's language. */
export function formatDateTime(iso: string): string {
  dateTime ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

let day: Intl.DateTimeFormat | null = null;

/**
 * A day entered as a date (a due date): stored as that day's midnight UTC, said as that day,
 * with no time (which, read in the local zone, would be the day before in the Americas).
 */
export function formatDay(iso: string): string {
  day ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeZone: 'UTC' });
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : day.format(date);
}

/** An amount in its currency, whole units ("€1,200"); the code itself when it is unknown. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return `${Math.round(amount)} ${currency}`;
  }
}

/** A size in megabytes, one decimal at most, in the UI language ("1.5"). */
export function megabytes(bytes: number): string {
  return new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 1 }).format(
    bytes / 1_048_576,
  );
}

/** A file's size in the unit that reads best, in the UI language ("840 kB", "1.5 MB", "2,3 Mo"). */
export function formatSize(bytes: number): string {
  const [value, unit] =
    bytes < 1_048_576 ? [Math.max(1, bytes / 1024), 'kilobyte'] : [bytes / 1_048_576, 'megabyte'];
  return new Intl.NumberFormat(uiLanguage(), {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'kilobyte' ? 0 : 1,
  }).format(value);
}

/** What to tell the user when a call to the background failed. */
export function errorText(error: AppErrorData): string {
  switch (error.code) {
    case 'storage-full':
      return t('errorStorageFull');
    case 'unavailable':
      return t('errorUnavailable');
    case 'not-found':
      return t('errorNotFound');
    case 'wrong-page':
      return t('errorWrongPage');
    case 'cannot-copy':
      return t('errorCannotCopy', error.message);
    case 'cell':
      return cellFailureText(error.message);
    case 'no-cell':
      return t('cellNone');
    case 'feed':
      return sourceProblemText(error.message);
    default:
      return t('errorGeneric', error.message);
  }
}

/** Why a feed source cannot be added (core/feeds/sources.ts), or 'refused': no access. */
const FEED_PROBLEMS: Record<SourceProblem | 'refused', MessageKey> = {
  empty: 'feedProblemEmpty',
  'too-long': 'feedProblemTooLong',
  'bad-url': 'feedProblemBadUrl',
  'not-https': 'feedProblemNotHttps',
  credentials: 'feedProblemCredentials',
  'bad-alert-url': 'feedProblemAlertUrl',
  'bad-locale': 'feedProblemLocale',
  'bad-instance': 'feedProblemInstance',
  'bad-hashtag': 'feedProblemHashtag',
  'bad-handle': 'feedProblemHandle',
  'bad-channel-id': 'feedProblemChannel',
  'bad-subreddit': 'feedProblemSubreddit',
  'bad-reddit-token': 'feedProblemRedditToken',
  refused: 'feedProblemRefused',
};

/** Why a source cannot be added, in words. */
export function sourceProblemText(problem: string): string {
  return t(
    Object.hasOwn(FEED_PROBLEMS, problem)
      ? FEED_PROBLEMS[problem as SourceProblem]
      : 'feedProblemBadUrl',
  );
}

const CELL_FAILURES: Record<string, MessageKey> = {
  'bad-url': 'cellFailureBadUrl',
  insecure: 'cellFailureInsecure',
  unreachable: 'cellFailureUnreachable',
  unauthorized: 'cellFailureUnauthorized',
  forbidden: 'cellFailureForbidden',
  'not-couch': 'cellFailureNotCouch',
  'no-database': 'cellFailureNoDatabase',
  server: 'cellFailureServer',
  conflict: 'cellFailureConflict',
  refused: 'cellRefused',
};

/** What a failure of the team cell's server (core/sync/couch.ts) means, in words. */
export function cellFailureText(failure: string): string {
  return t(
    Object.hasOwn(CELL_FAILURES, failure) ? CELL_FAILURES[failure]! : 'cellFailureBadResponse',
  );
}

/** The sync's state in one line: last synced, changes waiting, the last failure. */
export function cellStatusText(cell: CellStatus): string {
  const parts = [
    cell.lastSyncAt ? t('cellLastSynced', formatDateTime(cell.lastSyncAt)) : t('cellNeverSynced'),
  ];
  if (cell.waiting > 0) parts.push(tn('cellWaiting', cell.waiting, formatCount(cell.waiting)));
  if (cell.lastError) parts.push(t('cellLastFailed', cellFailureText(cell.lastError)));
  return parts.join(' · ');
}

const LEVEL_KEYS: Record<Level, MessageKey> = {
  1: 'level1',
  2: 'level2',
  3: 'level3',
  4: 'level4',
};
const STEP_KEYS: Record<CrisisStep, MessageKey> = {
  react: 'stepReact',
  assess: 'stepAssess',
  inform: 'stepInform',
  plan: 'stepPlan',
  learn: 'stepLearn',
  closed: 'stepClosed',
};
const PROGRESS_KEYS: Record<StepProgress, MessageKey> = {
  'to-do': 'stepPending',
  'in-progress': 'stepInProgress',
  'not-done': 'stepNotDone',
  done: 'stepDone',
  skipped: 'stepSkipped',
};
const TONE_KEYS: Record<Tone, MessageKey> = {
  negative: 'toneNegative',
  neutral: 'toneNeutral',
  positive: 'tonePositive',
};
const REACH_KEYS: Record<Reach, MessageKey> = {
  low: 'reachLow',
  medium: 'reachMedium',
  high: 'reachHigh',
};

export const levelName = (level: Level) => t(LEVEL_KEYS[level]);
/** A level as the user reads it everywhere: its number and its name ("3 · Alert"). */
export const levelText = (level: Level) => `${level} · ${levelName(level)}`;
export const stepName = (step: CrisisStep) => t(STEP_KEYS[step]);
/** How a step shows: to do, in progress (begun or left undone), done, skipped. */
export const stepProgressName = (progress: StepProgress) => t(PROGRESS_KEYS[progress]);
export const toneName = (tone: Tone) => t(TONE_KEYS[tone]);
export const reachName = (reach: Reach) => t(REACH_KEYS[reach]);

/** Text quoted as the UI language quotes it: “…” in English, « … » in French. */
export function quoted(text: string): string {
  return uiLanguage() === 'fr' ? `«\u00a0${text}\u00a0»` : `“${text}”`;
}

/** Only web and file addresses become links; anything else stays text. */
export function isOpenableUrl(url: string): boolean {
  return /^(https?|file):/i.test(url);
}

/** The next thing to do, in words ("Inform 2 key stakeholders"). */
export function nextActionText(next: NextAction): string {
  switch (next.kind) {
    case 'contain':
      return tn('nextContain', next.count, formatCount(next.count));
    case 'inform':
      return tn('nextInform', next.count, formatCount(next.count));
    case 'assess':
      return t('nextAssess');
    case 'plan':
      return t('nextPlan');
    case 'learn':
      return t('nextLearn');
    case 'step':
      return stepName(next.step);
  }
}

/**
 * A containment item's text: the user's own words as written, or a built-in item's text in the
 * UI language (built-in items are stored by their id, so that they follow the language).
 */
export function checklistLabel(item: { id: string; label: string }): string {
  return item.label || builtInChecklistLabel(item.id) || item.id;
}

/**
 * The message languages, each named in itself (as language pickers do): a French speaker
 * looks for "Français", whatever the language of the page.
 */
export const LANGUAGE_NAMES: Record<MessageLang, string> = { fr: 'Français', en: 'English' };
