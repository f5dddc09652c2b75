/**
 * The spike alert: when the last 24 hours' flags and negative sightings run above the 7 days
 * before (their mean plus two standard deviations), a notification proposes to open a crisis,
 * at most once a day. Flags are read from the database; negative sightings are counted per hour
 * and per site in local storage (eight days of them: a handful of numbers), each site adding a
 * few at most to an hour.
 */
import { browser } from '../core/browser';
import { t, uiLanguage } from '../core/i18n';
import { listMentions } from '../core/db/mentions';
import { flagsSince } from '../core/db/stats';
import { detectSpike, spikeWindows, type Counted, type Spike } from '../core/model/spike';
import type { Crisis } from '../core/model/types';
import { openCrisisWith, type FlagDeps } from './flag';
import { DAY, HOUR } from '../core/time';
import { notify } from './notices';

const HOURS_KEY = 'spikeSightingHours';
const NOTIFIED_KEY = 'spikeNotifiedAt';

/**
 * Negative sightings one site adds to the spike count in one hour, at most: a page that reloads
 * itself, changes its address or writes new sentences each time cannot ring the alert alone,
 * nor push it out of reach by inflating the week before.
 */
export const MAX_SIGHTINGS_PER_SITE_HOUR = 3;
/** Sites counted in one hour, at most (the hour's count stays a handful of numbers). */
const MAX_SITES_PER_HOUR = 200;

/** Negative sightings per hour (its start, in ms) and per site. */
type HourCounts = Record<string, Record<string, number>>;

async function hourCounts(): Promise<HourCounts> {
  const stored = (await browser.storage.local.get(HOURS_KEY))[HOURS_KEY];
  if (!stored || typeof stored !== 'object') return {};
  // An earlier version kept one number per hour: it counts as one site's.
  return Object.fromEntries(
    Object.entries(stored as Record<string, unknown>).map(([hour, count]) => [
      hour,
      typeof count === 'number'
        ? { '': Math.min(count, MAX_SIGHTINGS_PER_SITE_HOUR) }
        : (count as Record<string, number>),
    ]),
  );
}

/**
 * Counts `n` negative sightings of `site` at `now` (in its hour), each site adding at most
 * MAX_SIGHTINGS_PER_SITE_HOUR to an hour; hours older than 8 days, or in the future, are let go.
 */
export async function countSightings(site: string, n: number, now: Date): Promise<void> {
  if (!(n > 0)) return;
  const hour = Math.floor(now.getTime() / HOUR) * HOUR;
  const counts = await hourCounts();
  const kept: HourCounts = Object.fromEntries(
    Object.entries(counts).filter(([at]) => {
      const age = now.getTime() - Number(at);
      return age >= 0 && age < 8 * DAY;
    }),
  );
  const sites = (kept[hour] ??= {});
  if (!(site in sites) && Object.keys(sites).length >= MAX_SITES_PER_HOUR) return;
  const before = sites[site] ?? 0;
  const after = Math.min(MAX_SIGHTINGS_PER_SITE_HOUR, before + n);
  if (after === before) return;
  sites[site] = after;
  await browser.storage.local.set({ [HOURS_KEY]: kept });
}

/** The flags and negative sightings of the last 8 days: how many at which time. */
async function events(deps: Pick<FlagDeps, 'db'>, now: number): Promise<Counted[]> {
  const [flags, counts] = await Promise.all([
    flagsSince(deps.db, new Date(now - 8 * DAY).toISOString()),
    hourCounts(),
  ]);
  const counted: Counted[] = flags.map((f) => [Date.parse(f.capturedAt), 1]);
  for (const [at, sites] of Object.entries(counts)) {
    const n = Object.values(sites).reduce(
      (sum, c) => sum + Math.min(c, MAX_SIGHTINGS_PER_SITE_HOUR),
      0,
    );
    // The middle of its hour: a sighting is counted in the window it most likely fell in.
    counted.push([Math.min(now, Number(at) + HOUR / 2), n]);
  }
  return counted;
}

/** Raises the notification, with its button where the browser has buttons (not Firefox). */
async function notifySpike(spike: Spike, now: number): Promise<void> {
  const mean = (Math.round(spike.mean * 10) / 10).toLocaleString(uiLanguage());
  await notify(
    { about: 'spike' },
    now,
    {
      title: t('monitorSpikeTitle'),
      message: t('monitorSpikeMessage', [String(spike.last24h), mean]),
    },
    t('monitorSpikeOpenCrisis'),
  );
}

/**
 * Checks for a spike after new flags or negative sightings, and raises the alert when there is
 * one and none was raised in the last 24 hours. Returns the spike alerted, or null.
 */
export async function checkSpike(deps: Pick<FlagDeps, 'db' | 'now'>): Promise<Spike | null> {
  const now = deps.now().getTime();
  const notified = (await browser.storage.local.get(NOTIFIED_KEY))[NOTIFIED_KEY];
  // A time in the future (a clock that was set wrong) would silence the alert for good.
  if (typeof notified === 'number' && notified <= now && now - notified < DAY) return null;
  const spike = detectSpike(spikeWindows(await events(deps, now), now));
  if (!spike) return null;
  await browser.storage.local.set({ [NOTIFIED_KEY]: now });
  await notifySpike(spike, now);
  return spike;
}

/** "Open a crisis" from the alert: one crisis holding the inbox mentions of the last 24 hours. */
export async function openSpikeCrisis(deps: FlagDeps): Promise<Crisis> {
  const since = new Date(deps.now().getTime() - DAY).toISOString();
  const { items } = await listMentions(deps.db, { in: 'inbox' }, 200, null);
  return openCrisisWith(deps, {
    title: t('monitorSpikeCrisisTitle'),
    level: 2,
    mentionIds: items.filter((m) => m.capturedAt > since).map((m) => m.id),
  });
}
