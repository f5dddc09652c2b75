/**
 * Undo buffers for deletions. They outlive a stopped background worker (an MV3 service worker
 * may be stopped between a delete and its undo): they are kept in session storage, held in
 * memory by the browser (so a deletion that frees a full disk can still be undone), and go with
 * the session. A large deletion is kept in batches, one entry each; when session storage is
 * full (Chromium gives it 10 MB), the next batches go to local storage, which Vigie's
 * unlimitedStorage permission leaves without a quota. Only a batch that fits nowhere stops a
 * deletion, and then only from that batch on.
 */
import { browser } from '../core/browser';
import { AppError } from '../core/errors';
import { newId } from '../core/model/ids';
import type { Mention } from '../core/model/types';

const PREFIX = 'undo:';
/** How long an undo stays possible. */
const KEEP_MS = 60 * 60 * 1000;
/** Mentions per batch: a deletion is kept, and deleted, this many at a time. */
export const UNDO_BATCH = 500;

const areas = () => [browser.storage.session, browser.storage.local] as const;

/** The token's time, from a storage key `undo:<time>:<id>[:<batch>]`. */
function timeOf(key: string): number {
  return Number(key.slice(PREFIX.length).split(':')[0]);
}

/** Whether the undo buffer under storage `key` is older than an undo may be. */
function isExpired(key: string, now: Date): boolean {
  return now.getTime() - timeOf(key) > KEEP_MS;
}

/** The token a key belongs to (its batch number left out). */
function tokenOf(key: string): string {
  return key.slice(PREFIX.length).split(':').slice(0, 2).join(':');
}

/** Every undo entry of both areas: its area, key and mentions. */
async function entries() {
  const found: { area: { remove(key: string): Promise<void> }; key: string; value: unknown }[] = [];
  for (const area of areas()) {
    const stored = await area.get(null);
    for (const [key, value] of Object.entries(stored)) {
      if (key.startsWith(PREFIX)) found.push({ area, key, value });
    }
  }
  return found;
}

/** The ids of the deleted mentions an undo may still bring back. */
export async function undoableMentionIds(now: Date): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const { key, value } of await entries()) {
    if (isExpired(key, now) || !Array.isArray(value)) continue;
    for (const m of value as { id?: unknown }[]) if (typeof m?.id === 'string') ids.add(m.id);
  }
  return ids;
}

/** Lets go of the undo buffers too old to be used, in both areas. */
export async function dropExpiredUndo(now: Date): Promise<void> {
  for (const { area, key } of await entries()) {
    if (isExpired(key, now)) await area.remove(key);
  }
}

/** A new token for a deletion made at `now`. */
export function newUndoToken(now: Date): string {
  return `${now.getTime()}:${newId()}`;
}

/**
 * Keeps batch `batch` of the deletion `token`: in session storage, or in local storage when
 * the session's is full. Throws 'storage-full' when neither takes it (nothing is to be deleted).
 */
export async function keepUndoBatch(
  token: string,
  batch: number,
  mentions: Mention[],
): Promise<void> {
  const key = `${PREFIX}${token}:${batch}`;
  let last: unknown;
  for (const area of areas()) {
    try {
      await area.set({ [key]: mentions });
      return;
    } catch (error) {
      last = error;
    }
  }
  throw new AppError('storage-full', `No room to keep an undo (${String(last)})`);
}

/** The batches of mentions kept under `token`, in the order they were kept. */
export async function undoBatches(token: string): Promise<unknown[][]> {
  const batches = (await entries())
    .filter(({ key }) => tokenOf(key) === token)
    .map(({ key, value }) => ({ n: Number(key.split(':')[3] ?? 0), value }))
    .sort((a, b) => a.n - b.n);
  if (batches.length === 0 || !batches.every((b) => Array.isArray(b.value))) {
    throw new AppError('not-found', 'This undo has expired.');
  }
  return batches.map((b) => b.value as unknown[]);
}

/** Forgets every batch kept under `token`. */
export async function dropUndo(token: string): Promise<void> {
  for (const { area, key } of await entries()) {
    if (tokenOf(key) === token) await area.remove(key);
  }
}
