/**
 * The settings record: one row, always read through the defaults so a field added later
 * has a value in an older database.
 */
import { mergeSettings } from '../model/settings';
import type { Settings } from '../model/types';
import { checked } from './checked';
import type { VigieDatabase } from './open';

export async function getSettings(db: VigieDatabase): Promise<Settings> {
  const record = await db.get('settings', 'settings');
  return mergeSettings(record?.value);
}

/**
 * Merges a patch into the stored settings and returns the result; a result the schema refuses
 * writes nothing and throws.
 */
export async function updateSettings(
  db: VigieDatabase,
  patch: Partial<Settings>,
): Promise<Settings> {
  const tx = db.transaction('settings', 'readwrite');
  const record = await tx.store.get('settings');
  const value = mergeSettings(record?.value, patch);
  try {
    checked('settings', value);
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.store.put({ key: 'settings', value });
  await tx.done;
  return value;
}
