/**
 * Opens Vigie's database, running every migration between the stored version and this build's.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { migrations, SCHEMA_VERSION, type Migration } from './migrations';
import { DB_NAME, type VigieDB } from './schema';

export type VigieDatabase = IDBPDatabase<VigieDB>;

/** Another context upgrades the schema: let it, this connection reopens on next use. */
function letItUpgrade(_current: number, _blocked: number | null, event: IDBVersionChangeEvent) {
  (event.target as IDBDatabase).close();
}

/**
 * Opens (creating or upgrading) the database. `list` and `name` exist for the migration tests,
 * which open a database at an older version and then upgrade it.
 */
export async function openVigieDB(
  name: string = DB_NAME,
  list: readonly Migration[] = migrations,
): Promise<VigieDatabase> {
  const version = list === migrations ? SCHEMA_VERSION : list.length;
  const failure: { error?: unknown } = {};
  const opening = openDB<VigieDB>(name, version, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      try {
        for (let v = oldVersion; v < version; v++) {
          const migrate = list[v];
          if (migrate) await migrate(db, tx);
        }
      } catch (error) {
        // The browser commits an upgrade whose callback stops with no request pending: one
        // that throws would leave the database at the new version, half migrated. Aborted, it
        // stays at the old one, whole, and the open rejects with the migration's error.
        failure.error = error;
        tx.done.catch(() => undefined);
        tx.abort();
      }
    },
    blocking: letItUpgrade,
  });
  try {
    return await opening;
  } catch (error) {
    throw 'error' in failure ? failure.error : error;
  }
}

/**
 * Opens the database at this build's version for reading only, from an extension page: it never
 * creates nor upgrades it (the background owns the schema and every write) and rejects instead,
 * say for a page left open from before an update. The caller closes it once read.
 */
export function openForReading(name: string = DB_NAME): Promise<VigieDatabase> {
  return openDB<VigieDB>(name, SCHEMA_VERSION, {
    upgrade(_db, _oldVersion, _newVersion, tx) {
      // The open rejects with the abort; the transaction's own promise need not say it again.
      tx.done.catch(() => undefined);
      tx.abort();
    },
    blocking: letItUpgrade,
  });
}
