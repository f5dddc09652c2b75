/**
 * Undo buffers for deletions, in session storage: they outlive a stopped background worker
 * (an MV3 service worker may be stopped between a delete and its undo) and go with the session.
 */
import { browser } from '../core/browser';
import { AppError } from '../core/messaging/rpc';
import { newId } from '../core/model/ids';
import type { Mention } from '../core/model/types';

const PREFIX = 'undo:';
/** How long an undo stays possible. */
const KEEP_MS = 60 * 60 * 1000;

/** Whether the undo buffer under storage `key` is older than an undo may be. */
function isExpired(key: string, now: Date): boolean {
  return now.getTime() - Number(key.slice(PREFIX.length).split(':')[0]) > KEEP_MS;
}

/** The ids of the deleted mentions an undo may still bring back. */
export async function undoableMentionIds(now: Date): Promise<Set<string>> {
  const stored = await browser.storage.session.get(null);
  const ids = new Set<string>();
  for (const [key, value] of Object.entries(stored)) {
    if (!key.startsWith(PREFIX) || isExpired(key, now) || !Array.isArray(value)) continue;
    for (const m of value as { id?: unknown }[]) if (typeof m?.id === 'string') ids.add(m.id);
  }
  return ids;
}

/** Keeps `mentions` for undo and returns the token that brings them back. */
export async function keepForUndo(mentions: Mention[], now: Date): Promise<string> {
  const token = `${now.getTime()}:${newId()}`;
  const stored = await browser.storage.session.get(null);
  const expired = Object.keys(stored).filter(
    (key) => key.startsWith(PREFIX) && isExpired(key, now),
  );
  if (expired.length) await browser.storage.session.remove(expired);
  try {
    await browser.storage.session.set({ [PREFIX + token]: mentions });
  } catch (error) {
    throw new AppError(
      'storage-full',
      `Nothing was deleted: no room to keep an undo (${String(error)})`,
    );
  }
  return token;
}

/** The mentions kept under `token` (the buffer stays until `dropUndo`, once they are back). */
export async function peekUndo(token: string): Promise<unknown[]> {
  const key = PREFIX + token;
  const stored = (await browser.storage.session.get(key))[key];
  if (!Array.isArray(stored)) throw new AppError('not-found', 'This undo has expired.');
  return stored;
}

export async function dropUndo(token: string): Promise<void> {
  await browser.storage.session.remove(PREFIX + token);
}
