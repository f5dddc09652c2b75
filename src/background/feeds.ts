/**
 * Feed watch in the background: each source is read on an alarm of its own (`feed:<id>`),
 * at the time its last read set (core/feeds/poll.ts: the period, or a back-off after a
 * failure); new items that name watched terms become sightings, one per story; new negative
 * ones are notified and count toward the spike alert once per story. Nothing but the feeds'
 * own addresses is asked for, without cookies.
 */
import { browser, type Alarms } from '../core/browser';
import { t, tn } from '../core/i18n';
import { getSettings } from '../core/db/settings';
import { getSource, listSources, recordSightings, savePoll } from '../core/db/feeds';
import type { VigieDatabase } from '../core/db/open';
import { fetchFeed } from '../core/feeds/fetch-feed';
import { matchItems } from '../core/feeds/match-items';
import { parseFeed } from '../core/feeds/parse';
import { afterPoll, parsedOutcome, type PollOutcome } from '../core/feeds/poll';
import type { ParseResult } from '../core/feeds/types';
import type { FeedSighting, FeedSource } from '../core/feeds/records';
import type { FlagDeps } from './flag';
import { notify } from './notices';
import { checkSpike, countSightings } from './spike-alert';
import { compiledWatchlist } from './watchlist';
import { loadWordLists } from './word-lists';

const ALARM_PREFIX = 'feed:';

/** The alarm that reads source `id`. */
export const feedAlarm = (id: string) => `${ALARM_PREFIX}${id}`;

/** What one read of a source did, for the form that added it and the "Read now" button. */
export interface FeedRead {
  source: FeedSource;
  /** Items the feed gave on this read (0 when it failed or had not changed). */
  items: number;
  /** New sightings it made. */
  sightings: FeedSighting[];
}

/** Reads of each source under way: a second call for the same source waits for the first. */
const reading = new Map<string, Promise<FeedRead | null>>();

/**
 * Reads source `id` once, records what it gave and sets its next read. Null when there is no
 * such source (removed meanwhile).
 */
export function readSource(
  deps: Pick<FlagDeps, 'db' | 'now'>,
  id: string,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<FeedRead | null> {
  let read = reading.get(id);
  if (!read) {
    read = readOnce(deps, id, fetchImpl).finally(() => reading.delete(id));
    reading.set(id, read);
  }
  return read;
}

async function readOnce(
  deps: Pick<FlagDeps, 'db' | 'now'>,
  id: string,
  fetchImpl: typeof fetch,
): Promise<FeedRead | null> {
  const { db } = deps;
  const source = await getSource(db, id);
  if (!source) return null;
  const fetched = await fetchFeed(source.poll.movedTo ?? source.url, source.poll, {
    fetch: fetchImpl,
    now: () => deps.now().getTime(),
  });
  if (fetched.kind === 'aborted') return { source, items: 0, sightings: [] };
  let parsed: ParseResult | null = null;
  let outcome: PollOutcome;
  if (fetched.kind === 'ok') {
    parsed = parseFeed(fetched.bytes, { url: fetched.finalUrl, contentType: fetched.contentType });
    outcome = parsedOutcome(fetched, parsed);
  } else outcome = fetched;
  const now = deps.now();
  const { state, fresh, baseline } = afterPoll(source.poll, outcome, now.getTime(), {
    periodMin: source.periodMin,
  });
  let sightings: FeedSighting[] = [];
  if (fresh.length > 0) {
    const settings = await getSettings(db);
    await loadWordLists();
    const lang = parsed?.ok ? (parsed.feed.lang ?? null) : null;
    const found = matchItems(fresh, compiledWatchlist(settings.watchlist), {
      rules: settings.wordRules,
      lang,
    });
    sightings = await recordSightings(db, id, found, now.toISOString(), baseline);
  }
  await savePoll(db, id, state);
  await browser.alarms.create(feedAlarm(id), { when: Date.parse(state.nextPollAt) });
  const alarming = sightings.filter((s) => s.negative && !s.baseline);
  if (alarming.length > 0) await alert(deps, alarming);
  const items = parsed?.ok ? parsed.feed.items.length : 0;
  return { source: { ...source, poll: state }, items, sightings };
}

/** Tells the user of new negative items, and counts each story once toward the spike alert. */
async function alert(deps: Pick<FlagDeps, 'db' | 'now'>, found: readonly FeedSighting[]) {
  const now = deps.now();
  for (const sighting of found) await countSightings(`feed|${sighting.id}`, 1, now);
  const [first] = found;
  await notify({ about: 'feed' }, now.getTime(), {
    title: tn('feedNotifyTitle', found.length, String(found.length)),
    message: first ? t('feedNotifyMessage', [first.sentence, first.title]) : '',
  });
  await checkSpike(deps);
}

/** The alarm of a source fired: a read. Returns whether the alarm was one of feed watch's. */
export async function onFeedAlarm(
  alarm: Alarms.Alarm,
  deps: Pick<FlagDeps, 'db' | 'now'>,
  after: () => void,
): Promise<boolean> {
  if (!alarm.name.startsWith(ALARM_PREFIX)) return false;
  const read = await readSource(deps, alarm.name.slice(ALARM_PREFIX.length));
  if (read && read.sightings.length > 0) after();
  return true;
}

/**
 * Gives every source its alarm, at its next read (at once when that is past), and takes away
 * the alarms of sources that are gone: at each start, since Firefox keeps no alarm across a
 * browser restart.
 */
export async function scheduleFeeds(db: VigieDatabase, now: number): Promise<void> {
  const sources = await listSources(db);
  const ids = new Set(sources.map((s) => s.id));
  for (const alarm of await browser.alarms.getAll()) {
    if (alarm.name.startsWith(ALARM_PREFIX) && !ids.has(alarm.name.slice(ALARM_PREFIX.length))) {
      await browser.alarms.clear(alarm.name);
    }
  }
  for (const source of sources) {
    if (await browser.alarms.get(feedAlarm(source.id))) continue;
    const when = Math.max(now + 1_000, Date.parse(source.poll.nextPollAt));
    await browser.alarms.create(feedAlarm(source.id), { when });
  }
}
