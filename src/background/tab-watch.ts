/**
 * What monitoring found in each tab, kept in session storage (it outlives a stopped background
 * worker, goes with the browser session, and content scripts cannot read it): the last report
 * of the tab's page with its sightings scored, and which of them the user flagged since.
 */
import { browser } from '../core/browser';
import type { MonitorReport, ScoredSighting } from '../core/monitoring/report';
import { scoreSightings } from '../core/monitoring/score-sightings';
import { pageKeyOf } from '../core/model/mention';
import type { WordRule } from '../core/model/types';
import { loadWordLists } from './word-lists';

export interface TabWatch extends Omit<MonitorReport, 'sightings'> {
  sightings: ScoredSighting[];
  /** The page the report is about (the address the browser gave with it). */
  url: string;
  /** Sighting id → id of the mention flagged from it. */
  flagged: Record<string, string>;
  /** A fingerprint of the language and word rules the sightings were scored with. */
  scoredWith: string;
  /** Whether the user asked to see the highlights on this page (from the popup). */
  shown: boolean;
}

const PREFIX = 'watch:';
const SEEN_KEY = 'watch:seen';
/** Negative sightings remembered for the spike count, so a reload does not count them again. */
const MAX_SEEN = 5_000;

const keyOf = (tabId: number) => `${PREFIX}${tabId}`;

export async function readTabWatch(tabId: number): Promise<TabWatch | null> {
  const key = keyOf(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  return stored && typeof stored === 'object' ? (stored as TabWatch) : null;
}

/** A short fingerprint of a sighting on a page (FNV-1a), for the seen list. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * Keeps a tab's report (it replaces the one before; the flags made from the same page's
 * sightings are kept) with its sightings scored with the user's word `rules`, and returns how
 * many of its negative sightings were never seen before in this session. The sightings the
 * report before had scored already, with the same rules, keep their score.
 */
export async function saveTabReport(
  tabId: number,
  url: string,
  report: MonitorReport,
  rules: readonly WordRule[],
): Promise<{ newNegative: number; shown: boolean }> {
  const previous = await readTabWatch(tabId);
  const samePage = previous !== null && pageKeyOf(previous.url) === pageKeyOf(url);
  const ids = new Set(report.sightings.map((s) => s.id));
  const flagged = samePage
    ? Object.fromEntries(Object.entries(previous.flagged).filter(([id]) => ids.has(id)))
    : {};
  const scoredWith = scoringFingerprint(report.lang, rules);
  await loadWordLists();
  const sightings = scoreSightings(
    report.sightings,
    { lang: report.lang, rules },
    samePage && previous.scoredWith === scoredWith ? previous.sightings : [],
  );
  const seen = ((await browser.storage.session.get(SEEN_KEY))[SEEN_KEY] as string[]) ?? [];
  const known = new Set(seen);
  const fresh = sightings
    .filter((s) => s.negative)
    .map((s) => fingerprint(`${pageKeyOf(url)}\n${s.termId}\n${s.exact}`))
    .filter((f) => !known.has(f) && known.add(f));
  // Highlights asked for stay asked for on the same page, not on the next one.
  const shown = samePage && previous.shown === true;
  const watch: TabWatch = { ...report, sightings, url, flagged, scoredWith, shown };
  await browser.storage.session.set({
    [keyOf(tabId)]: watch,
    ...(fresh.length > 0 ? { [SEEN_KEY]: [...seen, ...fresh].slice(-MAX_SEEN) } : {}),
  });
  return { newNegative: fresh.length, shown };
}

/**
 * Remembers that a sighting of the tab was flagged as `mentionId`; returns whether the user
 * shows the page's highlights.
 */
export async function markFlagged(
  tabId: number,
  sightingId: string,
  mentionId: string,
): Promise<boolean> {
  const watch = await readTabWatch(tabId);
  if (!watch) return false;
  watch.flagged[sightingId] = mentionId;
  await browser.storage.session.set({ [keyOf(tabId)]: watch });
  return watch.shown === true;
}

/** Remembers whether the user shows the highlights of the tab's page. */
export async function setShown(tabId: number, shown: boolean): Promise<void> {
  const watch = await readTabWatch(tabId);
  if (!watch) return;
  await browser.storage.session.set({ [keyOf(tabId)]: { ...watch, shown } });
}

/** Forgets a closed tab's report. */
export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

/** What the sightings of a page were scored with: its language and the user's word rules. */
function scoringFingerprint(lang: string | null, rules: readonly WordRule[]): string {
  return fingerprint(JSON.stringify([lang, rules]));
}

/**
 * Scores every tab's kept sightings again with the user's new word `rules`. The background
 * holds the sentences: the pages need not scan again for a change of rules.
 */
export async function rescoreTabs(rules: readonly WordRule[]): Promise<void> {
  const stored = await browser.storage.session.get(null);
  const rescored: Record<string, TabWatch> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (!key.startsWith(PREFIX) || key === SEEN_KEY) continue;
    const watch = value as TabWatch;
    const scoredWith = scoringFingerprint(watch.lang, rules);
    if (watch.scoredWith === scoredWith) continue;
    await loadWordLists();
    const sightings = scoreSightings(watch.sightings, { lang: watch.lang, rules });
    rescored[key] = { ...watch, sightings, scoredWith };
  }
  if (Object.keys(rescored).length > 0) await browser.storage.session.set(rescored);
}

/** Forgets every tab's report (monitoring was turned off). */
export async function forgetAllTabs(): Promise<void> {
  const stored = await browser.storage.session.get(null);
  const keys = Object.keys(stored).filter((k) => k.startsWith(PREFIX) && k !== SEEN_KEY);
  if (keys.length > 0) await browser.storage.session.remove(keys);
}
