import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { database } from '../../../src/background/database';
import { DB_NAME } from '../../../src/core/db/schema';

describe("the background's connection to the database", () => {
  it('lets another context upgrade or delete the database, then opens it again', async () => {
    const first = await database();
    expect(await database()).toBe(first);
    // Another context opens it at a newer version: the background's connection lets go.
    const other = await openDB(DB_NAME, first.version + 1);
    other.close();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(database()).rejects.toThrow(/version/i);
    // And when the log is deleted, it is made again, usable, at the next call.
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = () => resolve();
    });
    const again = await database();
    expect(again).not.toBe(first);
    expect(await again.count('mentions')).toBe(0);
  });
});
