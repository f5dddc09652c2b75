/**
 * The mentions repository: every read goes through an index and a cursor, so it stays quick
 * at 100,000 mentions. Functions take the database as a parameter.
 */
import { inKeyOrder } from '../backup/canonical';
import type { MentionPage, MentionScope, TimeCursor } from '../model/paging';
import { LIMITS, shorten } from '../model/limits';
import { applyMentionPatch, dedupeKeyOf, pageKeyOf } from '../model/mention';
import type { MentionFilter } from '../model/search';
import type { Mention } from '../model/types';
import { allChecked, checked } from './checked';
import { MENTION_WRITE, MentionChanges } from './mention-changes';
import { SYNC_WRITE, SyncOut } from './outbox';
import { queryMentions } from './mention-query';
import type { VigieDatabase } from './open';
import type { StoredMention } from './schema';

export { mentionCounts, recountMentions } from './mention-counts';

/**
 * The stored form of a mention: the record plus the keys its indexes read. Every write of a
 * mention goes through it (a backup import too), so the index keys never lag behind the record.
 * The record's keys are stored in canonical order (an import's already are): an export then
 * writes each mention as the database gives it, without copying it to sort its keys.
 */
export function toStored(m: Mention): StoredMention {
  const stored: StoredMention = {
    ...inKeyOrder(m),
    pageKey: pageKeyOf(m.url),
    dedupeKey: dedupeKeyOf(m),
  };
  if (m.crisisId === null) stored.inboxAt = m.capturedAt;
  if (m.crisisId === null && m.triagedAt === null) stored.untriagedAt = m.capturedAt;
  return stored;
}

/** The mention as the rest of Vigie knows it, without the index keys. */
export function fromStored(s: StoredMention): Mention {
  const { pageKey: _p, dedupeKey: _d, inboxAt: _i, untriagedAt: _u, ...mention } = s;
  return mention;
}

/**
 * Stores a new mention, unless the same quote on the same page is already stored: then the
 * existing one is returned and nothing is written. Check and write share one transaction.
 */
export async function addMention(
  db: VigieDatabase,
  mention: Mention,
): Promise<{ mention: Mention; duplicate: boolean }> {
  const stored = toStored(checked('mentions', mention));
  const tx = db.transaction(MENTION_WRITE, 'readwrite');
  const store = tx.objectStore('mentions');
  const existing = await store.index('dedupeKey').get(stored.dedupeKey);
  if (existing) {
    await tx.done;
    return { mention: fromStored(existing), duplicate: true };
  }
  await store.add(stored);
  const changes = new MentionChanges();
  changes.replaced(undefined, stored);
  await changes.save(tx);
  await tx.done;
  return { mention, duplicate: false };
}

export async function getMention(db: VigieDatabase, id: string): Promise<Mention | undefined> {
  const stored = await db.get('mentions', id);
  return stored && fromStored(stored);
}

/**
 * Rewrites one mention through `change`, atomically; undefined when it does not exist. A change
 * the schema refuses writes nothing and throws.
 */
export async function updateMention(
  db: VigieDatabase,
  id: string,
  change: (m: Mention) => Mention,
): Promise<Mention | undefined> {
  const tx = db.transaction([...MENTION_WRITE, ...SYNC_WRITE], 'readwrite');
  const store = tx.objectStore('mentions');
  const stored = await store.get(id);
  if (!stored) {
    await tx.done;
    return undefined;
  }
  const before = fromStored(stored);
  let next: Mention;
  try {
    next = checked('mentions', change(before));
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  const nextStored = toStored(next);
  await store.put(nextStored);
  const changes = new MentionChanges();
  changes.replaced(stored, nextStored);
  await changes.save(tx);
  await (await SyncOut.open(tx)).mention(before, next, next.updatedAt);
  await tx.done;
  return next;
}

/** The mentions of these ids that exist, in the order given. */
export async function getMentions(db: VigieDatabase, ids: readonly string[]): Promise<Mention[]> {
  const tx = db.transaction('mentions');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return found.flatMap((s) => (s ? [fromStored(s)] : []));
}

/** Deletes mentions and returns what was deleted (for undo). */
export async function deleteMentions(
  db: VigieDatabase,
  ids: readonly string[],
  at: string,
): Promise<Mention[]> {
  const tx = db.transaction([...MENTION_WRITE, ...SYNC_WRITE], 'readwrite');
  const store = tx.objectStore('mentions');
  const changes = new MentionChanges();
  const out = await SyncOut.open(tx);
  const deleted: Mention[] = [];
  for (const id of ids) {
    const stored = await store.get(id);
    if (!stored) continue;
    const mention = fromStored(stored);
    deleted.push(mention);
    await store.delete(id);
    changes.replaced(stored, undefined);
    await out.removed(mention, at);
  }
  await changes.save(tx);
  await tx.done;
  return deleted;
}

/**
 * Puts deleted mentions back (undo), in one transaction. Where the same quote was flagged again
 * since, the two are merged into the restored record: its crisis (if it had none), notes and
 * tags join it, so nothing the user wrote is lost.
 */
export async function restoreMentions(
  db: VigieDatabase,
  mentions: readonly Mention[],
): Promise<void> {
  allChecked('mentions', mentions);
  const tx = db.transaction([...MENTION_WRITE, ...SYNC_WRITE], 'readwrite');
  const store = tx.objectStore('mentions');
  const changes = new MentionChanges();
  const out = await SyncOut.open(tx);
  for (const mention of mentions) {
    let restored = mention;
    const stored = toStored(mention);
    const again = await store.index('dedupeKey').get(stored.dedupeKey);
    if (again && again.id !== mention.id) {
      const newer = fromStored(again);
      restored = {
        ...mention,
        crisisId: mention.crisisId ?? newer.crisisId,
        triagedAt: mention.triagedAt ?? newer.triagedAt,
        note: shorten([mention.note, newer.note].filter(Boolean).join('\n\n'), LIMITS.note),
        tags: [...new Set([...mention.tags, ...newer.tags])],
      };
      await store.delete(newer.id);
      changes.replaced(again, undefined);
    }
    const restoredStored = toStored(restored);
    const before = await store.get(restored.id);
    changes.replaced(before, restoredStored);
    await store.put(restoredStored);
    // Back in a shared crisis, it goes to the cell whole again: the cell holds its deletion.
    await out.mention(before && fromStored(before), restored, restored.updatedAt);
  }
  await changes.save(tx);
  await tx.done;
}

/**
 * Adds tags to mentions, in one transaction, as an edit of each (it counts as reviewed).
 * Returns how many mentions gained a tag.
 */
export async function tagMentions(
  db: VigieDatabase,
  ids: readonly string[],
  add: readonly string[],
  now: string,
): Promise<number> {
  const tx = db.transaction([...MENTION_WRITE, ...SYNC_WRITE], 'readwrite');
  const store = tx.objectStore('mentions');
  const changes = new MentionChanges();
  const out = await SyncOut.open(tx);
  let tagged = 0;
  for (const id of ids) {
    const stored = await store.get(id);
    if (!stored) continue;
    const m = fromStored(stored);
    const next = applyMentionPatch(m, { tags: [...m.tags, ...add] }, now);
    if (next.tags.length === m.tags.length) continue;
    const nextStored = toStored(next);
    await store.put(nextStored);
    changes.replaced(stored, nextStored);
    await out.mention(m, next, now);
    tagged++;
  }
  await changes.save(tx);
  await tx.done;
  return tagged;
}

/** Puts mentions back exactly as given. */
export async function putMentions(db: VigieDatabase, mentions: readonly Mention[]): Promise<void> {
  allChecked('mentions', mentions);
  const tx = db.transaction(MENTION_WRITE, 'readwrite');
  const store = tx.objectStore('mentions');
  const changes = new MentionChanges();
  for (const m of mentions) {
    const stored = toStored(m);
    changes.replaced(await store.get(m.id), stored);
    await store.put(stored);
  }
  await changes.save(tx);
  await tx.done;
}

/**
 * One page of mentions in a scope that pass `filter` (all of them without one), newest first
 * unless the filter sorts oldest first, with the list's total when it is known.
 */
export async function listMentions(
  db: VigieDatabase,
  scope: MentionScope,
  limit: number,
  after: TimeCursor | null,
  filter: MentionFilter = {},
): Promise<MentionPage> {
  const page = await queryMentions(db, scope, filter, limit, after);
  return { ...page, items: page.items.map(fromStored) };
}

/** The mentions already flagged on a page (fragment ignored), newest first, and their count. */
export async function mentionsOnPage(
  db: VigieDatabase,
  url: string,
  limit: number,
): Promise<{ items: Mention[]; total: number }> {
  const key = pageKeyOf(url);
  const range = IDBKeyRange.bound([key], [key, []]);
  const tx = db.transaction('mentions');
  const index = tx.store.index('pageKey');
  const items: Mention[] = [];
  let cursor = await index.openCursor(range, 'prev');
  while (cursor && items.length < limit) {
    items.push(fromStored(cursor.value));
    cursor = await cursor.continue();
  }
  const total = await index.count(range);
  await tx.done;
  return { items, total };
}
