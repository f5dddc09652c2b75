/**
 * Reads behind the charts: bounded by a date range or by the few hundred crises, by index and
 * cursor, keeping only the fields a chart needs.
 */
import type { CrisisEvent, EventType, Tone } from '../model/types';
import type { VigieDatabase } from './open';

/** The time and tone of every mention captured since `fromIso`. */
export async function flagsSince(
  db: VigieDatabase,
  fromIso: string,
): Promise<{ capturedAt: string; tone: Tone }[]> {
  const flags: { capturedAt: string; tone: Tone }[] = [];
  const range = IDBKeyRange.lowerBound([fromIso]);
  for (
    let cursor = await db.transaction('mentions').store.index('capturedAt').openCursor(range);
    cursor;
    cursor = await cursor.continue()
  ) {
    flags.push({ capturedAt: cursor.value.capturedAt, tone: cursor.value.tone });
  }
  return flags;
}

/** The journal events the metrics read, grouped by crisis (mention links and the like left out). */
export async function metricEvents(
  db: VigieDatabase,
  types: readonly EventType[],
): Promise<Map<string, CrisisEvent[]>> {
  const wanted = new Set(types);
  const byCrisis = new Map<string, CrisisEvent[]>();
  for (
    let cursor = await db.transaction('events').store.openCursor();
    cursor;
    cursor = await cursor.continue()
  ) {
    const event = cursor.value;
    if (!wanted.has(event.type)) continue;
    const list = byCrisis.get(event.crisisId);
    if (list) list.push(event);
    else byCrisis.set(event.crisisId, [event]);
  }
  return byCrisis;
}

/** When the oldest mention was captured, or null for an empty log. */
export async function oldestCaptureAt(db: VigieDatabase): Promise<string | null> {
  const cursor = await db.transaction('mentions').store.index('capturedAt').openKeyCursor();
  return cursor ? cursor.key[0] : null;
}
