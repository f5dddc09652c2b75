/**
 * The spike alert: when the last 24 hours' flags and negative sightings run above the 7 days
 * before (their mean plus two standard deviations), a notification proposes to open a crisis,
 * at most once a day. Flags are read from the database; negative sightings are counted per hour
 * in local storage (eight days of them: a handful of numbers).
 */
import { browser } from '../core/browser';
import { t, uiLanguage } from '../core/i18n';
import { listMentions } from '../core/db/mentions';
import { flagsSince } from '../core/db/stats';
import { detectSpike, spikeWindows, type Spike } from '../core/model/spike';
import type { Crisis } from '../core/model/types';
import { openCrisisWith, type FlagDeps } from './flag';

const HOURS_KEY = 'spikeSightingHours';
const NOTIFIED_KEY = 'spikeNotifiedAt';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ICON = 'icons/icon-128.png';

/** Notifications of a spike have ids that start with this. */
export const SPIKE_NOTIFICATION = 'spike|';

async function hourCounts(): Promise<Record<string, number>> {
  const stored = (await browser.storage.local.get(HOURS_KEY))[HOURS_KEY];
  return stored && typeof stored === 'object' ? (stored as Record<string, number>) : {};
}

/** Counts `n` negative sightings at `now` (in its hour), forgetting hours older than 8 days. */
export async function countSightings(n: number, now: Date): Promise<void> {
  if (n <= 0) return;
  const hour = Math.floor(now.getTime() / HOUR) * HOUR;
  const counts = await hourCounts();
  const kept = Object.fromEntries(
    Object.entries(counts).filter(([at]) => now.getTime() - Number(at) < 8 * DAY),
  );
  kept[hour] = (kept[hour] ?? 0) + n;
  await browser.storage.local.set({ [HOURS_KEY]: kept });
}

/** The times of the flags and negative sightings of the last 8 days, in ms. */
async function eventTimes(deps: Pick<FlagDeps, 'db'>, now: number): Promise<number[]> {
  const [flags, counts] = await Promise.all([
    flagsSince(deps.db, new Date(now - 8 * DAY).toISOString()),
    hourCounts(),
  ]);
  const times = flags.map((f) => Date.parse(f.capturedAt));
  for (const [at, n] of Object.entries(counts)) {
    // The middle of its hour: a sighting is counted in the window it most likely fell in.
    for (let i = 0; i < n; i++) times.push(Math.min(now, Number(at) + HOUR / 2));
  }
  return times;
}

/** Raises the notification, with its button where the browser has buttons (not Firefox). */
async function notifySpike(spike: Spike, now: number): Promise<void> {
  const options = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL(ICON),
    title: t('monitorSpikeTitle'),
    message: t('monitorSpikeMessage', [
      String(spike.last24h),
      (Math.round(spike.mean * 10) / 10).toLocaleString(uiLanguage()),
    ]),
  };
  const id = `${SPIKE_NOTIFICATION}${now}`;
  // Chromium's `buttons`, which Firefox's schema (and so the polyfill's types) lacks: Firefox
  // refuses the call, and the notification goes again without it.
  const withButton = { ...options, buttons: [{ title: t('monitorSpikeOpenCrisis') }] };
  try {
    await browser.notifications.create(id, withButton);
  } catch {
    try {
      await browser.notifications.create(id, options);
    } catch {
      // Notifications may be turned off for the browser: the flags are in the log all the same.
    }
  }
}

/**
 * Checks for a spike after new flags or negative sightings, and raises the alert when there is
 * one and none was raised in the last 24 hours. Returns the spike alerted, or null.
 */
export async function checkSpike(deps: Pick<FlagDeps, 'db' | 'now'>): Promise<Spike | null> {
  const now = deps.now().getTime();
  const notified = (await browser.storage.local.get(NOTIFIED_KEY))[NOTIFIED_KEY];
  if (typeof notified === 'number' && now - notified < DAY) return null;
  const spike = detectSpike(spikeWindows(await eventTimes(deps, now), now));
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
