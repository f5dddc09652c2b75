/**
 * Feed watch in the database: the sources the user added, each with what its polls left
 * (core/feeds/poll.ts), and the sightings their items gave, one per story however many sources
 * tell it (core/feeds/stories.ts), looked up by the story's addresses and folded title.
 */
import type { ItemMatch } from '../feeds/match-items';
import type { PollState } from '../feeds/poll';
import type { FeedSighting, FeedSightingStatus, FeedSource } from '../feeds/records';
import { assignStory, storyLookup, type StoryRef } from '../feeds/stories';
import type { FeedItem } from '../feeds/types';
import { LIMITS, shorten } from '../model/limits';
import type { Iso } from '../model/types';
import type { VigieDatabase } from './open';

export type { FeedSighting, FeedSightingStatus, FeedSource };

/** Sightings kept: the oldest let-go ones leave first beyond it. */
export const MAX_FEED_SIGHTINGS = 2_000;

/** The sources, in the order they were added. */
export async function listSources(db: VigieDatabase): Promise<FeedSource[]> {
  const sources = await db.getAll('feedSources');
  return sources.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
}

export function getSource(db: VigieDatabase, id: string): Promise<FeedSource | undefined> {
  return db.get('feedSources', id);
}

/** Adds or replaces a source. */
export async function putSource(db: VigieDatabase, source: FeedSource): Promise<void> {
  await db.put('feedSources', source);
}

/** Saves what a poll of source `id` left, unless the source was removed meanwhile. */
export async function savePoll(db: VigieDatabase, id: string, poll: PollState): Promise<void> {
  const tx = db.transaction('feedSources', 'readwrite');
  const source = await tx.store.get(id);
  if (source) await tx.store.put({ ...source, poll });
  await tx.done;
}

/** Removes a source; its sightings stay, as found. */
export async function removeSource(db: VigieDatabase, id: string): Promise<void> {
  await db.delete('feedSources', id);
}

/** A new sighting of `item`, its match as found, for story `story`. */
function newSighting(
  story: StoryRef,
  item: FeedItem,
  match: ItemMatch,
  seenAt: Iso,
  baseline: boolean,
): FeedSighting {
  return {
    ...story,
    lastSeenAt: seenAt,
    url: shorten(item.url, LIMITS.url),
    title: shorten(item.title, LIMITS.pageTitle),
    publishedAt: item.published ?? null,
    field: match.field,
    exact: shorten(match.exact, LIMITS.quote),
    sentence: match.sentence,
    selectors: match.selectors,
    score: match.score,
    negative: match.negative,
    terms: match.terms,
    status: 'new',
    mentionId: null,
    baseline,
  };
}

/**
 * Records the matching items one read of source `sourceId` gave, in one transaction: an item
 * of a story already sighted adds its source to it; any other is a new sighting. Returns the
 * new sightings, for the alerts. The oldest let-go sightings go beyond MAX_FEED_SIGHTINGS.
 */
export async function recordSightings(
  db: VigieDatabase,
  sourceId: string,
  found: readonly { item: FeedItem; match: ItemMatch }[],
  seenAt: Iso,
  baseline: boolean,
): Promise<FeedSighting[]> {
  const tx = db.transaction('feedSightings', 'readwrite');
  const created: FeedSighting[] = [];
  for (const { item, match } of found) {
    const keys = storyLookup(item);
    const candidates = new Map<string, FeedSighting>();
    if (keys.urlKey !== null) {
      for (const s of await tx.store.index('urlKeys').getAll(keys.urlKey)) candidates.set(s.id, s);
    }
    if (keys.titleKey) {
      for (const s of await tx.store.index('titleKey').getAll(keys.titleKey)) {
        candidates.set(s.id, s);
      }
    }
    const { story, isNew } = assignStory([...candidates.values()], item, sourceId, seenAt);
    const known = candidates.get(story.id);
    if (!isNew && known) {
      await tx.store.put({ ...known, ...story, lastSeenAt: seenAt });
      continue;
    }
    const sighting = newSighting(story, item, match, seenAt, baseline);
    await tx.store.put(sighting);
    created.push(sighting);
  }
  let over = (await tx.store.count()) - MAX_FEED_SIGHTINGS;
  if (over > 0) {
    // Oldest first by when they were found: those let go (or flagged) leave, never new ones.
    let cursor = await tx.store.index('firstSeenAt').openCursor();
    while (cursor && over > 0) {
      if (cursor.value.status !== 'new') {
        await cursor.delete();
        over--;
      }
      cursor = await cursor.continue();
    }
  }
  await tx.done;
  return created;
}

/** The sightings in `status`, most recently found first, at most `limit`. */
export async function listSightings(
  db: VigieDatabase,
  status: FeedSightingStatus,
  limit: number,
): Promise<FeedSighting[]> {
  const found: FeedSighting[] = [];
  const range = IDBKeyRange.bound([status, ''], [status, '\uffff']);
  let cursor = await db
    .transaction('feedSightings')
    .store.index('statusAt')
    .openCursor(range, 'prev');
  while (cursor && found.length < limit) {
    found.push(cursor.value);
    cursor = await cursor.continue();
  }
  return found;
}

/** How many sightings wait in `status`. */
export function countFeedSightings(db: VigieDatabase, status: FeedSightingStatus): Promise<number> {
  const range = IDBKeyRange.bound([status, ''], [status, '\uffff']);
  return db.countFromIndex('feedSightings', 'statusAt', range);
}

export function getSighting(db: VigieDatabase, id: string): Promise<FeedSighting | undefined> {
  return db.get('feedSightings', id);
}

/** Sets what became of a sighting; returns it, or undefined when there is no such sighting. */
export async function setSightingStatus(
  db: VigieDatabase,
  id: string,
  status: FeedSightingStatus,
  mentionId: string | null = null,
): Promise<FeedSighting | undefined> {
  const tx = db.transaction('feedSightings', 'readwrite');
  const sighting = await tx.store.get(id);
  const next = sighting && { ...sighting, status, mentionId: mentionId ?? sighting.mentionId };
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}
