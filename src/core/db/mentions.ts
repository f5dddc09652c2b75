/**
 * The mentions repository: every read goes through an index and a cursor, so it stays quick
 * at 100,000 mentions. Functions take the database as a parameter.
 */
import type { MentionPage, MentionScope, TimeCursor } from '../messaging/protocol';
import { dedupeKeyOf, pageKeyOf } from '../model/mention';
import type { Mention } from '../model/types';
import type { VigieDatabase } from './open';
import type { StoredMention } from './schema';

/** The stored form of a mention: the record plus the keys its indexes read. */
export function toStored(m: Mention): StoredMention {
  const stored: StoredMention = { ...m, pageKey: pageKeyOf(m.url), dedupeKey: dedupeKeyOf(m) };
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
  const tx = db.transaction('mentions', 'readwrite');
  const stored = toStored(mention);
  const existing = await tx.store.index('dedupeKey').get(stored.dedupeKey);
  if (existing) {
    await tx.done;
    return { mention: fromStored(existing), duplicate: true };
  }
  await tx.store.add(stored);
  await tx.done;
  return { mention, duplicate: false };
}

export async function getMention(db: VigieDatabase, id: string): Promise<Mention | undefined> {
  const stored = await db.get('mentions', id);
  return stored && fromStored(stored);
}

/** Rewrites one mention through `change`, atomically; undefined when it does not exist. */
export async function updateMention(
  db: VigieDatabase,
  id: string,
  change: (m: Mention) => Mention,
): Promise<Mention | undefined> {
  const tx = db.transaction('mentions', 'readwrite');
  const stored = await tx.store.get(id);
  if (!stored) {
    await tx.done;
    return undefined;
  }
  const next = change(fromStored(stored));
  await tx.store.put(toStored(next));
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
): Promise<Mention[]> {
  const tx = db.transaction('mentions', 'readwrite');
  const deleted: Mention[] = [];
  for (const id of ids) {
    const stored = await tx.store.get(id);
    if (!stored) continue;
    deleted.push(fromStored(stored));
    await tx.store.delete(id);
  }
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
  const tx = db.transaction('mentions', 'readwrite');
  for (const mention of mentions) {
    let restored = mention;
    const stored = toStored(mention);
    const again = await tx.store.index('dedupeKey').get(stored.dedupeKey);
    if (again && again.id !== mention.id) {
      const newer = fromStored(again);
      restored = {
        ...mention,
        crisisId: mention.crisisId ?? newer.crisisId,
        triagedAt: mention.triagedAt ?? newer.triagedAt,
        note: [mention.note, newer.note].filter(Boolean).join('\n\n'),
        tags: [...new Set([...mention.tags, ...newer.tags])],
      };
      await tx.store.delete(newer.id);
    }
    await tx.store.put(toStored(restored));
  }
  await tx.done;
}

/** Puts mentions back exactly as given. */
export async function putMentions(db: VigieDatabase, mentions: readonly Mention[]): Promise<void> {
  const tx = db.transaction('mentions', 'readwrite');
  await Promise.all([...mentions.map((m) => tx.store.put(toStored(m))), tx.done]);
}

function scopeQuery(scope: MentionScope, after: TimeCursor | null) {
  switch (scope.in) {
    case 'all':
      return {
        index: 'capturedAt' as const,
        all: null,
        range: after ? IDBKeyRange.upperBound([after.at, after.id], true) : null,
      };
    case 'inbox':
      return {
        index: 'inboxAt' as const,
        all: null,
        range: after ? IDBKeyRange.upperBound([after.at, after.id], true) : null,
      };
    case 'crisis': {
      const lower = [scope.crisisId];
      const all = IDBKeyRange.bound(lower, [scope.crisisId, []]);
      return {
        index: 'crisisId' as const,
        all,
        range: after
          ? IDBKeyRange.bound(lower, [scope.crisisId, after.at, after.id], false, true)
          : null,
      };
    }
  }
}

/** One page of mentions in a scope, newest first, with the total count of the scope. */
export async function listMentions(
  db: VigieDatabase,
  scope: MentionScope,
  limit: number,
  after: TimeCursor | null,
): Promise<MentionPage> {
  const q = scopeQuery(scope, after);
  const tx = db.transaction('mentions');
  const index = tx.store.index(q.index);
  const items: Mention[] = [];
  let cursor = await index.openCursor(q.range ?? q.all, 'prev');
  while (cursor && items.length < limit) {
    items.push(fromStored(cursor.value));
    cursor = await cursor.continue();
  }
  const total = await index.count(q.all);
  await tx.done;
  const last = items[items.length - 1];
  return {
    items,
    total,
    next: cursor && last ? { at: last.capturedAt, id: last.id } : null,
  };
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

/** How many mentions wait in the inbox untriaged, how many in the inbox, how many in all. */
export async function mentionCounts(
  db: VigieDatabase,
): Promise<{ untriaged: number; inbox: number; mentions: number }> {
  const tx = db.transaction('mentions');
  const [untriaged, inbox, mentions] = await Promise.all([
    tx.store.index('untriagedAt').count(),
    tx.store.index('inboxAt').count(),
    tx.store.count(),
  ]);
  await tx.done;
  return { untriaged, inbox, mentions };
}
